"""Feed items (feed-item.v1: title, text and optional metadata) as articles, through the same layout rules as files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from flows.core.article import Article, RunContext, Source, article_from_parts
from flows.core.decode import normalise_text
from flows.core.incremental import FileStat
from flows.core.layout import Layout, drop_boilerplate, group_sections, split_blocks
from flows.core.problems import Problem, problem


@dataclass(frozen=True, slots=True)
class FeedInput:
    """One valid feed record; its stat's key and location name the feed file and line ("feed.jsonl#L12")."""

    stat: FileStat
    item: Mapping[str, Any]
    sha256: str


def item_location(location: str, line: int) -> str:
    return f"{location}#L{line}"


def parse_timestamp(value: str | None) -> datetime | None:
    """feed-item.v1 has already checked the RFC 3339 form; Python reads it once "Z" is spelled as an offset."""
    return datetime.fromisoformat(value.upper().replace("Z", "+00:00")) if value else None


def layout_from_item(item: Mapping[str, Any]) -> Layout | str:
    """The item's title and subtitle as given; its text cut into sections and paragraphs like a file's body."""
    blocks, removed = drop_boilerplate(split_blocks(normalise_text(str(item["text"]))))
    sections = group_sections(blocks) if blocks else []
    if not sections:
        return "boilerplate_only" if removed else "no_body"
    subtitle = item.get("subtitle")
    title = " ".join(normalise_text(str(item["title"])).split())
    return Layout(title, " ".join(subtitle.split()) if subtitle else None, tuple(sections), tuple(removed), None)


def article_from_item(feed: FeedInput, context: RunContext) -> Article | Problem:
    layout = layout_from_item(feed.item)
    if isinstance(layout, str):
        return problem(layout, feed.stat.location)
    article = article_from_parts(layout, Source(feed.stat.location, feed.sha256), "utf-8", context)
    record = dict(article.record, published_at=parse_timestamp(feed.item.get("published_at")))
    if feed.item.get("language"):
        record["language"] = feed.item["language"]
    return replace(article, record=record)
