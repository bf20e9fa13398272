"""The output folder's layout: where each table's parts, the run reports and the state live."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from flows.core.article import SCHEMA_VERSION
from flows.core.tableschema import TABLE_SCHEMAS, arrow_schema
from flows.io.schemas import load_schemas, resolve_schema_name, schema_registry
from flows.io.storage import TablePart

TABLES = ("articles", "sentences", "actors", "issues", "mentions", "links")


@dataclass(frozen=True, slots=True)
class OutputLayout:
    root: Path

    def part_paths(self, table: str, day: str, run_id: str) -> tuple[Path, Path]:
        partition = f"ingest_date={day}"
        return (
            self.root / "parquet" / table / partition / f"part-{run_id}.parquet",
            self.root / "json" / table / partition / f"part-{run_id}.jsonl",
        )

    def report_path(self, run_id: str) -> Path:
        return self.root / "runs" / f"{run_id}.json"

    def article_files(self) -> list[Path]:
        return sorted((self.root / "parquet" / "articles").glob("ingest_date=*/part-*.parquet"))


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
    for path in layout.article_files():
        table = pq.read_table(path, columns=["article_id", "source_path"])
        for article_id, source_path in zip(
            table.column("article_id").to_pylist(), table.column("source_path").to_pylist(), strict=True
        ):
            known.setdefault(article_id, source_path)
    return known
