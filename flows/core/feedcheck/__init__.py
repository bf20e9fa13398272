"""Check JSON and JSON Lines feeds against a JSON Schema, record by record, without trusting the input.

Pure: the io layer hands in byte chunks and schemas as values; everything here turns them into records with line
numbers, errors a person can read, and a report.
"""
