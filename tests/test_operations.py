"""Incremental runs, crash safety, concurrency: real processes, really killed, really racing."""

from __future__ import annotations

import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from flows.io.outputs import PUBLISHED_TABLES
from tests.conftest import REPO, SEED, SHARED, WIKINEWS, run_cli

BBC = SHARED / "corpora" / "bbc-news"
RUN_COLUMNS = ("run_id", "ingested_at", "first_seen", "last_seen")  # when a row was written, not what it says


def table(out: Path, name: str) -> pl.DataFrame:
    files = sorted((out / "parquet" / name).rglob("[!.]*.parquet"))
    if not files:
        return pl.DataFrame()
    frame = pl.concat([pl.read_parquet(f) for f in files], how="vertical")
    return frame.drop([c for c in RUN_COLUMNS if c in frame.columns])


def canonical(frame: pl.DataFrame) -> list[tuple]:
    """Rows as sorted tuples, so two outputs compare row for row whatever their file layout."""
    return sorted(map(repr, frame.rows())) if frame.height else []


def assert_same_tables(left: Path, right: Path) -> None:
    for name in PUBLISHED_TABLES:
        assert canonical(table(left, name)) == canonical(table(right, name)), name


def assert_clean(out: Path) -> None:
    """No temp file, no pending commit, and every article exactly once."""
    assert [p for p in out.rglob(".*.tmp")] == []
    assert list((out / "_state" / "pending").glob("*.json")) == []
    ids = table(out, "articles")["article_id"].to_list()
    assert len(ids) == len(set(ids))


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("small")
    shutil.copy(SEED, root / SEED.name)
    for path in sorted((WIKINEWS / "articles").glob("*.txt"))[:12]:
        shutil.copy(path, root / path.name)
    return root


