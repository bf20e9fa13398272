"""The actor registry: every actor seen across all runs, with its aliases, roles and when it was seen.

Merged run by run from the actors rows a run writes: an actor keeps its id, the fullest name seen, the first type,
country and sector seen, every alias and title, and counts the articles it appears in. Times are kept as the RFC 3339
text the tables carry ("2026-11-28T12:00:00.000000Z"): one fixed format, so text order is time order, and a merge
never parses or formats a timestamp.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flows.core.jsonrows import format_timestamp


@dataclass(slots=True)
class RegistryEntry:
    actor_id: str
    name: str
    type: str
    country_code: str | None
    aliases: list[str]
    roles: list[str]
    sector: str | None
    first_seen: str
    last_seen: str
    article_count: int
    run_id: str

    def as_row(self) -> dict[str, Any]:
        return {
            "actor_id": self.actor_id, "name": self.name, "type": self.type, "country_code": self.country_code,
            "aliases": self.aliases, "roles": self.roles, "sector": self.sector, "first_seen": self.first_seen,
            "last_seen": self.last_seen, "article_count": self.article_count, "run_id": self.run_id,
        }


def entry_from_row(row: Mapping[str, Any]) -> RegistryEntry:
    """A registry row as read back from the registry table (its times as datetimes or as RFC 3339 text)."""
    values = {key: row[key] for key in RegistryEntry.__dataclass_fields__}
    for key in ("first_seen", "last_seen"):
        if isinstance(values[key], datetime):
            values[key] = format_timestamp(values[key])
    return RegistryEntry(**values)


def fuller(current: str, candidate: str) -> str:
    """The longer name wins ("Antony J. Blinken" over "Antony Blinken"); ties keep the first in sort order."""
    if current == candidate:  # by far the most common case
        return current
    return min((current, candidate), key=lambda name: (-len(name), name))


def add_unique(values: list[str], more: Iterable[str | None]) -> list[str]:
    """``values`` then each new one of ``more``, in order; ``values`` itself when nothing is new."""
    new = [v for v in dict.fromkeys(more) if v and v not in values]
    return values + new if new else values


def new_entry(row: Mapping[str, Any], seen_at: str, run_id: str) -> RegistryEntry:
    return RegistryEntry(
        actor_id=row["actor_id"], name=row["name"], type=row["type"], country_code=row["country_code"],
        aliases=[], roles=[], sector=row["sector"], first_seen=seen_at, last_seen=seen_at, article_count=0,
        run_id=run_id,
    )


def merge_row(entry: RegistryEntry, row: Mapping[str, Any], seen_at: str, run_id: str) -> None:
    entry.name = fuller(entry.name, row["name"])
    entry.country_code = entry.country_code or row["country_code"]
    entry.sector = entry.sector or row["sector"]
    entry.aliases = add_unique(entry.aliases, row["surfaces"])
    if (title := row["title"]) and title not in entry.roles:
        entry.roles = [*entry.roles, title]
    entry.last_seen = max(entry.last_seen, seen_at)
    entry.run_id = run_id
    entry.article_count += 1  # the actors table has one row per actor per article


def merge_actor_rows(
    registry: dict[str, RegistryEntry], rows: Iterable[Mapping[str, Any]], seen_at: datetime, run_id: str
) -> None:
    """Fold one batch of actors rows (one row per actor per article), seen at ``seen_at``, into the registry."""
    seen = format_timestamp(seen_at)
    for row in rows:
        entry = registry.get(row["actor_id"])
        if entry is None:
            entry = registry[row["actor_id"]] = new_entry(row, seen, run_id)
        merge_row(entry, row, seen, run_id)


def registry_rows(registry: Mapping[str, RegistryEntry]) -> list[dict[str, Any]]:
    return [registry[key].as_row() for key in sorted(registry)]
