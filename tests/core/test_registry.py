from datetime import UTC, datetime

from flows.core.jsonrows import format_timestamp
from flows.core.registry import entry_from_row, merge_actor_rows, registry_rows

FIRST = datetime(2026, 11, 28, 12, tzinfo=UTC)
LATER = datetime(2026, 11, 29, 8, tzinfo=UTC)


def actor(article_id: str, name: str, surfaces: list[str], title: str | None = None, **extra: object) -> dict:
    row = {"article_id": article_id, "actor_id": "person:antony-blinken", "name": name, "type": "person",
           "country_code": None, "title": title, "sector": None, "surfaces": surfaces}
    return row | extra


def test_one_actor_across_runs_gathers_aliases_roles_and_articles() -> None:
    registry: dict = {}
    merge_actor_rows(registry, [actor("a" * 16, "Antony Blinken", ["Blinken"], "Secretary of State")], FIRST, "r1")
    merge_actor_rows(registry, [actor("b" * 16, "Antony J. Blinken", ["Antony J. Blinken", "Blinken"], None,
                                      country_code="USA", sector="GOV")], LATER, "r2")
    (row,) = registry_rows(registry)
    assert row["name"] == "Antony J. Blinken" and row["country_code"] == "USA" and row["sector"] == "GOV"
    assert row["aliases"] == ["Blinken", "Antony J. Blinken"] and row["roles"] == ["Secretary of State"]
    seen = (format_timestamp(FIRST), format_timestamp(LATER))
    assert (row["first_seen"], row["last_seen"], row["article_count"], row["run_id"]) == (*seen, 2, "r2")


def test_times_read_back_as_datetimes_become_the_tables_text() -> None:
    registry: dict = {}
    merge_actor_rows(registry, [actor("a" * 16, "Antony Blinken", ["Blinken"])], FIRST, "r1")
    (row,) = registry_rows(registry)
    assert entry_from_row(row | {"first_seen": FIRST, "last_seen": FIRST}).as_row() == row


def test_entries_round_trip_through_their_rows() -> None:
    registry: dict = {}
    merge_actor_rows(registry, [actor("a" * 16, "Antony Blinken", ["Blinken"])], FIRST, "r1")
    rows = registry_rows(registry)
    assert registry_rows({r["actor_id"]: entry_from_row(r) for r in rows}) == rows