def test_changed_input_supersedes_its_old_article(cli_env: dict, small_corpus: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    shutil.copytree(small_corpus, corpus)
    out = tmp_path / "out"
    assert run_cli(["run", str(corpus), "--out", str(out), "--workers", "1"], cli_env).returncode == 0
    target = corpus / SEED.name
    target.write_text(target.read_text("utf-8").replace("touched down in Beijing", "landed in Beijing"), "utf-8")
    second = run_cli(["run", str(corpus), "--out", str(out), "--workers", "1"], cli_env)
    assert second.returncode == 0, second.stderr
    assert "1 written, 12 unchanged" in second.stdout
    articles = table(out, "articles")
    versions = articles.filter(pl.col("source_path") == str(target))
    assert versions.height == 2
    latest = versions.filter(pl.col("is_latest"))
    assert latest.height == 1 and "landed in Beijing" in latest["text"][0]
    assert latest["supersedes"][0] == versions.filter(~pl.col("is_latest"))["article_id"][0]
    assert articles.filter(pl.col("is_latest")).height == 13
    assert_clean(out)


def test_nothing_new_is_quick_to_say_so(cli_env: dict, small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_cli(["run", str(small_corpus), "--out", str(out), "--workers", "1"], cli_env)
    again = run_cli(["run", str(small_corpus), "--out", str(out), "--workers", "1"], cli_env)
    assert again.returncode == 0 and re.search(r"\b0 written, 13 unchanged", again.stdout)
    ledger = sqlite3.connect(out / "_state" / "ledger.sqlite")
    outcomes = dict(ledger.execute("SELECT outcome, count(*) FROM inputs GROUP BY outcome").fetchall())
    assert outcomes == {"written": 13, "unchanged": 13}


def start_run(corpus: Path, out: Path, env: dict, crash_at: str | None = None, *extra: str) -> subprocess.Popen:
    child_env = dict(env)
    if crash_at:
        child_env["AGENDA_CRASH_AT"] = crash_at
    return subprocess.Popen(
        [sys.executable, "-m", "flows", "run", str(corpus), "--out", str(out), "--workers", "1", *extra],
        env=child_env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def half_written_part(out: Path) -> bool:
    return any(p.stat().st_size > 0 for p in out.glob("parquet/*/*/.*.tmp"))


def kill_when_writing(process: subprocess.Popen, out: Path, timeout: float = 120) -> None:
    """SIGKILL the run as soon as a half-written part exists."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if half_written_part(out):
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    process.wait(timeout=60)


@pytest.fixture(scope="module")
def crash_corpus() -> Path:
    """417 BBC politics articles, read in place: enough work to be caught mid-write."""
    if not BBC.is_dir():
        pytest.skip("../shared/corpora/bbc-news is not beside this checkout")
    return BBC / "politics"


def test_killed_runs_leave_nothing_half_done_and_resume_exactly_once(
    cli_env: dict, crash_corpus: Path, tmp_path: Path
) -> None:
    clean = tmp_path / "clean"
    crashed = tmp_path / "crashed"
    sources = [str(crash_corpus)]
    reference = run_cli(["run", *sources, "--out", str(clean), "--workers", "1"], cli_env)
    assert reference.returncode == 0, reference.stderr

    def run(crash_at: str | None) -> subprocess.CompletedProcess | subprocess.Popen:
        env = dict(cli_env, **({"AGENDA_CRASH_AT": crash_at} if crash_at else {}))
        return run_cli(["run", *sources, "--out", str(crashed), "--workers", "1"], env)

    writing = subprocess.Popen(  # output to /dev/null: nobody reads it while the run is watched, so a pipe could fill
        [sys.executable, "-m", "flows", "run", *sources, "--out", str(crashed), "--workers", "1"],
        env=cli_env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
    )
    kill_when_writing(writing, crashed)
    assert writing.returncode == -signal.SIGKILL
    assert list((crashed / "parquet").rglob("*.parquet")) == []  # nothing visible but hidden temp files
    for point in ("before-manifest", "mid-renames"):
        crashed_run = run(point)
        assert crashed_run.returncode == -signal.SIGKILL, (point, crashed_run.stderr[-2000:])
    # The mid-renames crash published part of its files; the next run finishes that commit, then has nothing to do.
    final = run(None)
    assert final.returncode == 0, final.stderr
    assert re.search(r"\b0 written\b", final.stdout)
    assert_same_tables(clean, crashed)
    assert_clean(crashed)


def test_after_manifest_crash_is_rolled_forward(cli_env: dict, small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    crashed = run_cli(["run", str(small_corpus), "--out", str(out), "--workers", "1"],
                      dict(cli_env, AGENDA_CRASH_AT="after-manifest"))
    assert crashed.returncode == -signal.SIGKILL
    assert len(list((out / "_state" / "pending").glob("*.json"))) == 1
    resumed = run_cli(["run", str(small_corpus), "--out", str(out), "--workers", "1"], cli_env)
    assert resumed.returncode == 0 and re.search(r"\b0 written, 13 unchanged", resumed.stdout)
    assert table(out, "articles").height == 13
    assert_clean(out)


def test_two_runs_at_once_leave_one_complete_output(cli_env: dict, small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first, second = (start_run(small_corpus, out, cli_env) for _ in range(2))
    results = [(*p.communicate(timeout=300), p.returncode) for p in (first, second)]
    codes = sorted(code for _, _, code in results)
    assert codes in ([0, 0], [0, 3])
    if codes == [0, 3]:
        refused = next(err for _, err, code in results if code == 3)
        assert "is in use by run" in refused and "pid" in refused
    assert table(out, "articles").height == 13
    assert_clean(out)


def test_a_waiting_run_goes_after_the_first(cli_env: dict, small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first, second = (start_run(small_corpus, out, cli_env, None, "--lock-wait", "240") for _ in range(2))
    outputs = [p.communicate(timeout=300)[0] for p in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0)
    assert sorted(bool(re.search(r"\b13 written", o)) for o in outputs) == [False, True]
    assert_clean(out)


def test_a_stale_lock_is_taken_over(cli_env: dict, small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "_state").mkdir(parents=True)
    (out / "_state" / "run.lock").write_text(
        '{"pid": 999999, "host": "elsewhere", "run_id": "20260101T000000Z-dead00", "since": "2026-01-01T00:00:00Z"}'
    )
    result = run_cli(["run", str(small_corpus), "--out", str(out), "--workers", "1"], cli_env)
    assert result.returncode == 0, result.stderr
    assert re.search(r"\b13 written", result.stdout)
