"""`agenda serve`: schedules and parameters as the Prefect API stores them, runs on a short interval against a real
local server started by `serve_command`, and a clean stop on SIGTERM. The flow tests share one served process and
run in file order: the last one stops it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow.dataset as ds
import pytest

from flows.core.settings import RunSettings
from flows.io.prefect_server import (
    ServerStartError,
    free_loopback_port,
    is_healthy,
    server_environment,
    server_home,
    start_server,
)
from flows.serve import absolute, build_deployment, schedule_arguments, serve_command
from tests.conftest import REPO, SEED

if TYPE_CHECKING:
    from prefect.client.orchestration import SyncPrefectClient

INTERVAL_SECONDS = 5
DEPLOYMENT = "every-5s"
# `agenda serve SOURCE --out OUT (--cron EXPR | --interval SECONDS) --name NAME` with one setting changed, in a
# process of its own, without depending on the CLI's wiring.
SERVE = (
    "import sys; from flows.serve import serve_command; from flows.core.settings import RunSettings; "
    "source, out, cron, interval, name = sys.argv[1:]; "
    "sys.exit(serve_command([source], out, cron or None, float(interval) if interval else None, name, "
    "RunSettings(batch_size=7)))"
)


def test_schedule_is_a_cron_expression_or_an_interval() -> None:
    assert schedule_arguments("0 6 * * *", None) == {"cron": "0 6 * * *"}
    assert schedule_arguments(None, 90) == {"interval": timedelta(seconds=90)}
    assert schedule_arguments(None, 0.5) == {"interval": timedelta(milliseconds=500)}


@pytest.mark.parametrize(("cron", "interval"), [(None, None), ("0 6 * * *", 60), (None, 0), (None, -5)])
def test_schedule_needs_exactly_one_positive_choice(cron: str | None, interval: float | None) -> None:
    with pytest.raises(ValueError, match=r"cron|interval"):
        schedule_arguments(cron, interval)


def test_relative_sources_and_output_are_pinned_to_the_current_folder(tmp_path: Path) -> None:
    assert absolute("in/*.txt", tmp_path) == str(tmp_path / "in" / "*.txt")
    assert absolute("/data/in", tmp_path) == "/data/in"
    assert absolute("~/news", tmp_path) == str(Path.home() / "news")


def test_deployment_runs_the_main_flow_by_module_path(tmp_path: Path) -> None:
    deployment = build_deployment(["seeds"], str(tmp_path / "out"), "15 */2 * * *", None, "two-hourly")
    assert deployment.entrypoint == "flows.pipeline.agenda_run"
    assert deployment.name == "two-hourly"
    assert deployment.parameters == {"sources": [str(Path.cwd() / "seeds")], "out": str(tmp_path / "out")}
    assert deployment.schedules[0].schedule.cron == "15 */2 * * *"


def test_settings_other_than_the_defaults_travel_as_a_parameter_the_flow_accepts(tmp_path: Path) -> None:
    from flows.pipeline import agenda_run

    settings = RunSettings(batch_size=50, io_retries=5, taxonomy="my-taxonomy.json")
    deployment = build_deployment(["seeds"], str(tmp_path), None, 600, "tuned", settings)
    assert deployment.parameters["settings"] == {
        "batch_size": 50, "io_retries": 5, "taxonomy": str(Path.cwd() / "my-taxonomy.json"),
    }
    validated = agenda_run.validate_parameters(deployment.parameters)["settings"]
    assert validated == RunSettings(batch_size=50, io_retries=5, taxonomy=str(Path.cwd() / "my-taxonomy.json"))
    assert "settings" not in build_deployment(["seeds"], str(tmp_path), None, 600, "plain", RunSettings()).parameters


def test_a_bad_cron_expression_fails_before_any_server_starts(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert serve_command(["seeds"], str(tmp_path), "every tuesday", None, "x") == 2
    assert "not a valid cron expression: 'every tuesday'" in capsys.readouterr().err
    assert not (tmp_path / "_state").exists()


def test_server_environment_uses_sqlite_under_the_output_and_no_outside_api(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "http://elsewhere:4200/api")
    monkeypatch.delenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", raising=False)
    env = server_environment(server_home(tmp_path), ui=False)
    assert "PREFECT_API_URL" not in env
    assert env["PREFECT_SERVER_DATABASE_CONNECTION_URL"].endswith(f"{tmp_path}/_state/prefect/prefect.db")
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    monkeypatch.setenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", "postgresql+asyncpg://db/prefect")
    assert server_environment(server_home(tmp_path), ui=False)["PREFECT_SERVER_DATABASE_CONNECTION_URL"].startswith(
        "postgresql"
    )


def test_free_port_is_on_loopback_and_bindable() -> None:
    import socket

    port = free_loopback_port()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))


def test_a_server_that_is_not_healthy_in_time_is_reported_with_its_log(tmp_path: Path) -> None:
    with pytest.raises(ServerStartError, match="did not answer"):
        start_server(tmp_path, timeout=0.5, ui=False)
    assert not (server_home(tmp_path) / "server.json").exists()


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    source: Path
    out: Path
    info: dict[str, object]
    log: Path

    @property
    def api_url(self) -> str:
        return str(self.info["api_url"])


def wait_for_server_info(path: Path, process: subprocess.Popen[bytes], timeout: float) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if path.exists():
            return json.loads(path.read_text())
        time.sleep(0.2)
    raise AssertionError(f"no {path} after {timeout} s (serve exit code {process.poll()})")


def wait_for_deployment(api_url: str, name: str, timeout: float, polled: bool = False) -> None:
    """The server answers before `serve` has registered its deployment, and registers it before its runner polls
    (the deployment is READY once it has)."""
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout
    with client_for(api_url) as client:
        while time.monotonic() < deadline:
            try:
                deployment = client.read_deployment_by_name(name)
            except ObjectNotFound:
                deployment = None
            if deployment is not None and (deployment.status == "READY" or not polled):
                return
            time.sleep(0.2)
    raise AssertionError(f"deployment {name} not {'polled' if polled else 'registered'} within {timeout} s")


def start_serving(root: Path, schedule: tuple[str, str], name: str, api_url: str | None) -> subprocess.Popen[bytes]:
    """`serve_command` in a child process; with `api_url` None it must start a server of its own."""
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    env["PREFECT_RUNNER_POLL_FREQUENCY"] = "1"
    if api_url:
        env["PREFECT_API_URL"] = api_url
    command = [sys.executable, "-c", SERVE, str(root / "in"), str(root / "out"), *schedule, name]
    with (root / "serve.log").open("wb") as sink:
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=sink, stderr=subprocess.STDOUT)


def stop_serving(process: subprocess.Popen[bytes]) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """`serve_command` on a 5 s interval with no PREFECT_API_URL: it starts and owns a local server."""
    root = tmp_path_factory.mktemp("serve")
    (root / "in").mkdir()
    shutil.copy(SEED, root / "in" / SEED.name)
    process = start_serving(root, ("", str(INTERVAL_SECONDS)), DEPLOYMENT, api_url=None)
    try:
        info = wait_for_server_info(server_home(root / "out") / "server.json", process, 90)
        wait_for_deployment(str(info["api_url"]), f"agenda-run/{DEPLOYMENT}", 30)
        yield Served(process, root / "in", root / "out", info, root / "serve.log")
    finally:
        stop_serving(process)


@contextmanager
def client_for(api_url: str) -> Iterator[SyncPrefectClient]:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}), get_client(sync_client=True) as client:
        yield client


@pytest.mark.flow
def test_registered_deployments_keep_their_schedule_and_parameters(served: Served) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    cron = build_deployment([str(served.source)], str(served.out), "30 6 * * 1-5", None, "weekday-mornings")
    with temporary_settings(updates={PREFECT_API_URL: served.api_url}):
        cron.apply()
    with client_for(served.api_url) as client:
        interval = client.read_deployment_by_name(f"agenda-run/{DEPLOYMENT}")
        weekdays = client.read_deployment_by_name("agenda-run/weekday-mornings")
    expected = {"sources": [str(served.source)], "out": str(served.out)}
    assert weekdays.parameters == expected
    assert interval.parameters == expected | {"settings": {"batch_size": 7}}
    assert [s.schedule.interval for s in interval.schedules] == [timedelta(seconds=INTERVAL_SECONDS)]
    assert [s.schedule.cron for s in weekdays.schedules] == ["30 6 * * 1-5"]
    assert all(s.active for s in interval.schedules + weekdays.schedules)
    assert interval.entrypoint == weekdays.entrypoint == "flows.pipeline.agenda_run"
    assert not interval.paused


@pytest.mark.flow
def test_served_flow_completes_runs_on_its_interval(served: Served) -> None:
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId
    from prefect.client.schemas.objects import StateType

    with client_for(served.api_url) as client:
        deployment = client.read_deployment_by_name(f"agenda-run/{DEPLOYMENT}")
        only_ours = DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id]))
        deadline = time.monotonic() + 75
        completed = []
        while len(completed) < 2 and time.monotonic() < deadline and served.process.poll() is None:
            time.sleep(1)
            runs = client.read_flow_runs(deployment_filter=only_ours)
            completed = [run for run in runs if run.state_type == StateType.COMPLETED]
    assert len(completed) >= 2, served.log.read_text()[-3000:]
    assert all(run.parameters == deployment.parameters for run in completed)
    reports = [json.loads(path.read_text()) for path in (served.out / "runs").glob("*.json")]
    assert len(reports) >= 2
    assert ds.dataset(served.out / "parquet" / "articles", format="parquet").count_rows() == 1


@pytest.mark.flow
def test_with_an_api_url_serve_uses_that_server_and_pauses_its_schedule_on_exit(
    served: Served, tmp_path: Path
) -> None:
    process = start_serving(tmp_path, ("0 3 * * *", ""), "nightly", api_url=served.api_url)
    try:
        wait_for_deployment(served.api_url, "agenda-run/nightly", 60, polled=True)
    finally:
        assert stop_serving(process) == 0, (tmp_path / "serve.log").read_text()[-3000:]
    assert not server_home(tmp_path / "out").exists()
    with client_for(served.api_url) as client:
        nightly = client.read_deployment_by_name("agenda-run/nightly")
    assert [s.schedule.cron for s in nightly.schedules] == ["0 3 * * *"]
    assert nightly.paused


@pytest.mark.flow
def test_sigterm_stops_serve_and_the_server_it_started(served: Served) -> None:
    served.process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    assert served.process.wait(30) == 0
    print(f"serve exited {time.monotonic() - started:.1f} s after SIGTERM")
    assert not is_healthy(served.api_url)
    assert not (server_home(served.out) / "server.json").exists()
    with pytest.raises(ProcessLookupError):
        os.kill(int(served.info["pid"]), 0)
