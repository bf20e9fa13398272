from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from flows.io.storage import TablePart, write_json_atomic

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
