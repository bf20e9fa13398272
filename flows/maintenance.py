"""Maintenance commands over an output folder: compaction and status. Both are safe while runs go on."""

from __future__ import annotations

import fcntl
import json
import os
import secrets
from datetime import UTC, datetime
from pathlib import Path

from flows.core.status import status_lines
from flows.io.commit import recover
from flows.io.compaction import Compacted, compact, recover_compaction
from flows.io.datapackage import write_datapackage
from flows.io.ledger import open_ledger
from flows.io.locks import output_lock, read_holder
from flows.io.outputs import TABLES, OutputLayout


def compact_output(out: Path, tables: list[str] | None = None, lock_wait_seconds: float = 0.0) -> list[Compacted]:
    """Merge each partition's per-run parts into one file, holding the output lock like a run does."""
    layout = OutputLayout(out)
    stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
    with output_lock(layout.state_dir, f"compact-{stamp}", lock_wait_seconds):
        recover_compaction(layout)
        ledger = open_ledger(layout.state_dir)
        try:
            recover(layout.root, layout.state_dir, ledger)  # an interrupted run's files first, or they would be lost
        finally:
            ledger.close()
        done = compact(layout, tables or list(TABLES), stamp)
        if done:
            write_datapackage(layout, taxonomy_version_of(layout))
    return done


def taxonomy_version_of(layout: OutputLayout) -> str:
    """The taxonomy version the data package already names (compaction changes files, not their content)."""
    package = layout.root / "datapackage.json"
    if package.exists():
        return str(json.loads(package.read_text("utf-8")).get("agenda:taxonomy_version", "unknown"))
    return "unknown"


def current_holder(layout: OutputLayout) -> str | None:
    """Who holds the output lock right now (a lock file whose flock is free belongs to nobody)."""
    path = layout.state_dir / "run.lock"
    if not path.exists():
        return None
    descriptor = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = read_holder(path)
        return holder.describe() if holder else "another run"
    finally:
        os.close(descriptor)
    return None


def output_status(out: Path, limit: int = 10) -> list[str]:
    layout = OutputLayout(out)
    paths = sorted((layout.root / "runs").glob("*.json"), reverse=True)[:limit]
    reports = [report for report in map(read_report, paths) if report is not None]
    unreadable = [p.name for p in paths if read_report(p) is None]
    interrupted = sorted(p.stem for p in (layout.state_dir / "pending").glob("*.json"))
    return status_lines(reports, interrupted, current_holder(layout)) + [
        f"unreadable run report: runs/{name}" for name in unreadable
    ]


def read_report(path: Path) -> dict | None:
    """A run report, or None when the file is not one (damaged by hand, or not ours)."""
    try:
        report = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return report if isinstance(report, dict) and {"run_id", "counts", "started_at"} <= report.keys() else None
