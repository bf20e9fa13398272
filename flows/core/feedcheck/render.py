"""Show a validation report: lines for people, or a JSON document valid against validation-report.v1."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from flows.core.feedcheck.issues import FeedError
from flows.core.feedcheck.report import FileSummary, ValidationReport

REPORT_SCHEMA_VERSION = "1.0.0"


def plural(amount: int, noun: str) -> str:
    return f"{amount:,} {noun}" if amount == 1 else f"{amount:,} {noun}s"


def error_line(error: FeedError) -> str:
    """'feed.jsonl:12: /published_at: "2023-13-45" is not a valid date-time [format]'."""
    where = error.file if error.line is None else f"{error.file}:{error.line}"
    if error.index is not None:
        where += f" (item {error.index})"
    subject = "" if error.pointer is None else f"{error.pointer or '(record)'}: "
    return f"{where}: {subject}{error.message} [{error.keyword or error.code}]"


def file_line(summary: FileSummary) -> str:
    if summary.status == "unreadable":
        return f"{summary.path}: cannot be read: {summary.problem}"
    if summary.status == "not_reached":
        return f"{summary.path}: not read (stopped after the maximum number of errors)"
    counts = f"{plural(summary.records, 'record')}, {summary.valid:,} valid, {summary.invalid:,} invalid"
    stopped = " (stopped early)" if summary.status == "stopped" else ""
    notes = "".join(f"\n  note: {note}" for note in summary.notes)
    return f"{summary.path}: {counts} [{summary.format}, {summary.encoding}]{stopped}{notes}"


def text_lines(report: ValidationReport) -> list[str]:
    lines = [error_line(error) for error in report.errors]
    if report.truncated:
        lines.append(f"... stopped after {report.max_errors} errors (--max-errors)")
    lines.extend(file_line(summary) for summary in report.files)
    verdict = {0: "all valid", 1: "INVALID", 2: "UNREADABLE INPUT"}[report.exit_code]
    lines.append(
        f"{verdict}: {plural(len(report.files), 'file')}, {plural(report.records, 'record')}, {report.valid:,} valid, "
        f"{report.invalid:,} invalid, {plural(len(report.errors), 'error')} listed (schema {report.schema})"
    )
    return lines


def as_document(report: ValidationReport) -> dict[str, Any]:
    """The report as plain JSON data, shaped by schemas/validation-report.v1.schema.json."""
    return {
        "schema_version": REPORT_SCHEMA_VERSION,
        "valid": report.exit_code == 0,
        "exit_code": report.exit_code,
        "schema": {"name": report.schema, "id": report.schema_id},
        "engine": report.engine,
        "totals": {
            "files": len(report.files),
            "unreadable_files": report.unreadable,
            "records": report.records,
            "valid": report.valid,
            "invalid": report.invalid,
            "errors": len(report.errors),
        },
        "max_errors": report.max_errors,
        "truncated": report.truncated,
        "files": [{**asdict(summary), "notes": list(summary.notes)} for summary in report.files],
        "errors": [asdict(error) for error in report.errors],
    }
