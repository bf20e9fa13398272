"""Shared test fixtures: paths to the repository's and ../shared's material."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The developer's own AGENDA_* and PREFECT_* settings must not change what the tests see.
for _name in [n for n in os.environ if n.startswith(("AGENDA_", "PREFECT_"))]:
    del os.environ[_name]
# Prefect reads its settings on import: give the whole test session a private, throw-away Prefect home first.
_PREFECT_HOME = tempfile.mkdtemp(prefix="agenda-prefect-home-")
atexit.register(shutil.rmtree, _PREFECT_HOME, ignore_errors=True)
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_SERVER_UI_ENABLED"] = "false"

# Property tests judge behaviour, not speed: a busy CI machine must not fail them on Hypothesis's timing checks.
settings.register_profile("agenda", deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          derandomize=bool(os.environ.get("CI")))
settings.load_profile("agenda")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = REPO / "seeds" / "000_0fa8b2d5397bbe8a.txt"
WIKINEWS = REPO / "tests" / "fixtures" / "wikinews"


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    """What a careful reader finds in the seed (../shared/seeds/expected.json)."""
    import json

    path = SHARED / "seeds" / "expected.json"
    if not path.exists():
        pytest.skip("../shared/seeds/expected.json is not beside this checkout")
    return json.loads(path.read_text("utf-8"))[SEED.name]


@pytest.fixture(scope="session", autouse=True)
def stop_warm_api():
    """A CLI run without PREFECT_API_URL leaves a warm local API behind for the next run: stop it after the tests."""
    yield
    from flows.io.prefect_start import stop_local_api

    stop_local_api()


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API (SQLite in a temp folder) for every flow test of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def cli_env(prefect_harness: None) -> dict[str, str]:
    """Environment for `python -m flows` child processes: they share the harness's Prefect API instead of each
    starting an ephemeral server of their own."""
    from prefect.settings import PREFECT_API_URL

    env = dict(os.environ)
    env["PREFECT_API_URL"] = str(PREFECT_API_URL.value())
    return env


def run_cli(args: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows", *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=REPO
    )
