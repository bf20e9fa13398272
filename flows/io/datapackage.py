"""Describe an output folder as a Data Package: scan every table's committed part files and write datapackage.json.

Only committed parts are seen: a part being written has a hidden temp name that the globs below do not match.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow.parquet as pq

from flows.core.article import SCHEMA_VERSION
from flows.core.datapackage import Descriptor, FileFacts, TableFacts, build_datapackage
from flows.core.tableschema import TABLE_SCHEMAS
from flows.io.outputs import PUBLISHED_TABLES, OutputLayout, table_arrow_schema
from flows.io.schemas import load_schemas, resolve_schema_name
from flows.io.storage import write_json_atomic

DATAPACKAGE_NAME = "datapackage.json"
CHUNK_BYTES = 1 << 20
PART_GLOBS: dict[str, tuple[str, tuple[str, ...]]] = {
    "parquet": ("parquet", ("ingest_date=*/part-*.parquet", "[!.]*.parquet")),
    "jsonl": ("json", ("ingest_date=*/part-*.jsonl", "[!.]*.jsonl")),
}


def datapackage_path(layout: OutputLayout) -> Path:
    return layout.root / DATAPACKAGE_NAME


def part_files(layout: OutputLayout, table: str, file_format: str) -> list[Path]:
    folder, patterns = PART_GLOBS[file_format]
    return sorted(path for pattern in patterns for path in (layout.root / folder / table).glob(pattern))


def digest_file(path: Path) -> tuple[str, int, int]:
    """SHA-256 hex digest, size and line count of a file, read once in chunks; an unterminated last line counts."""
    digest = hashlib.sha256()
    size = newlines = 0
    last = b"\n"
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
            size += len(chunk)
            newlines += chunk.count(b"\n")
            last = chunk[-1:]
    return digest.hexdigest(), size, newlines + (last != b"\n")


def parquet_row_count(path: Path) -> int:
    """Rows from the footer metadata alone; no column is read."""
    return pq.read_metadata(path).num_rows


def file_facts(layout: OutputLayout, path: Path, file_format: str) -> FileFacts:
    sha256, size, lines = digest_file(path)
    rows = parquet_row_count(path) if file_format == "parquet" else lines
    return FileFacts(path=path.relative_to(layout.root).as_posix(), bytes=size, sha256=sha256, rows=rows)


def table_facts(layout: OutputLayout, table: str) -> TableFacts:
    json_schema = load_schemas()[resolve_schema_name(TABLE_SCHEMAS[table])]
    files = {
        file_format: [file_facts(layout, path, file_format) for path in part_files(layout, table, file_format)]
        for file_format in PART_GLOBS
    }
    return TableFacts(
        table=table,
        schema_id=json_schema["$id"],
        description=json_schema.get("description", ""),
        arrow=table_arrow_schema(table),
        files=files,
    )


def build_output_datapackage(layout: OutputLayout, taxonomy_version: str) -> Descriptor:
    """The descriptor of every table under the output folder, as its files are now."""
    return build_datapackage(
        [table_facts(layout, table) for table in PUBLISHED_TABLES],
        schema_version=SCHEMA_VERSION,
        taxonomy_version=taxonomy_version,
        schema_ids={name: schema["$id"] for name, schema in load_schemas().items()},
    )


def write_datapackage(layout: OutputLayout, taxonomy_version: str) -> Path:
    """Rewrite OUT/datapackage.json from the files on disk, atomically; returns its path."""
    path = datapackage_path(layout)
    write_json_atomic(path, build_output_datapackage(layout, taxonomy_version))
    return path
