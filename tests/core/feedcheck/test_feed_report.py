"""Tallying entries into a report: counts, error budget, exit codes, and the JSON form against its schema."""

from __future__ import annotations

from flows.core.feedcheck.feed import FeedEntry
from flows.core.feedcheck.issues import Issue
from flows.core.feedcheck.render import as_document, text_lines
from flows.core.feedcheck.report import ErrorBudget, FileSummary, build_report, tally_entries
from flows.io.schemas import validator_for

BAD = Issue("schema", 'missing required property "title"', "required", "")


def entries(valid: int, invalid: int) -> list[FeedEntry]:
    good = [FeedEntry(n + 1, None, b"{}", {}, ()) for n in range(valid)]
    bad = [FeedEntry(valid + n + 1, None, b"{}", {}, (BAD,)) for n in range(invalid)]
    return good + bad


def report_of(summaries: list[FileSummary], budget: ErrorBudget):
    return build_report("feed-item.v1", "urn:agenda:schema:feed-item:v1", "python-jsonschema", summaries, budget)


def test_counts_and_located_errors() -> None:
    budget = ErrorBudget(None)
    summary = tally_entries("f.jsonl", "json-lines", "utf-8", [], entries(3, 2), budget)
    assert (summary.records, summary.valid, summary.invalid, summary.status) == (5, 3, 2, "checked")
    located = [(error.file, error.line, error.pointer) for error in budget.errors]
    assert located == [("f.jsonl", 4, ""), ("f.jsonl", 5, "")]
    assert report_of([summary], budget).exit_code == 1


def test_the_budget_stops_reading_at_the_first_error_that_does_not_fit() -> None:
    budget = ErrorBudget(1)
    summary = tally_entries("f.jsonl", "json-lines", "utf-8", [], entries(1, 5), budget)
    assert (summary.status, summary.records, len(budget.errors), budget.truncated) == ("stopped", 3, 1, True)


def test_an_error_between_records_makes_the_file_invalid_without_counting_a_record() -> None:
    gap = FeedEntry(2, None, None, None, (Issue("invalid_json", "trailing comma"),), is_record=False)
    budget = ErrorBudget(None)
    summary = tally_entries("f.json", "json-array", "utf-8", [], [*entries(1, 0), gap], budget)
    assert (summary.records, summary.invalid) == (1, 0)
    assert report_of([summary], budget).exit_code == 1


def test_exit_codes() -> None:
    clean = FileSummary("a.jsonl", "checked", "json-lines", "utf-8", 2, 2, 0)
    unreadable = FileSummary("b.jsonl", "unreadable", problem="no such file")
    assert report_of([clean], ErrorBudget(None)).exit_code == 0
    assert report_of([clean, unreadable], ErrorBudget(None)).exit_code == 2


def test_the_json_form_validates_against_the_published_report_schema() -> None:
    budget = ErrorBudget(1)
    summaries = [
        tally_entries("f.jsonl", "json-lines", "utf-8", ["a UTF-8 byte order mark was skipped"], entries(1, 2), budget),
        FileSummary("g.jsonl", "not_reached"),
        FileSummary("h.jsonl", "unreadable", problem="no such file"),
    ]
    document = as_document(report_of(summaries, budget))
    errors = [error.message for error in validator_for("validation-report").iter_errors(document)]
    assert errors == []
    totals = {"files": 3, "unreadable_files": 1, "records": 3, "valid": 1, "invalid": 2, "errors": 1}
    assert document["totals"] == totals


def test_text_lines_locate_each_error_and_end_with_a_verdict() -> None:
    budget = ErrorBudget(None)
    summary = tally_entries("f.jsonl", "json-lines", "utf-8", [], entries(0, 1), budget)
    lines = text_lines(report_of([summary], budget))
    assert lines[0] == 'f.jsonl:1: (record): missing required property "title" [required]'
    assert lines[-1].startswith("INVALID: 1 file, 1 record, 0 valid, 1 invalid")
