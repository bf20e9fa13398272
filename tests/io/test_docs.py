"""docs/data-dictionary.md is what the generator makes from the schemas now; a stale copy fails here."""

from __future__ import annotations

import json
from pathlib import Path

from flows.core.datadict import JSONL_PATTERN, PARQUET_PATTERN
from flows.core.tableschema import TABLE_SCHEMAS
from flows.io.docs import (
    DATA_DICTIONARY,
    data_dictionary_is_current,
    data_dictionary_text,
    schema_text,
    tables_by_schema,
    write_data_dictionary,
)
from flows.io.outputs import OutputLayout
from flows.io.schemas import load_schemas


def test_the_committed_data_dictionary_is_current() -> None:
    assert DATA_DICTIONARY.is_file(), "docs/data-dictionary.md is missing: run `.venv/bin/python -m flows.schema_docs`"
    committed = DATA_DICTIONARY.read_text(encoding="utf-8")
    assert committed == data_dictionary_text(), (
        "docs/data-dictionary.md is stale: regenerate it with `.venv/bin/python -m flows.schema_docs`"
    )


def test_the_dictionary_covers_every_published_schema() -> None:
    text = data_dictionary_text()
    for name, schema in load_schemas().items():
        assert f"(`{name}`)\n" in text
        assert f"- **$id**: `{schema['$id']}`" in text


def test_every_table_is_mapped_to_its_newest_schema() -> None:
    assert sorted(tables_by_schema().values()) == sorted(TABLE_SCHEMAS)
    assert tables_by_schema()["article.v1"] == "articles"


def test_the_documented_part_paths_are_where_the_layout_writes() -> None:
    parquet, jsonl = OutputLayout(Path("OUT")).part_paths("mentions", "YYYY-MM-DD", "<run_id>")
    assert parquet.as_posix() == PARQUET_PATTERN.format(table="mentions")
    assert jsonl.as_posix() == JSONL_PATTERN.format(table="mentions")


def test_writing_creates_then_leaves_a_current_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "docs" / "data-dictionary.md"
    assert not data_dictionary_is_current(path)
    assert write_data_dictionary(path) is True
    assert data_dictionary_is_current(path)
    assert write_data_dictionary(path) is False
    path.write_text(path.read_text(encoding="utf-8") + "hand edit\n", encoding="utf-8")
    assert not data_dictionary_is_current(path)
    assert write_data_dictionary(path) is True
    assert path.read_text(encoding="utf-8") == data_dictionary_text()


def test_schema_text_is_the_published_file() -> None:
    text = schema_text("mention")
    assert json.loads(text) == load_schemas()["mention.v1"]
    assert text == schema_text("mention.v1.schema.json")
