"""Compaction: rewrite a partition's many per-run parts as one file, and swap it in as a whole directory.

The new partition is built under OUT/_state/compact/<stamp>/new/ and exchanged with the live one in one atomic step,
so a reader sees either all the old files or the one new file. Leftovers of a compaction that died are safe to
delete, except when it died between the two renames of the fallback path, which `recover_compaction` completes.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from flows.io.exchange import replace_directory
from flows.io.outputs import OutputLayout, table_arrow_schema
from flows.io.storage import PARQUET_COMPRESSION, fsync_dir, fsync_file

ROW_GROUP_ROWS = 128 * 1024


@dataclass(frozen=True, slots=True)
class Compacted:
    table: str
    partition: str
    parts_before: int
    rows: int


def work_dir(layout: OutputLayout, stamp: str) -> Path:
    return layout.state_dir / "compact" / stamp


def partitions(layout: OutputLayout, table: str) -> list[Path]:
    return sorted(p for p in (layout.root / "parquet" / table).glob("ingest_date=*") if p.is_dir())


def write_parquet(parts: list[Path], table: str, target: Path) -> int:
    schema = table_arrow_schema(table)
    rows = 0
    with pq.ParquetWriter(target, schema, compression=PARQUET_COMPRESSION) as writer:
        for part in parts:
            for batch in pq.ParquetFile(part).iter_batches(batch_size=ROW_GROUP_ROWS):
                writer.write_batch(batch.cast(schema))
                rows += batch.num_rows
    fsync_file(target)
    return rows


def write_jsonl(parts: list[Path], target: Path) -> None:
    with target.open("wb") as out:
        for part in parts:
            with part.open("rb") as source:
                shutil.copyfileobj(source, out)
    fsync_file(target)


def build_partition(layout: OutputLayout, table: str, partition: Path, stamp: str) -> Compacted | None:
    """Write the compacted twin partitions (Parquet and JSON Lines) under the work folder; None if nothing to do."""
    parquet_parts = sorted(partition.glob("part-*.parquet"))
    if len(parquet_parts) < 2:
        return None
    json_partition = layout.root / "json" / table / partition.name
    json_parts = [layout.json_twin(p) for p in parquet_parts]
    new_parquet = work_dir(layout, stamp) / "new" / "parquet" / table / partition.name
    new_json = work_dir(layout, stamp) / "new" / "json" / table / partition.name
    for folder in (new_parquet, new_json):
        folder.mkdir(parents=True)
    rows = write_parquet(parquet_parts, table, new_parquet / f"part-compacted-{stamp}.parquet")
    missing = [p for p in json_parts if not p.exists()]
    if missing:
        raise FileNotFoundError(f"{table}/{partition.name}: the JSON Lines twin {missing[0]} is missing")
    write_jsonl(json_parts, new_json / f"part-compacted-{stamp}.jsonl")
    for folder in (new_parquet, new_json):
        fsync_dir(folder)
    replace_directory(new_parquet, partition, work_dir(layout, stamp) / "old" / "parquet" / table / partition.name)
    if json_partition.exists():
        replace_directory(new_json, json_partition, work_dir(layout, stamp) / "old" / "json" / table / partition.name)
    return Compacted(table, partition.name, len(parquet_parts), rows)


def compact(layout: OutputLayout, tables: list[str], stamp: str) -> list[Compacted]:
    """Compact every partition of the given tables that has more than one part (call while holding the lock)."""
    done = [
        result
        for table in tables
        for partition in partitions(layout, table)
        if (result := build_partition(layout, table, partition, stamp)) is not None
    ]
    shutil.rmtree(work_dir(layout, stamp), ignore_errors=True)
    return done


def recover_compaction(layout: OutputLayout) -> None:
    """Finish or discard what a killed compaction left (call while holding the lock)."""
    root = layout.state_dir / "compact"
    for stamp_dir in sorted(root.glob("*")) if root.exists() else []:
        for new in sorted(stamp_dir.glob("new/*/*/ingest_date=*")):
            tree, table, partition = new.relative_to(stamp_dir / "new").parts
            target = layout.root / tree / table / partition
            if not target.exists():
                new.rename(target)
            elif tree == "json" and parquet_was_swapped(layout, table, partition, stamp_dir.name):
                # Killed between the two swaps: finish the JSON one, so the twins describe the same files.
                replace_directory(new, target, stamp_dir / "old" / tree / table / partition)
        shutil.rmtree(stamp_dir)


def parquet_was_swapped(layout: OutputLayout, table: str, partition: str, stamp: str) -> bool:
    return (layout.root / "parquet" / table / partition / f"part-compacted-{stamp}.parquet").exists()
