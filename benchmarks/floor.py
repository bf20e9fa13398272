"""The floor: read every file and write its text to one Parquet file with polars, nothing else.

Run as `python -m benchmarks.floor CORPUS OUT.parquet` to time it as a whole new process."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl


def write_floor(corpus: Path, out: Path) -> int:
    paths = sorted(corpus.rglob("*.txt"))
    texts = [path.read_bytes().decode("utf-8", errors="replace") for path in paths]
    pl.DataFrame({"path": [str(p) for p in paths], "text": texts}).write_parquet(out)
    return len(paths)


if __name__ == "__main__":
    write_floor(Path(sys.argv[1]), Path(sys.argv[2]))
