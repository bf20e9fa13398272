"""OUT/datapackage.json lists every committed part file with facts that match the files on disk."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from flows.core.article import SCHEMA_VERSION
from flows.core.tableschema import TABLE_SCHEMAS
from flows.io import datapackage
from flows.io.datapackage import datapackage_path, digest_file, write_datapackage
from flows.io.outputs import PUBLISHED_TABLES, OutputLayout, open_table_part
from flows.io.schemas import load_schemas

EXAMPLES = Path(__file__).resolve().parents[2] / "schemas" / "examples"
TIMESTAMP_FIELDS = {"published_at", "ingested_at"}


def example_rows(table: str) -> list[dict[str, Any]]:
    """The schema's valid examples as the writer takes them (timestamps as datetimes)."""
    rows = []
    for path in sorted((EXAMPLES / f"{TABLE_SCHEMAS[table]}.v1" / "valid").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        rows.append({key: datetime.fromisoformat(value) if key in TIMESTAMP_FIELDS and value else value
                     for key, value in record.items()})
    return rows


def write_part(layout: OutputLayout, table: str, day: int, run_id: str, copies: int = 1) -> None:
    part = open_table_part(layout, table, datetime(2024, 1, day, tzinfo=UTC), run_id)
    part.append(example_rows(table) * copies)
    part.commit()


@pytest.fixture
def out(tmp_path: Path) -> OutputLayout:
    layout = OutputLayout(tmp_path / "out")
    write_part(layout, "articles", 1, "20240101T000000Z-aaaaaa")
    write_part(layout, "articles", 2, "20240102T000000Z-bbbbbb")
    write_part(layout, "sentences", 2, "20240102T000000Z-bbbbbb", copies=3)
    # neither an uncommitted temp part nor a stray file is part of the package
    (layout.root / "parquet" / "articles" / "ingest_date=2024-01-02" / ".part-x.parquet.1-ab.tmp").write_bytes(b"x")
    (layout.root / "json" / "articles" / "notes.txt").write_text("not a part")
    return layout


def read_package(layout: OutputLayout) -> dict[str, Any]:
    return json.loads(datapackage_path(layout).read_text(encoding="utf-8"))


def committed_parts(layout: OutputLayout) -> set[str]:
    return {
        path.relative_to(layout.root).as_posix()
        for pattern in ("parquet/*/ingest_date=*/part-*.parquet", "json/*/ingest_date=*/part-*.jsonl")
        for path in layout.root.glob(pattern)
    }


def test_every_committed_part_is_listed_once(out: OutputLayout) -> None:
    write_datapackage(out, "1.0.0")
    listed = [entry["path"] for item in read_package(out)["resources"] for entry in item["agenda:files"]]
    assert sorted(listed) == sorted(committed_parts(out))
    assert len(listed) == 6


def test_sizes_digests_and_row_counts_match_the_files(out: OutputLayout) -> None:
    write_datapackage(out, "1.0.0")
    for item in read_package(out)["resources"]:
        for entry in item["agenda:files"]:
            path = out.root / entry["path"]
            data = path.read_bytes()
            assert entry["bytes"] == len(data) == path.stat().st_size
            assert entry["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
            expected_rows = pq.read_table(path).num_rows if path.suffix == ".parquet" else len(data.splitlines())
            assert entry["rows"] == expected_rows, entry["path"]
        assert item["agenda:rows"] == sum(entry["rows"] for entry in item["agenda:files"])
        assert item.get("path", []) == [entry["path"] for entry in item["agenda:files"]]


def test_row_totals_per_table(out: OutputLayout) -> None:
    write_datapackage(out, "1.0.0")
    rows = {item["name"]: item["agenda:rows"] for item in read_package(out)["resources"]}
    articles, sentences = len(example_rows("articles")), len(example_rows("sentences"))
    assert rows["articles-parquet"] == rows["articles-jsonl"] == 2 * articles
    assert rows["sentences-parquet"] == rows["sentences-jsonl"] == 3 * sentences
    assert rows["links-parquet"] == rows["links-jsonl"] == 0


def test_every_table_is_described_with_its_schema_and_the_versions(out: OutputLayout) -> None:
    write_datapackage(out, "3.2.1")
    descriptor = read_package(out)
    schemas = load_schemas()
    expected = [table for table in PUBLISHED_TABLES for _ in "pj"]
    assert [item["agenda:table"] for item in descriptor["resources"]] == expected
    for item in descriptor["resources"]:
        schema = schemas[f"{TABLE_SCHEMAS[item['agenda:table']]}.v1"]
        assert item["schema"]["agenda:json_schema"] == schema["$id"]
        assert [field["name"] for field in item["schema"]["fields"]] == list(schema["properties"])
    assert descriptor["agenda:taxonomy_version"] == "3.2.1"
    assert descriptor["agenda:schema_version"] == SCHEMA_VERSION
    assert descriptor["agenda:schemas"] == {name: schema["$id"] for name, schema in schemas.items()}


def test_a_rerun_with_nothing_new_leaves_the_file_byte_identical(out: OutputLayout) -> None:
    write_datapackage(out, "1.0.0")
    first = datapackage_path(out).read_bytes()
    write_datapackage(out, "1.0.0")
    assert datapackage_path(out).read_bytes() == first
    write_part(out, "links", 3, "20240103T000000Z-cccccc")
    write_datapackage(out, "1.0.0")
    assert datapackage_path(out).read_bytes() != first


def test_an_empty_output_folder_still_gets_a_package(tmp_path: Path) -> None:
    layout = OutputLayout(tmp_path)
    assert write_datapackage(layout, "1.0.0") == tmp_path / "datapackage.json"
    descriptor = read_package(layout)
    assert len(descriptor["resources"]) == 2 * len(PUBLISHED_TABLES)
    assert all("data" in item and item["agenda:rows"] == 0 for item in descriptor["resources"])
    assert [path.name for path in tmp_path.iterdir()] == ["datapackage.json"]


@pytest.mark.parametrize(
    ("content", "lines"),
    [(b"", 0), (b"{}\n", 1), (b"{}\n{}\n", 2), (b"{}\n{}", 2), (b"\n", 1)],
)
def test_line_counts_include_an_unterminated_last_line(tmp_path: Path, content: bytes, lines: int) -> None:
    path = tmp_path / "part.jsonl"
    path.write_bytes(content)
    assert digest_file(path) == (hashlib.sha256(content).hexdigest(), len(content), lines)


def test_digests_do_not_depend_on_the_chunk_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = b"".join(b'{"n":%d}\n' % number for number in range(1000)) + b'{"last":true}'
    path = tmp_path / "part.jsonl"
    path.write_bytes(content)
    whole = digest_file(path)
    monkeypatch.setattr(datapackage, "CHUNK_BYTES", 7)
    assert digest_file(path) == whole == (hashlib.sha256(content).hexdigest(), len(content), 1001)


def test_frictionless_accepts_the_descriptor_and_the_json_lines_data(out: OutputLayout) -> None:
    import frictionless
    write_datapackage(out, "1.0.0")
    path = datapackage_path(out)
    report = frictionless.Package.validate_descriptor(str(path))
    assert report.valid, [error.message for error in report.errors]
    import jsonlines  # noqa: F401  (frictionless[json] reads JSON Lines with it)
    package = frictionless.Package(str(path))
    for name in ("articles-jsonl", "sentences-jsonl"):
        report = package.get_resource(name).validate()
        errors = [error.message for task in report.tasks for error in task.errors]
        assert report.valid, errors
