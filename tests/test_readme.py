"""The README's quick start really works: its run command, its SQL and its Python give real results."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO, run_cli

README = (REPO / "README.md").read_text("utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)


@pytest.fixture(scope="module")
def quickstart_out(cli_env: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make run` is `agenda run seeds --out data`; the same into a temp folder."""
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert "$(BIN)/agenda run seeds --out data" in makefile
    out = tmp_path_factory.mktemp("readme") / "data"
    result = run_cli(["run", "seeds", "--out", str(out), "--workers", "1"], cli_env)
    assert result.returncode == 0, result.stderr
    assert re.search(r"1 inputs: 1 written", result.stdout)
    return out


def test_readme_shows_the_two_commands_first() -> None:
    first_block = blocks("sh")[0]
    assert "make run" in first_block and "make test" in first_block


def test_readme_sql_runs_against_the_output(quickstart_out: Path) -> None:
    (sql,) = [b for b in blocks("sql") if "FROM 'data/parquet/actors" in b]
    query = sql.replace("'data/", f"'{quickstart_out}/").replace("-- duckdb\n", "")
    rows = duckdb.sql(query).fetchall()
    assert len(rows) == 5
    assert rows[0][0] == "China" and rows[0][2] == "CHN"


def test_readme_python_runs_against_the_output(quickstart_out: Path) -> None:
    (code,) = [b for b in blocks("python") if "read_parquet" in b]
    code = code.replace('"data/', f'"{quickstart_out}/')
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stderr
    assert "issue_id" in result.stdout and "raised_by" in result.stdout
