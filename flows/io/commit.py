"""Commit a run as one unit: a pending manifest first, then the renames and the ledger, then the manifest goes.

A run killed before its manifest is durable leaves only hidden temp files, which the next run sweeps away; its inputs
are not in the ledger, so they are taken again. A run killed after that point is rolled forward by the next run from
its manifest: the temp files it names were complete and fsynced before the manifest was written. Either way every
input is published exactly once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from flows.core.incremental import LedgerEntry
from flows.io.faults import crash_point
from flows.io.ledger import record_run
from flows.io.storage import fsync_dir, publish, write_bytes_atomic

PUBLISHED_TREES = ("parquet", "json", "quarantine", "runs")


def pending_dir(state_dir: Path) -> Path:
    return state_dir / "pending"


def manifest_document(run_id: str, root: Path, renames: Sequence[tuple[Path, Path]], entries: Sequence[LedgerEntry]):
    return {
        "run_id": run_id,
        "renames": [[str(t.relative_to(root)), str(f.relative_to(root))] for t, f in renames],
        "ledger": [asdict(entry) for entry in entries],
    }


def write_manifest(state_dir: Path, document: dict) -> Path:
    path = pending_dir(state_dir) / f"{document['run_id']}.json"
    write_bytes_atomic(path, json.dumps(document, ensure_ascii=False).encode("utf-8"))
    return path


def apply_manifest(root: Path, state_dir: Path, path: Path, ledger: sqlite3.Connection) -> None:
    """Do (or finish) what a manifest says; safe to repeat after a crash at any point."""
    document = json.loads(path.read_text("utf-8"))
    for number, (temp_name, final_name) in enumerate(document["renames"]):
        temp, final = root / temp_name, root / final_name
        if temp.exists():
            publish(temp, final)
        elif not final.exists():
            raise FileNotFoundError(f"commit {document['run_id']} cannot finish: {temp_name} and {final_name} are gone")
        if number == 0:
            crash_point("mid-renames")
    record_run(ledger, document["run_id"], [LedgerEntry(**entry) for entry in document["ledger"]])
    path.unlink()
    fsync_dir(path.parent)


def commit_run(
    root: Path,
    state_dir: Path,
    run_id: str,
    renames: Sequence[tuple[Path, Path]],
    entries: Sequence[LedgerEntry],
    ledger: sqlite3.Connection,
) -> None:
    crash_point("before-manifest")
    manifest = write_manifest(state_dir, manifest_document(run_id, root, renames, entries))
    crash_point("after-manifest")
    apply_manifest(root, state_dir, manifest, ledger)


def sweep_temp_files(root: Path) -> list[Path]:
    """Delete the hidden temp files of runs that died before committing (call only while holding the lock)."""
    swept = [p for tree in PUBLISHED_TREES for p in (root / tree).rglob(".*.tmp") if p.is_file()]
    swept += [p for p in root.glob(".*.tmp") if p.is_file()]
    for path in swept:
        path.unlink()
    return swept


def recover(root: Path, state_dir: Path, ledger: sqlite3.Connection) -> list[str]:
    """Roll forward every committed-but-unfinished run, then clear the debris of uncommitted ones."""
    finished = []
    for manifest in sorted(pending_dir(state_dir).glob("*.json")):
        apply_manifest(root, state_dir, manifest, ledger)
        finished.append(manifest.stem)
    sweep_temp_files(root)
    return finished
