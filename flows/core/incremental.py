"""Decide which inputs a run must read and what became of each, from the ledger of earlier runs."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

Outcome = Literal["written", "unchanged", "duplicate", "rejected"]


@dataclass(frozen=True, slots=True)
class FileStat:
    """What the file system says about an input before it is read."""

    key: str  # the resolved absolute path: the same file named two ways is one input
    location: str  # the path as the user's source named it
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One input as a run left it."""

    key: str
    location: str
    size: int
    mtime_ns: int
    sha256: str | None
    article_id: str | None
    outcome: Outcome
    run_id: str
    reason: str | None = None  # the reason code of a rejection
    supersedes: str | None = None  # the article this input's earlier version produced, when its content changed


def unchanged_by_stat(stat: FileStat, last: LedgerEntry | None) -> bool:
    """Same size and modification time as when a run last took it: skip it without reading. An input rejected last
    time is always read again: its rejection may have depended on a limit the user has changed since."""
    return last is not None and last.outcome != "rejected" and last.size == stat.size and last.mtime_ns == stat.mtime_ns


def unchanged_by_content(sha256: str, last: LedgerEntry | None) -> bool:
    """Touched but not changed (same bytes): nothing to do either, unless it was rejected (see unchanged_by_stat)."""
    return last is not None and last.outcome != "rejected" and last.sha256 == sha256


def carry_forward(stat: FileStat, last: LedgerEntry, run_id: str, sha256: str | None = None) -> LedgerEntry:
    """The entry recording that this run saw the input unchanged (its new mtime noted)."""
    return LedgerEntry(
        key=stat.key, location=stat.location, size=stat.size, mtime_ns=stat.mtime_ns,
        sha256=sha256 or last.sha256, article_id=last.article_id, outcome="unchanged", run_id=run_id,
        reason=last.reason,
    )


def superseded_article(new_article_id: str, last: LedgerEntry | None) -> str | None:
    """The article an input used to produce, when it now produces another."""
    if last is None or last.article_id is None or last.article_id == new_article_id:
        return None
    return last.article_id


def current_entries(last: Mapping[str, LedgerEntry], entries: Iterable[LedgerEntry]) -> dict[str, LedgerEntry]:
    """Each input's entry after this run. A rejection leaves the input's article as it was: a broken file does
    not take its last good version out of the tables."""
    merged = dict(last)
    for entry in entries:
        if entry.outcome != "rejected" or entry.key not in merged:
            merged[entry.key] = entry
    return merged


def current_articles(merged: Mapping[str, LedgerEntry]) -> set[str]:
    """The articles some input holds now: exactly the ones whose is_latest is true."""
    return {entry.article_id for entry in merged.values() if entry.article_id and entry.outcome != "rejected"}


def articles_moved(last: Mapping[str, LedgerEntry], merged: Mapping[str, LedgerEntry]) -> bool:
    """True when some input now holds another article than before (a change, a revert, a copy of another input)."""
    return any(
        entry.article_id and key in last and last[key].article_id != entry.article_id for key, entry in merged.items()
    )
