"""The Frictionless Data Package descriptor (v1) of an output folder, built from plain facts about its files.

One resource per table per format (``articles-parquet``, ``articles-jsonl``...), because a v1 resource has one
``format``. ``path`` lists the table's part files; a table with none yet is inline data of its header row alone,
as ``path`` may not be empty. The spec's resource ``hash`` covers the resource's bytes, which for several files
means their concatenation, so it is given only for a one-file resource; the checkable facts of every file (path,
bytes, sha256, rows) are under ``agenda:files``. Nothing in the descriptor depends on the clock, so the same files
always give the same descriptor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

PACKAGE_NAME = "agenda-tables"
PACKAGE_TITLE = "agenda: actors and issues in news articles"
PACKAGE_DESCRIPTION = (
    "Tables derived from news articles: the articles, their sentences, the actors and issues they name, the "
    "mentions that locate them and the links between them. Each table is published as Parquet and as JSON Lines, "
    "one part file per run and ingest date."
)
FORMATS: dict[str, str] = {
    "parquet": "application/vnd.apache.parquet",
    "jsonl": "application/jsonl",  # widely used, though not registered with IANA
}

Descriptor = dict[str, Any]


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What a consumer needs to check one downloaded file: its path relative to the package, size, digest, rows."""

    path: str
    bytes: int
    sha256: str
    rows: int

    def __post_init__(self) -> None:
        parts = self.path.split("/")
        if self.path.startswith("/") or "\\" in self.path or ".." in parts or "" in parts:
            raise ValueError(f"not a relative POSIX path inside the package: {self.path!r}")
        if len(self.sha256) != 64 or self.sha256.strip("0123456789abcdef"):
            raise ValueError(f"not a lowercase hex SHA-256 digest: {self.sha256!r}")


@dataclass(frozen=True, slots=True)
class TableFacts:
    """One table: the JSON Schema it follows, its Arrow schema and its files in each format."""

    table: str
    schema_id: str
    description: str
    arrow: pa.Schema
    files: Mapping[str, Sequence[FileFacts]]


def table_schema_type(data_type: pa.DataType) -> str:
    """The Table Schema field type an Arrow type stands for."""
    if pa.types.is_timestamp(data_type):
        return "datetime"
    if pa.types.is_integer(data_type):
        return "integer"
    if pa.types.is_floating(data_type):
        return "number"
    if pa.types.is_boolean(data_type):
        return "boolean"
    if pa.types.is_string(data_type) or pa.types.is_large_string(data_type):
        return "string"
    if pa.types.is_list(data_type) or pa.types.is_large_list(data_type):
        return "array"
    if pa.types.is_struct(data_type) or pa.types.is_map(data_type):
        return "object"
    raise ValueError(f"no Table Schema type for Arrow type {data_type}")


def table_schema_field(field: pa.Field) -> Descriptor:
    described: Descriptor = {"name": field.name, "type": table_schema_type(field.type)}
    description = (field.metadata or {}).get(b"description")
    if description:
        described["description"] = description.decode("utf-8")
    if not field.nullable:
        described["constraints"] = {"required": True}
    return described


def table_schema(facts: TableFacts) -> Descriptor:
    """Table Schema form of the table's columns, pointing back at the JSON Schema they come from."""
    return {
        "fields": [table_schema_field(field) for field in facts.arrow],
        "agenda:json_schema": facts.schema_id,
    }


def file_entry(facts: FileFacts) -> Descriptor:
    return {"path": facts.path, "bytes": facts.bytes, "hash": f"sha256:{facts.sha256}", "rows": facts.rows}


def resource_name(table: str, file_format: str) -> str:
    return f"{table}-{file_format}"


def resource(facts: TableFacts, file_format: str) -> Descriptor:
    """The resource of one table in one format; a table without files is inline data holding only its header."""
    files = sorted(facts.files.get(file_format, ()), key=lambda item: item.path)
    described: Descriptor = {
        "name": resource_name(facts.table, file_format),
        "title": f"{facts.table} ({file_format})",
        "description": facts.description,
    }
    if files:
        described["path"] = [item.path for item in files]
        described |= {"format": file_format, "mediatype": FORMATS[file_format]}
        described["bytes"] = sum(item.bytes for item in files)
        if len(files) == 1:
            described["hash"] = f"sha256:{files[0].sha256}"
    else:
        described["data"] = [facts.arrow.names]
    return described | {
        "schema": table_schema(facts),
        "agenda:table": facts.table,
        "agenda:rows": sum(item.rows for item in files),
        "agenda:files": [file_entry(item) for item in files],
    }


def build_datapackage(
    tables: Sequence[TableFacts],
    *,
    schema_version: str,
    taxonomy_version: str,
    schema_ids: Mapping[str, str],
) -> Descriptor:
    """The whole descriptor: tables in the order given, Parquet before JSON Lines, schemas sorted by name."""
    return {
        "profile": "data-package",
        "name": PACKAGE_NAME,
        "title": PACKAGE_TITLE,
        "description": PACKAGE_DESCRIPTION,
        "resources": [resource(facts, file_format) for facts in tables for file_format in FORMATS],
        "agenda:schema_version": schema_version,
        "agenda:taxonomy_version": taxonomy_version,
        "agenda:schemas": dict(sorted(schema_ids.items())),
    }
