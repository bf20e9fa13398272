"""What happened to every input of a run: written, unchanged, duplicate or rejected; and the run report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from flows.core.article import SCHEMA_VERSION, Article, RunContext
from flows.core.problems import Problem

Outcome = Literal["written", "unchanged", "duplicate"]


@dataclass(slots=True)
class Duplicate:
    location: str
    article_id: str
    duplicate_of: str


@dataclass(slots=True)
class Tally:
    """Counts and records gathered batch by batch; `first_seen` maps article ids to the input that brought them."""

    first_seen: dict[str, str]
    inputs_seen: int = 0
    written: int = 0
    unchanged: int = 0
    rejected: list[Problem] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    table_rows: dict[str, int] = field(default_factory=dict)


def new_tally(published: Mapping[str, str]) -> Tally:
    """Start from the articles an earlier run already published (article_id -> source location)."""
    return Tally(first_seen=dict(published))


def classify(article: Article, tally: Tally) -> Outcome:
    """New content is written; content already seen is unchanged (same input) or a duplicate (another input)."""
    location = str(article.record["source_path"])
    earlier = tally.first_seen.get(article.article_id)
    if earlier is None:
        tally.first_seen[article.article_id] = location
        tally.written += 1
        return "written"
    if earlier == location:
        tally.unchanged += 1
        return "unchanged"
    tally.duplicates.append(Duplicate(location, article.article_id, earlier))
    return "duplicate"


def admit(articles: Sequence[Article], tally: Tally) -> list[Article]:
    """The articles of a batch that are new, counting the others."""
    return [article for article in articles if classify(article, tally) == "written"]


def add_rows(tally: Tally, table: str, count: int) -> None:
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
