"""Every durable write of the project: atomic files (temp name, fsync, rename) and per-run table parts."""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from flows.core.jsonrows import json_line, to_json_value

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


def write_json_atomic(path: Path, document: Any) -> None:
    text = json.dumps(to_json_value(document), ensure_ascii=False, indent=2) + "\n"
    write_bytes_atomic(path, text.encode("utf-8"))


class TablePart:
    """One run's part of one table, Parquet and JSON Lines side by side, invisible until commit()."""

    def __init__(self, parquet_path: Path, jsonl_path: Path, schema: pa.Schema) -> None:
        self.finals = (parquet_path, jsonl_path)
        self.temps = (temp_path_for(parquet_path), temp_path_for(jsonl_path))
        for path in self.finals:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.schema = schema
        self.rows = 0
        self._parquet = pq.ParquetWriter(self.temps[0], schema, compression=PARQUET_COMPRESSION)
        self._jsonl = self.temps[1].open("w", encoding="utf-8")

    def append(self, rows: Sequence[dict[str, Any]]) -> None:
        """Write rows as one Parquet row group and as JSON lines."""
        if not rows:
            return
        self._parquet.write_table(pa.Table.from_pylist(list(rows), schema=self.schema))
        self._jsonl.writelines(json_line(row) + "\n" for row in rows)
        self.rows += len(rows)

    def finish(self) -> list[tuple[Path, Path]]:
        """Close and fsync both temp files; return the (temp, final) renames that publish them.
        A part that received no rows is discarded instead: no empty files in the tables."""
        if self.rows == 0:
            self.abort()
            return []
        self._parquet.close()
        self._jsonl.flush()
        os.fsync(self._jsonl.fileno())
        self._jsonl.close()
        fsync_file(self.temps[0])
        return list(zip(self.temps, self.finals, strict=True))

    def commit(self) -> None:
        for temp, final in self.finish():
            publish(temp, final)

    def abort(self) -> None:
        """Close and delete the temp files; nothing of this part becomes visible."""
        self._parquet.close()
        if not self._jsonl.closed:
            self._jsonl.close()
        for temp in self.temps:
            temp.unlink(missing_ok=True)
