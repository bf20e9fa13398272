"""Tally checked entries into a report: per-file counts, located errors (up to a budget), an exit code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from flows.core.feedcheck.feed import FeedEntry
from flows.core.feedcheck.issues import FeedError, locate

STATUSES = ("checked", "stopped", "unreadable", "not_reached")


@dataclass(frozen=True, slots=True)
class FileSummary:
    path: str
    status: str
    format: str | None = None
    encoding: str | None = None
    records: int = 0
    valid: int = 0
    invalid: int = 0
    notes: tuple[str, ...] = ()
    problem: str | None = None


@dataclass
class ErrorBudget:
    """Collects located errors up to `limit` (None: no limit); the first error that does not fit stops reading."""

    limit: int | None
    errors: list[FeedError] = field(default_factory=list)
    truncated: bool = False

    def take(self, found: Iterable[FeedError]) -> bool:
        """Keep what fits; False when an error had to be left out (the caller stops reading)."""
        for error in found:
            if self.limit is not None and len(self.errors) >= self.limit:
                self.truncated = True
                return False
            self.errors.append(error)
        return True


@dataclass(frozen=True, slots=True)
class ValidationReport:
    schema: str
    schema_id: str | None
    engine: str
    files: tuple[FileSummary, ...]
    errors: tuple[FeedError, ...]
    max_errors: int | None
    truncated: bool

    @property
    def records(self) -> int:
        return sum(summary.records for summary in self.files)

    @property
    def valid(self) -> int:
        return sum(summary.valid for summary in self.files)

    @property
    def invalid(self) -> int:
        return sum(summary.invalid for summary in self.files)

    @property
    def unreadable(self) -> int:
        return sum(summary.status == "unreadable" for summary in self.files)

    @property
    def exit_code(self) -> int:
        """0: every record valid; 1: some record or the structure between records is not; 2: an input unreadable."""
        if self.unreadable:
            return 2
        return 1 if self.invalid or self.errors or self.truncated else 0


def tally_entries(
    path: str, framing: str, encoding: str, notes: list[str], entries: Iterable[FeedEntry], budget: ErrorBudget
) -> FileSummary:
    """Count one file's entries and hand their errors to the budget; stop early once the budget is spent."""
    records = valid = invalid = 0
    status = "checked"
    for entry in entries:
        if entry.is_record:
            records += 1
            if not entry.issues:
                valid += 1
                continue
            invalid += 1
        located = (locate(issue, path, entry.line, entry.index) for issue in entry.issues)
        if not budget.take(located):
            status = "stopped"
            break
    return FileSummary(path, status, framing, encoding, records, valid, invalid, tuple(notes))


def build_report(
    schema: str, schema_id: str | None, engine: str, files: Iterable[FileSummary], budget: ErrorBudget
) -> ValidationReport:
    errors = tuple(budget.errors)
    return ValidationReport(schema, schema_id, engine, tuple(files), errors, budget.limit, budget.truncated)
