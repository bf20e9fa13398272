"""`agenda schema` prints or lists the published schemas; `agenda docs` writes or checks the data dictionary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows.io.docs import data_dictionary_text
from flows.io.schemas import load_schemas
from flows.schema_docs import docs_command, schema_command

REPO = Path(__file__).resolve().parents[1]


def test_listing_names_every_schema_with_its_id_and_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert schema_command(None) == 0
    lines = capsys.readouterr().out.splitlines()
    schemas = load_schemas()
    assert [line.split()[0] for line in lines] == sorted(schemas)
    for line, name in zip(lines, sorted(schemas), strict=True):
        assert line.split()[1] == schemas[name]["$id"]
        assert line.endswith(schemas[name]["title"])


def test_a_schema_is_printed_as_published(capsys: pytest.CaptureFixture[str]) -> None:
    assert schema_command("article") == 0
    printed = capsys.readouterr().out
    assert json.loads(printed) == load_schemas()["article.v1"]
    assert printed == (REPO / "schemas" / "article.v1.schema.json").read_text(encoding="utf-8")


def test_an_unknown_schema_is_an_error_naming_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert schema_command("nonsense") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no schema named 'nonsense'" in captured.err
    assert "article.v1" in captured.err


def test_docs_writes_then_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "data-dictionary.md"
    assert docs_command(check=True, path=path) == 1
    assert "stale" in capsys.readouterr().err
    assert docs_command(check=False, path=path) == 0
    assert path.read_text(encoding="utf-8") == data_dictionary_text()
    assert docs_command(check=True, path=path) == 0
    assert docs_command(check=False, path=path) == 0
    assert "unchanged" in capsys.readouterr().out.splitlines()[-1]


def test_the_regeneration_command_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "flows.schema_docs", "--check"], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "is current" in result.stdout
