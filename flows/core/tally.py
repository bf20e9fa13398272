"""What happened to every input of a run (written, unchanged, duplicate or rejected), its ledger entries, the report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from flows.core.article import SCHEMA_VERSION, Article, RunContext
from flows.core.batch import Processed
from flows.core.incremental import FileStat, LedgerEntry, Outcome, carry_forward, superseded_article
from flows.core.problems import Problem


@dataclass(slots=True)
class Duplicate:
    location: str
    article_id: str
    duplicate_of: str


@dataclass(slots=True)
class Tally:
    """Counts and records gathered batch by batch; `first_seen` maps article ids to the input that brought them."""

    run_id: str
    first_seen: dict[str, str]
    inputs_seen: int = 0
    written: int = 0
    unchanged: int = 0
    rejected: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    table_rows: dict[str, int] = field(default_factory=dict)
    entries: list[LedgerEntry] = field(default_factory=list)


def new_tally(run_id: str, published: Mapping[str, str]) -> Tally:
    """Start from the articles earlier runs published (article_id -> source location)."""
    return Tally(run_id=run_id, first_seen=dict(published))


def entry_for(
    processed: Processed, outcome: Outcome, run_id: str, article_id: str | None = None, **notes: str | None
) -> LedgerEntry:
    """The ledger line for a processed input; `notes` are the reason of a rejection or the article superseded."""
    stat = processed.stat
    return LedgerEntry(
        key=stat.key, location=stat.location, size=stat.size, mtime_ns=stat.mtime_ns, sha256=processed.sha256,
        article_id=article_id, outcome=outcome, run_id=run_id, **notes,
    )


def note_unchanged(tally: Tally, stat: FileStat, last: LedgerEntry, sha256: str | None = None) -> None:
    tally.unchanged += 1
    tally.entries.append(carry_forward(stat, last, tally.run_id, sha256))


def note_problem(tally: Tally, found: Problem) -> None:
    """A problem met before any stat could be taken (a missing source, a link out of the folder)."""
    tally.rejected.append(found)


def admit(processed: Processed, tally: Tally, last: LedgerEntry | None) -> bool:
    """Record one processed input; True when its article is new and its rows must be written."""
    result = processed.result
    if isinstance(result, Problem):
        tally.rejected.append(result)
        tally.entries.append(entry_for(processed, "rejected", tally.run_id, reason=result.code))
        return False
    return admit_article(processed, result, tally, last)


def admit_article(processed: Processed, article: Article, tally: Tally, last: LedgerEntry | None) -> bool:
    location = processed.stat.location
    earlier = tally.first_seen.get(article.article_id)
    if earlier is None:
        tally.first_seen[article.article_id] = location
        tally.written += 1
        old = superseded_article(article.article_id, last)
        if old is not None:
            article.record["supersedes"] = old
        tally.entries.append(entry_for(processed, "written", tally.run_id, article.article_id, supersedes=old))
        return True
    if earlier == location:
        tally.unchanged += 1
        tally.entries.append(entry_for(processed, "unchanged", tally.run_id, article.article_id))
        return False
    tally.duplicates.append(Duplicate(location, article.article_id, earlier))
    tally.entries.append(entry_for(processed, "duplicate", tally.run_id, article.article_id))
    return False


def add_rows(tally: Tally, table: str, count: int) -> None:
    if count:
        tally.table_rows[table] = tally.table_rows.get(table, 0) + count


def build_report(
    context: RunContext, sources: Sequence[str], out: str, tally: Tally, finished_at: datetime, taxonomy_version: str
) -> dict[str, object]:
    """The run report, in the shape of run-report.v1."""
    return {
        "run_id": context.run_id,
        "started_at": context.started_at,
        "finished_at": finished_at,
        "sources": list(sources),
        "out": out,
        "schema_version": SCHEMA_VERSION,
        "taxonomy_version": taxonomy_version,
        "counts": {
            "inputs_seen": tally.inputs_seen,
            "articles_written": tally.written,
            "duplicates": len(tally.duplicates),
            "unchanged": tally.unchanged,
            "rejected": len(tally.rejected),
        },
        "tables": dict(sorted(tally.table_rows.items())),
        "rejected": [p.as_row() for p in tally.rejected],
        "duplicates": [
            {"location": d.location, "article_id": d.article_id, "duplicate_of": d.duplicate_of}
            for d in tally.duplicates
        ],
    }
