"""What can be wrong with a record or a file, as data: a stable code, a readable message, where it is."""

from __future__ import annotations

from dataclasses import dataclass

# Stable codes. Consumers match on these strings: add new ones, never rename.
CODES: dict[str, str] = {
    "schema": "the record does not satisfy the JSON Schema",
    "invalid_json": "the record is not valid JSON",
    "invalid_text": "the record is not valid Unicode text (bad UTF-8 or a lone surrogate)",
    "duplicate_key": "an object names the same key twice, so the record is ambiguous",
    "too_deep": "the record is nested deeper than the limit",
    "number_too_long": "an integer has more digits than can be read safely",
    "too_large": "the record is larger than the limit",
    "truncated": "the input ends in the middle of a record",
    "more_errors": "the record has more errors than are listed",
    "unreadable": "the input cannot be opened or read",
    "unsupported_encoding": "the input is not UTF-8 and carries no byte order mark saying what it is",
}


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in one record. `line_offset` counts lines from the record's first line (multi-line items)."""

    code: str
    message: str
    keyword: str | None = None
    pointer: str | None = None
    line_offset: int = 0


@dataclass(frozen=True, slots=True)
class FeedError:
    """One problem, located: file, line (1-based), array index when the file is a JSON array, JSON pointer."""

    file: str
    line: int | None
    index: int | None
    pointer: str | None
    keyword: str | None
    code: str
    message: str


def input_issue(code: str, message: str, line_offset: int = 0) -> Issue:
    """An issue with the input itself (not with what the schema says about it)."""
    if code not in CODES:
        raise ValueError(f"unknown issue code {code!r}")
    return Issue(code=code, message=message, line_offset=line_offset)


def locate(issue: Issue, file: str, line: int | None, index: int | None) -> FeedError:
    """Attach an issue to the file, line and array index of the record it was found in."""
    at_line = None if line is None else line + issue.line_offset
    return FeedError(file, at_line, index, issue.pointer, issue.keyword, issue.code, issue.message)
