"""The ledger: every input each run took, with its size, mtime, digest, article and outcome (SQLite in OUT/_state)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from flows.core.incremental import LedgerEntry

_SCHEMA = """
CREATE TABLE IF NOT EXISTS inputs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    location TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT,
    article_id TEXT,
    outcome TEXT NOT NULL,
    run_id TEXT NOT NULL,
    reason TEXT,
    supersedes TEXT
);
CREATE INDEX IF NOT EXISTS inputs_by_key ON inputs (key, seq);
CREATE INDEX IF NOT EXISTS inputs_by_article ON inputs (article_id);
CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, recorded_at TEXT NOT NULL);
"""
_COLUMNS = ("key", "location", "size", "mtime_ns", "sha256", "article_id", "outcome", "run_id", "reason", "supersedes")


def state_dir_of(out: Path) -> Path:
    """The output folder's state: the ledger, the lock, pending commits, scratch files."""
    return out / "_state"


def ledger_path(state_dir: Path) -> Path:
    return state_dir / "ledger.sqlite"


def open_ledger(state_dir: Path) -> sqlite3.Connection:
    state_dir.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(ledger_path(state_dir), timeout=30)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.executescript(_SCHEMA)
    return connection


def latest_entries(connection: sqlite3.Connection) -> dict[str, LedgerEntry]:
    """The last entry of every input key."""
    rows = connection.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM inputs WHERE seq IN (SELECT max(seq) FROM inputs GROUP BY key)"
    )
    return {row[0]: LedgerEntry(*row) for row in rows}


def published_articles(connection: sqlite3.Connection) -> dict[str, str]:
    """article_id -> the location that first brought it, for every article a run wrote."""
    rows = connection.execute(
        "SELECT article_id, location FROM inputs WHERE outcome = 'written' AND article_id IS NOT NULL ORDER BY seq"
    )
    found: dict[str, str] = {}
    for article_id, location in rows:
        found.setdefault(article_id, location)
    return found


def run_recorded(connection: sqlite3.Connection, run_id: str) -> bool:
    return connection.execute("SELECT 1 FROM runs WHERE run_id = ?", (run_id,)).fetchone() is not None


def record_run(connection: sqlite3.Connection, run_id: str, entries: Iterable[LedgerEntry]) -> None:
    """Add a run's entries in one transaction; recording the same run twice (a resumed commit) adds nothing."""
    with connection:
        if run_recorded(connection, run_id):
            return
        connection.executemany(
            f"INSERT INTO inputs ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
            ([getattr(entry, name) for name in _COLUMNS] for entry in entries),
        )
        connection.execute(
            "INSERT INTO runs (run_id, recorded_at) VALUES (?, ?)", (run_id, datetime.now(UTC).isoformat())
        )
