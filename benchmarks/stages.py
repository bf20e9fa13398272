"""Each stage of the pipeline alone, on the same articles, with the core functions the flow calls (no Prefect).

Stages run one after the other over the whole corpus (not article by article), so each timer measures one stage."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flows.core.actors import extract_actors
from flows.core.article import Article, RunContext, Source, build_record, count_words, sha256_hex
from flows.core.compose import compose
from flows.core.decode import detect_and_decode, normalise_text
from flows.core.derive import actor_rows, issue_rows, link_rows, mention_rows, sentence_rows
from flows.core.issues import find_issue_hits
from flows.core.layout import Layout, parse_layout
from flows.core.links import link_issues
from flows.core.validation import record_errors
from flows.io.extractors import load_extractors
from flows.io.outputs import TABLES, OutputLayout, open_table_part
from flows.io.schemas import checker_for


@dataclass(frozen=True, slots=True)
class StageTime:
    name: str
    seconds: float
    cpu_seconds: float
    articles: int
    words: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "stage": self.name,
            "seconds": round(self.seconds, 4),
            "cpu_seconds": round(self.cpu_seconds, 4),
            # Rates per CPU second: one core's worth of work, whatever else the machine is doing.
            "articles_per_s": round(self.articles / self.cpu_seconds, 1) if self.cpu_seconds else None,
            "words_per_s": round(self.words / self.cpu_seconds) if self.cpu_seconds else None,
        }


def timed(work: Callable[[], Any]) -> tuple[tuple[float, float], Any]:
    """((wall seconds, CPU seconds of this process), result)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    return (time.perf_counter() - start, time.process_time() - cpu), result


def decode_and_parse(blobs: Sequence[bytes]) -> list[tuple[Layout, str]]:
    parsed: list[tuple[Layout, str]] = []
    for data in blobs:
        text, encoding = detect_and_decode(data)
        layout = parse_layout(normalise_text(text))
        if isinstance(layout, Layout):
            parsed.append((layout, encoding))
    return parsed


def build_articles(
    parsed: Sequence[tuple[Layout, str]], composed: Sequence[tuple[str, list[Any]]], context: RunContext
) -> list[Article]:
    articles: list[Article] = []
    for i, ((layout, encoding), (text, sentences)) in enumerate(zip(parsed, composed, strict=True)):
        source = Source(f"bench/{i}.txt", sha256_hex(text.encode()))
        articles.append(Article(build_record(layout, text, source, encoding, context), sentences))
    return articles


def write_tables(rows: dict[str, list[dict[str, Any]]], context: RunContext) -> None:
    """The flow's writer (one Parquet and one JSON Lines part per table, fsynced), into a throw-away folder."""
    with tempfile.TemporaryDirectory(prefix="agenda-bench-write-") as folder:
        layout = OutputLayout(Path(folder))
        for name in TABLES:
            part = open_table_part(layout, name, context.started_at, context.run_id)
            for start in range(0, len(rows[name]), 200):
                part.append(rows[name][start : start + 200])
            part.finish()


def measure_stages(blobs: Sequence[bytes]) -> tuple[list[StageTime], int, int]:
    """Per-stage times on `blobs`; also returns the articles and words the stages saw."""
    started = datetime.now(UTC)
    context = RunContext(run_id=f"{started:%Y%m%dT%H%M%SZ}-be0c40", started_at=started)  # a valid run id: records pass
    extractors = load_extractors(None)
    checker = checker_for("article")
    times: dict[str, tuple[float, float]] = {}
    times["decode+parse"], parsed = timed(lambda: decode_and_parse(blobs))
    times["sentences"], composed = timed(lambda: [compose(layout) for layout, _ in parsed])
    (wall, cpu), articles = timed(lambda: build_articles(parsed, composed, context))
    parse_wall, parse_cpu = times["decode+parse"]
    times["decode+parse"] = (parse_wall + wall, parse_cpu + cpu)  # the record (ids, words, language) is parsing
    times["validation"], errors = timed(lambda: [record_errors(checker, a.record) for a in articles])
    if any(errors):  # the stage is timed on valid records, the flow's usual case
        raise ValueError(f"benchmark records do not validate: {next(e for e in errors if e)}")
    times["actors"], actors = timed(lambda: [extract_actors_of(a, extractors) for a in articles])
    times["issues"], hits = timed(lambda: [find_hits_of(a, extractors) for a in articles])
    times["links"], links = timed(
        lambda: [link_of(a, ac, h, extractors) for a, ac, h in zip(articles, actors, hits, strict=True)]
    )
    times["rows"], rows = timed(lambda: table_rows(articles, actors, hits, links, extractors))
    times["writing"], _ = timed(lambda: write_tables(rows, context))
    words = sum(count_words(a.text) for a in articles)
    stages = [StageTime(name, wall, cpu, len(articles), words) for name, (wall, cpu) in times.items()]
    return stages, len(articles), words


def extract_actors_of(article: Article, extractors: Any) -> Any:
    return extract_actors(article.text, article.sentences, extractors.lexicon)


def find_hits_of(article: Article, extractors: Any) -> Any:
    return find_issue_hits(article.text, article.sentences, extractors.matcher)


def link_of(article: Article, actors: Any, hits: Any, extractors: Any) -> Any:
    return link_issues(article.text, article.sentences, actors, hits, extractors.demonyms, extractors.demonyms_by_code)


def table_rows(
    articles: Sequence[Article], actors: Sequence[Any], hits: Sequence[Any], links: Sequence[Any], extractors: Any
) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for article, found, issue_hits, found_links in zip(articles, actors, hits, links, strict=True):
        tables["articles"].append(article.record)
        tables["sentences"] += sentence_rows(article)
        tables["actors"] += actor_rows(article, found)
        tables["issues"] += issue_rows(article, issue_hits, found_links, extractors.taxonomy)
        tables["mentions"] += mention_rows(article, found, issue_hits)
        tables["links"] += link_rows(article, found_links)
    return tables
