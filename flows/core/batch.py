"""One batch of inputs through the pure stages: parse, validate, derive. Runs in whichever process has the batch."""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from dataclasses import dataclass, replace

from flows.core.article import Article, RunContext, Source, article_from_bytes
from flows.core.derive import Extractors, Row, derive_rows
from flows.core.feedcheck.engine import RecordChecker
from flows.core.feeditem import FeedInput, article_from_item
from flows.core.incremental import FileStat
from flows.core.jsonrows import json_lines
from flows.core.problems import Problem, problem
from flows.core.validation import record_errors


@dataclass(frozen=True, slots=True)
class TextInput:
    """An input file's bytes, with the stat taken before they were read."""

    stat: FileStat
    data: bytes
    sha256: str


class Batch:
    """Inputs handed to a task as one opaque value. Prefect walks into lists, tuples and dataclasses looking for
    futures (slow for thousands of rows), and Dask walks into tuples looking for tasks; neither walks into this."""

    __slots__ = ("items",)

    def __init__(self, items: Sequence[TextInput | FeedInput]) -> None:
        self.items = list(items)


@dataclass(frozen=True, slots=True)
class EncodedTables:
    """An article's derived rows as JSON Lines, encoded where they were derived so that the process that writes
    them only concatenates bytes. The actor rows and issue labels stay values: the registry and the run summary
    read them."""

    lines: dict[str, bytes]
    counts: dict[str, int]
    actors: list[Row]
    issue_labels: list[str]


def encode_tables(rows: dict[str, list[Row]]) -> EncodedTables:
    return EncodedTables(
        lines={name: json_lines(table) for name, table in rows.items()},
        counts={name: len(table) for name, table in rows.items()},
        actors=rows.get("actors", []),
        issue_labels=[str(row["label"]) for row in rows.get("issues", [])],
    )


@dataclass(frozen=True, slots=True)
class Processed:
    """What became of one input: an article and its derived tables, or the problem that stopped it."""

    stat: FileStat
    sha256: str
    result: Article | Problem
    tables: EncodedTables | None = None


def validated(article: Article, checker: RecordChecker) -> Article | Problem:
    errors = record_errors(checker, article.record)
    if errors:
        return problem("invalid_record", str(article.record["source_path"]), "; ".join(errors))
    return article


def derived(item: TextInput | FeedInput, result: Article | Problem, extractors: Extractors) -> Processed:
    """The article travels on with its record only: its sentences are in the tables now, and a worker process
    would otherwise pickle every one of them back to the writer."""
    if not isinstance(result, Article):
        return Processed(item.stat, item.sha256, result)
    tables = encode_tables(derive_rows(result, extractors))
    return Processed(item.stat, item.sha256, replace(result, sentences=[]), tables)


def process_text(
    item: TextInput, context: RunContext, extractors: Extractors, checker: RecordChecker, max_line_chars: int
) -> Processed:
    result = article_from_bytes(item.data, Source(item.stat.location, item.sha256), context, max_line_chars)
    if isinstance(result, Article):
        result = validated(result, checker)
    return derived(item, result, extractors)


def process_feed_item(
    item: FeedInput, context: RunContext, extractors: Extractors, checker: RecordChecker
) -> Processed:
    result = article_from_item(item, context)
    if isinstance(result, Article):
        result = validated(result, checker)
    return derived(item, result, extractors)


def process_inputs(
    items: Sequence[TextInput | FeedInput],
    context: RunContext,
    extractors: Extractors,
    checker: RecordChecker,
    max_line_chars: int,
) -> list[Processed]:
    """Every input of the batch, in order; a bad input becomes a problem, never an exception."""
    return [process_one(item, context, extractors, checker, max_line_chars) for item in items]


def process_one(
    item: TextInput | FeedInput,
    context: RunContext,
    extractors: Extractors,
    checker: RecordChecker,
    max_line_chars: int,
) -> Processed:
    """One input; a defect met on it becomes that input's problem (with the traceback), never the run's end."""
    try:
        if isinstance(item, TextInput):
            return process_text(item, context, extractors, checker, max_line_chars)
        return process_feed_item(item, context, extractors, checker)
    except Exception as error:  # recorded in full as data: the run goes on with the other inputs
        trace = "".join(traceback.format_exception(error))
        return Processed(item.stat, item.sha256, problem("extraction_failed", item.stat.location, trace))
