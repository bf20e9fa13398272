"""Every durable write of the project: atomic files (temp name, fsync, rename) and per-run table parts."""

from __future__ import annotations

import io
import json
import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.json as pa_json
import pyarrow.parquet as pq

from flows.core.jsonrows import json_lines, to_json_value

PARQUET_COMPRESSION = "zstd"


def temp_path_for(final: Path) -> Path:
    """A hidden sibling name that no reader's glob (*.parquet, *.jsonl, *.json) matches."""
    return final.with_name(f".{final.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def publish(temp: Path, final: Path) -> None:
    """Move a finished temp file into place in one rename, and make the rename durable."""
    os.replace(temp, final)
    fsync_dir(final.parent)


def write_temp(path: Path, data: bytes) -> Path:
    """Write data durably under a temp name beside `path`; the caller publishes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_path_for(path)
    with temp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return temp


def write_bytes_atomic(path: Path, data: bytes) -> None:
    temp = write_temp(path, data)
    try:
        publish(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def json_document(document: Any) -> bytes:
    """A JSON document as the project writes them: indented, UTF-8 kept as is, timestamps as RFC 3339."""
    return (json.dumps(to_json_value(document), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_json_atomic(path: Path, document: Any) -> None:
    write_bytes_atomic(path, json_document(document))


def arrow_from_json_lines(data: bytes, schema: pa.Schema) -> pa.Table:
    """Parse JSON Lines into a table of exactly ``schema``. The Parquet rows are read back from the very bytes of
    the JSON Lines file, so the two forms of a table cannot disagree; and Arrow's reader does the work in C++."""
    if not data:
        return schema.empty_table()
    options = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
    # One block as a rule, as a line may be long (Arrow's blocks stop at 2 GiB: larger data is read in 1 GiB blocks,
    # each holding whole lines); one thread, as the worker processes have the cores.
    block = min(max(len(data) + 1, 1 << 20), 1 << 30)
    whole = pa_json.ReadOptions(block_size=block, use_threads=False)
    table = pa_json.read_json(io.BytesIO(data), read_options=whole, parse_options=options)
    if table.schema.names != schema.names:
        table = table.select(schema.names)
    return table if table.schema.equals(schema) else table.cast(schema)


def stage_table(lines: bytes, schema: pa.Schema, parquet_path: Path, jsonl_path: Path) -> list[tuple[Path, Path]]:
    """Write a whole table, given as JSON Lines, to a Parquet file and its JSON Lines twin under temp names;
    return the renames that publish them."""
    parquet_path.parent.mkdir(parents=True, exist_ok=True)
    parquet_temp = temp_path_for(parquet_path)
    pq.write_table(arrow_from_json_lines(lines, schema), parquet_temp, compression=PARQUET_COMPRESSION)
    fsync_file(parquet_temp)
    return [(parquet_temp, parquet_path), (write_temp(jsonl_path, lines), jsonl_path)]


class TablePart:
    """One run's part of one table, Parquet and JSON Lines side by side, invisible until committed. Nothing is
    created on disk until the first rows arrive, so a run that writes nothing leaves nothing behind."""

    def __init__(self, parquet_path: Path, jsonl_path: Path, schema: pa.Schema) -> None:
        self.finals = (parquet_path, jsonl_path)
        self.temps = (temp_path_for(parquet_path), temp_path_for(jsonl_path))
        self.schema = schema
        self.rows = 0
        self._parquet: pq.ParquetWriter | None = None
        self._jsonl: BinaryIO | None = None

    def open(self) -> tuple[pq.ParquetWriter, BinaryIO]:
        if self._parquet is None or self._jsonl is None:
            for path in self.finals:
                path.parent.mkdir(parents=True, exist_ok=True)
            self._parquet = pq.ParquetWriter(self.temps[0], self.schema, compression=PARQUET_COMPRESSION)
            self._jsonl = self.temps[1].open("wb")
        return self._parquet, self._jsonl

    def append(self, rows: Sequence[dict[str, Any]]) -> None:
        """Write rows as one Parquet row group and as JSON lines."""
        self.append_lines(json_lines(rows), len(rows))

    def append_lines(self, data: bytes, rows: int) -> None:
        """Write ``rows`` records already encoded as JSON Lines: the bytes as they are, and one Parquet row group."""
        if not rows:
            return
        table = arrow_from_json_lines(data, self.schema)
        if table.num_rows != rows:
            raise ValueError(f"{self.finals[1].name}: {rows} rows announced, {table.num_rows} encoded")
        parquet, jsonl = self.open()
        parquet.write_table(table)
        jsonl.write(data)
        self.rows += rows

    def finish(self) -> list[tuple[Path, Path]]:
        """Close and fsync both temp files; return the (temp, final) renames that publish them.
        A part that received no rows is discarded instead: no empty files in the tables."""
        if self.rows == 0:
            self.abort()
            return []
        parquet, jsonl = self.open()
        parquet.close()
        jsonl.flush()
        os.fsync(jsonl.fileno())
        jsonl.close()
        fsync_file(self.temps[0])
        return list(zip(self.temps, self.finals, strict=True))

    def commit(self) -> None:
        for temp, final in self.finish():
            publish(temp, final)

    def abort(self) -> None:
        """Close and delete the temp files; nothing of this part becomes visible."""
        if self._parquet is not None:
            self._parquet.close()
        if self._jsonl is not None and not self._jsonl.closed:
            self._jsonl.close()
        for temp in self.temps:
            temp.unlink(missing_ok=True)
