from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.core.jsonrows import json_lines
from flows.io.storage import TablePart, arrow_from_json_lines, write_json_atomic

SCHEMA = pa.schema([pa.field("article_id", pa.string(), nullable=False), pa.field("n", pa.int64())])


def visible(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_a_part_is_invisible_until_commit(tmp_path: Path) -> None:
    part = TablePart(tmp_path / "p" / "part-1.parquet", tmp_path / "j" / "part-1.jsonl", SCHEMA)
    part.append([{"article_id": "a", "n": 1}])
    part.append([{"article_id": "b", "n": 2}])
    assert visible(tmp_path) == []
    part.commit()
    assert visible(tmp_path) == ["part-1.jsonl", "part-1.parquet"]
    assert pq.read_table(tmp_path / "p" / "part-1.parquet").to_pylist() == [
        {"article_id": "a", "n": 1}, {"article_id": "b", "n": 2}
    ]
    assert pq.ParquetFile(tmp_path / "p" / "part-1.parquet").metadata.num_row_groups == 2
    assert (tmp_path / "j" / "part-1.jsonl").read_text().splitlines() == [
        '{"article_id":"a","n":1}', '{"article_id":"b","n":2}'
    ]
    assert not any(p.name.startswith(".") for p in tmp_path.rglob("*"))


def test_abort_leaves_nothing_behind(tmp_path: Path) -> None:
    part = TablePart(tmp_path / "part.parquet", tmp_path / "part.jsonl", SCHEMA)
    part.append([{"article_id": "a", "n": 1}])
    part.abort()
    assert list(tmp_path.iterdir()) == []


def test_json_documents_are_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "runs" / "r.json"
    write_json_atomic(target, {"a": 1})
    write_json_atomic(target, {"a": 2})
    assert target.read_text() == '{\n  "a": 2\n}\n'
    assert list(target.parent.iterdir()) == [target]


NESTED = pa.schema([
    pa.field("id", pa.string(), nullable=False),
    pa.field("at", pa.timestamp("us", tz="UTC")),
    pa.field("score", pa.float64()),
    pa.field("tags", pa.list_(pa.string())),
    pa.field("spans", pa.list_(pa.struct([pa.field("start", pa.int64()), pa.field("label", pa.string())]))),
])
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_WHEN = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC))
_ROWS = st.lists(st.fixed_dictionaries({
    "id": _TEXT,
    "at": st.none() | _WHEN,
    "score": st.none() | st.floats(allow_nan=False, allow_infinity=False),
    "tags": st.none() | st.lists(_TEXT, max_size=3),
    "spans": st.lists(st.fixed_dictionaries({"start": st.integers(-2**53, 2**53), "label": st.none() | _TEXT}),
                      max_size=3),
}), min_size=1, max_size=8)


@given(_ROWS)
def test_parquet_rows_read_back_from_the_json_lines_equal_the_rows(rows: list[dict[str, Any]]) -> None:
    """Whatever the text, numbers and timestamps, the Parquet side holds exactly what the JSON Lines side says."""
    assert arrow_from_json_lines(json_lines(rows), NESTED).equals(pa.Table.from_pylist(rows, schema=NESTED))


def test_rows_that_do_not_fit_the_table_schema_are_refused(tmp_path: Path) -> None:
    part = TablePart(tmp_path / "part.parquet", tmp_path / "part.jsonl", SCHEMA)
    with pytest.raises(pa.ArrowInvalid):
        part.append([{"article_id": "a", "n": 1, "unexpected": True}])
    with pytest.raises(ValueError, match="2 rows announced, 1 encoded"):
        part.append_lines(json_lines([{"article_id": "a", "n": 1}]), 2)
    part.abort()


def test_no_lines_make_an_empty_table_of_the_schema() -> None:
    assert arrow_from_json_lines(b"", NESTED).equals(NESTED.empty_table())
