"""Problems are data: every rejected input becomes a record with a stable code, a location and a message."""

from __future__ import annotations

from dataclasses import dataclass

# Stable reason codes. Tools outside the project match on these strings: add new ones, never rename.
REASONS: dict[str, str] = {
    "empty_file": "the file has no bytes",
    "binary_content": "the bytes are not text (NUL bytes or control characters)",
    "blank_text": "the file holds only white space",
    "no_body": "the file has a title but no article body",
    "boilerplate_only": "everything in the file is web boilerplate",
    "invalid_record": "the article record does not satisfy its JSON Schema",
    "unreadable": "the file could not be read",
    "not_found": "the source does not exist",
    "too_large": "the file is larger than the configured limit",
    "duplicate": "the same article was already ingested from another input",
    "line_too_long": "a line is longer than the configured limit",
    "symlink_outside": "a symbolic link points outside the source folder and was not followed",
    "changed_while_reading": "the file changed while it was being read",
    "not_a_file": "the path is not a regular file (a device, socket or pipe)",
    "invalid_feed_item": "a feed line is not a valid feed item",
    "markup_page": "the file is an HTML or XML page, not article text",
    "extraction_failed": "the article could not be processed: a defect in agenda, reported with its traceback",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one input was not turned into an article."""

    code: str
    location: str
    message: str
    detail: str | None = None

    def as_row(self) -> dict[str, str | None]:
        return {"code": self.code, "location": self.location, "message": self.message, "detail": self.detail}


def problem(code: str, location: str, detail: str | None = None) -> Problem:
    """Build a Problem whose message is the standard sentence for its code."""
    if code not in REASONS:
        raise ValueError(f"unknown reason code {code!r}")
    return Problem(code=code, location=location, message=REASONS[code], detail=detail)
