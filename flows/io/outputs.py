"""The output folder's layout: where each table's parts, the run reports and the state live."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from flows.core.article import SCHEMA_VERSION
from flows.core.jsonrows import json_lines
from flows.core.tableschema import TABLE_SCHEMAS, arrow_schema
from flows.io.ledger import state_dir_of
from flows.io.registrystore import RegistryStore
from flows.io.schemas import load_schemas, resolve_schema_name, schema_registry
from flows.io.storage import TablePart, stage_table

TABLES = ("articles", "sentences", "actors", "issues", "mentions", "links")  # one part per run, partitioned by day
PUBLISHED_TABLES = (*TABLES, "registry")  # the registry is one file, rewritten whole


@dataclass(frozen=True, slots=True)
class OutputLayout:
    root: Path

    @property
    def state_dir(self) -> Path:
        return state_dir_of(self.root)

    def part_paths(self, table: str, day: str, run_id: str) -> tuple[Path, Path]:
        partition = f"ingest_date={day}"
        return (
            self.root / "parquet" / table / partition / f"part-{run_id}.parquet",
            self.root / "json" / table / partition / f"part-{run_id}.jsonl",
        )

    def report_path(self, run_id: str) -> Path:
        return self.root / "runs" / f"{run_id}.json"

    def quarantine_path(self, run_id: str, name: str) -> Path:
        return self.root / "quarantine" / run_id / name

    def table_files(self, table: str) -> list[Path]:
        return sorted((self.root / "parquet" / table).glob("ingest_date=*/part-*.parquet"))

    def registry_paths(self) -> tuple[Path, Path]:
        return (
            self.root / "parquet" / "registry" / "registry.parquet",
            self.root / "json" / "registry" / "registry.jsonl",
        )

    def json_twin(self, parquet_path: Path) -> Path:
        relative = parquet_path.relative_to(self.root / "parquet")
        return (self.root / "json" / relative).with_suffix(".jsonl")


def table_arrow_schema(table: str) -> pa.Schema:
    """The Parquet schema of a table, derived from its JSON Schema and stamped with the schema's id and version."""
    json_schema = load_schemas()[resolve_schema_name(TABLE_SCHEMAS[table])]
    schema = arrow_schema(json_schema, schema_registry())
    return schema.with_metadata(
        {"agenda.table": table, "agenda.schema_id": json_schema["$id"], "agenda.schema_version": SCHEMA_VERSION}
    )


def open_table_part(layout: OutputLayout, table: str, started_at: datetime, run_id: str) -> TablePart:
    parquet_path, jsonl_path = layout.part_paths(table, started_at.strftime("%Y-%m-%d"), run_id)
    return TablePart(parquet_path, jsonl_path, table_arrow_schema(table))


def known_articles(layout: OutputLayout) -> dict[str, str]:
    """article_id -> source_path of every article already published under this output folder."""
    known: dict[str, str] = {}
    for path in layout.table_files("articles"):
        table = pq.read_table(path, columns=["article_id", "source_path"])
        for article_id, source_path in zip(
            table.column("article_id").to_pylist(), table.column("source_path").to_pylist(), strict=True
        ):
            known.setdefault(article_id, source_path)
    return known


def rewrite_part(layout: OutputLayout, path: Path, current: set[str]) -> list[tuple[Path, Path]]:
    """Write new versions of one articles part (Parquet and JSON Lines) to temp files; return their renames.
    The JSON Lines twin is read and both files are written from the new lines."""
    twin = layout.json_twin(path)
    rows = [json.loads(line) for line in twin.read_text("utf-8").splitlines()]
    for row in rows:
        row["is_latest"] = row["article_id"] in current
    return stage_table(json_lines(rows), table_arrow_schema("articles"), path, twin)


def reconcile_latest(layout: OutputLayout, current: set[str]) -> list[tuple[Path, Path]]:
    """Renames that bring every published article's is_latest in line with what the inputs hold now."""
    renames: list[tuple[Path, Path]] = []
    for path in layout.table_files("articles"):
        flags = pq.read_table(path, columns=["article_id", "is_latest"]).to_pydict()
        if any((a in current) != f for a, f in zip(flags["article_id"], flags["is_latest"], strict=True)):
            renames.extend(rewrite_part(layout, path, current))
    return renames


def stage_registry(layout: OutputLayout, registry: RegistryStore) -> list[tuple[Path, Path]]:
    """Write the whole registry to temp files beside its two published paths, a chunk at a time; return the
    renames."""
    parquet_path, jsonl_path = layout.registry_paths()
    part = TablePart(parquet_path, jsonl_path, table_arrow_schema("registry"))
    for lines, rows in registry.lines():
        part.append_lines(lines, rows)
    return part.finish()
