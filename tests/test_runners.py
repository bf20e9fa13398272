"""The same tables whatever runs the batches: one process, a process pool, or a Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import WIKINEWS, run_cli
from tests.test_operations import assert_clean, assert_same_tables


@pytest.fixture(scope="module")
def reference(cli_env: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("one-process")
    result = run_cli(["run", str(WIKINEWS / "articles"), "--out", str(out), "--workers", "1", "--batch-size", "8"],
                     cli_env)
    assert result.returncode == 0, result.stderr
    return out


def test_a_process_pool_gives_the_same_tables(cli_env: dict, reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "pool"
    result = run_cli(["run", str(WIKINEWS / "articles"), "--out", str(out), "--workers", "2", "--batch-size", "8"],
                     cli_env)
    assert result.returncode == 0, result.stderr
    assert_same_tables(reference, out)
    assert_clean(out)


def test_a_local_dask_cluster_gives_the_same_tables(cli_env: dict, reference: Path, tmp_path: Path) -> None:
    import prefect_dask  # noqa: F401  (the test extra installs it; a broken install must fail, not skip)
    out = tmp_path / "dask"
    args = ["run", str(WIKINEWS / "articles"), "--out", str(out), "--dask", "local", "--workers", "2",
            "--batch-size", "8"]
    result = run_cli(args, cli_env)
    assert result.returncode == 0, result.stderr
    assert_same_tables(reference, out)
    assert_clean(out)
