"""`agenda compact` and `agenda status` over a folder written by several real runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from flows.io.compaction import build_partition, partitions, recover_compaction, work_dir
from flows.io.outputs import TABLES, OutputLayout
from tests.conftest import SEED, WIKINEWS, run_cli


def counts(out: Path) -> dict[str, tuple[int, int]]:
    """Rows and files of every table, as DuckDB sees them."""
    found = {}
    for table in TABLES:
        files = list((out / "parquet" / table).rglob("*.parquet"))
        rows = duckdb.sql(f"SELECT count(*) FROM '{out}/parquet/{table}/**/*.parquet'").fetchall()[0][0]
        found[table] = (rows, len(files))
    return found


@pytest.fixture(scope="module")
def three_runs(cli_env: dict, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("out")
    inbox = tmp_path_factory.mktemp("inbox")
    articles = sorted((WIKINEWS / "articles").glob("*.txt"))
    for batch in ([SEED], articles[:3], articles[3:6]):
        for path in batch:
            shutil.copy(path, inbox / path.name)
        result = run_cli(["run", str(inbox), "--out", str(out), "--workers", "1"], cli_env)
        assert result.returncode == 0, result.stderr
    return out, cli_env


def test_status_lists_runs_newest_first(three_runs: tuple[Path, dict]) -> None:
    out, env = three_runs
    result = run_cli(["status", "--out", str(out)], env)
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and len(lines) == 3
    assert [int(line.split("written")[1].split()[0]) for line in lines] == [3, 3, 1]


def test_compaction_keeps_every_row_in_one_file_per_partition(three_runs: tuple[Path, dict], tmp_path: Path) -> None:
    out, env = three_runs
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    before = counts(copy)
    assert all(files == 3 for _, files in before.values())
    result = run_cli(["compact", "--out", str(copy)], env)
    assert result.returncode == 0, result.stderr
    after = counts(copy)
    assert {t: rows for t, (rows, _) in after.items()} == {t: rows for t, (rows, _) in before.items()}
    # one file per partition (runs that straddle midnight UTC make two partitions)
    for table in TABLES:
        assert all(len(list(p.glob("*.parquet"))) == 1 for p in (copy / "parquet" / table).glob("ingest_date=*"))
    assert not (copy / "_state" / "compact").exists() or not any((copy / "_state" / "compact").iterdir())
    again = run_cli(["compact", "--out", str(copy)], env)
    assert "nothing to compact" in again.stdout
    rerun = run_cli(["run", str(WIKINEWS / "articles" / "wn0001.txt"), "--out", str(copy), "--workers", "1"], env)
    assert rerun.returncode == 0


def test_a_compaction_killed_between_renames_is_completed(three_runs: tuple[Path, dict], tmp_path: Path) -> None:
    out, _ = three_runs
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    layout = OutputLayout(copy)
    partition = partitions(layout, "mentions")[0]
    rows_before = counts(copy)["mentions"][0]
    staged = work_dir(layout, "stamp") / "new" / "parquet" / "mentions" / partition.name
    staged.parent.mkdir(parents=True)
    shutil.copytree(partition, staged)
    shutil.rmtree(partition)  # the fallback path died after moving the old partition away
    recover_compaction(layout)
    assert partition.exists() and counts(copy)["mentions"][0] == rows_before
    assert build_partition(layout, "mentions", partition, "later") is not None


def test_status_reports_a_damaged_run_report_instead_of_failing(tmp_path: Path) -> None:
    from flows.maintenance import output_status

    (tmp_path / "runs").mkdir()
    (tmp_path / "runs" / "20990101T000000Z-aaaaaa.json").write_text('{"run_id": "x"')
    assert output_status(tmp_path) == ["no runs yet", "unreadable run report: runs/20990101T000000Z-aaaaaa.json"]
