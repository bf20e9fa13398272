from datetime import UTC, datetime
from pathlib import Path

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.core.jsonrows import json_bytes
from flows.core.registry import merge_actor_rows, registry_rows
from flows.io.outputs import OutputLayout, stage_registry
from flows.io.registrystore import RegistryStore, clear_scratch
from flows.io.storage import publish

FIRST = datetime(2026, 11, 28, 12, tzinfo=UTC)
LATER = datetime(2026, 11, 29, 8, tzinfo=UTC)

_NAMES = st.sampled_from(["Antony Blinken", "Antony J. Blinken", "Wang Yi", "Li Qiang", "Gavi", "Mossad"])
_ROWS = st.lists(st.builds(
    lambda name, title, article: {"article_id": article, "actor_id": name.split()[-1].lower(), "name": name,
                                  "type": "person", "country_code": None, "title": title, "sector": None,
                                  "surfaces": [name, name.split()[-1]]},
    _NAMES, st.none() | st.sampled_from(["Secretary of State", "Foreign Minister"]), st.sampled_from("abc")),
    max_size=12)


def stored_rows(store: RegistryStore) -> list[dict]:
    return [orjson.loads(line) for chunk, _ in store.lines() for line in chunk.splitlines()]


def committed(tmp_path: Path, store: RegistryStore) -> Path:
    layout = OutputLayout(tmp_path / "out")
    for temp, final in stage_registry(layout, store):
        publish(temp, final)
    return layout.registry_paths()[0]


@settings(max_examples=25, deadline=None)
@given(first=_ROWS, second=_ROWS)
def test_two_runs_through_the_store_equal_the_merge_in_memory(tmp_path_factory, first: list, second: list) -> None:
    """What the store publishes after two runs is what merging every row in memory gives."""
    root = tmp_path_factory.mktemp("registry")
    state = root / "out" / "_state"
    run1 = RegistryStore(state, "r1", OutputLayout(root / "out").registry_paths()[0])
    run1.merge(first, FIRST, "r1")
    published = committed(root, run1)
    run1.close()
    run2 = RegistryStore(state, "r2", published)
    run2.merge(second, LATER, "r2")
    expected: dict = {}
    merge_actor_rows(expected, first, FIRST, "r1")
    merge_actor_rows(expected, second, LATER, "r2")
    want = [orjson.loads(json_bytes(row)) for row in registry_rows(expected)]
    assert stored_rows(run2) == want
    run2.close()


def test_top_actors_count_this_runs_articles_only(tmp_path: Path) -> None:
    store = RegistryStore(tmp_path / "_state", "r1", tmp_path / "none.parquet")
    row = {"actor_id": "blinken", "name": "Antony Blinken", "type": "person", "country_code": "USA", "title": None,
           "sector": None, "surfaces": ["Blinken"]}
    store.merge([row, row | {"actor_id": "wang", "name": "Wang Yi"}, row], FIRST, "r1")
    store.merge([row | {"actor_id": "georgia-place", "name": "Wang Yi"}], FIRST, "r1")
    assert store.top_actors(10) == {"Antony Blinken": 2, "Wang Yi": 2}  # two actors of one name: one line
    store.close()
    assert not store.path.exists()


def test_scratch_files_of_dead_runs_are_cleared(tmp_path: Path) -> None:
    store = RegistryStore(tmp_path, "dead", tmp_path / "none.parquet")
    store.merge([{"actor_id": "x", "name": "X", "type": "group", "country_code": None, "title": None,
                  "sector": None, "surfaces": ["X"]}], FIRST, "dead")
    assert clear_scratch(tmp_path) == [store.path]
