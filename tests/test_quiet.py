"""The fast, quiet start: Prefect defaults take effect, heavy imports are deferred, the API choice respects the user."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from flows import quiet
from flows.io import prefect_start

REPO = Path(__file__).resolve().parents[1]

PROBE = textwrap.dedent(
    """
    import json, sys
    from flows.quiet import apply_prefect_defaults
    apply_prefect_defaults()
    from prefect.settings import get_current_settings
    from jsonschema import Draft202012Validator
    s = get_current_settings()
    lark_before = "lark" in sys.modules
    iri = Draft202012Validator({"format": "iri"}, format_checker=Draft202012Validator.FORMAT_CHECKER)
    print(json.dumps({
        "analytics": s.server.analytics_enabled,
        "ui": s.server.ui.enabled,
        "level": s.logging.level,
        "log_prints": s.logging.log_prints,
        "startup_timeout": s.server.ephemeral.startup_timeout_seconds,
        "register_blocks": s.server.register_blocks_on_start,
        "triggers": s.server.services.triggers.enabled,
        "lark_loaded_by_imports": lark_before,
        "iri_ok": iri.is_valid("http://example.org/caf\\u00e9"),
        "iri_bad": iri.is_valid("no scheme here"),
    }))
    """
)


def prefect_free_env(tmp_path: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith(("PREFECT_", "AGENDA_"))}
    return {**env, "PREFECT_HOME": str(tmp_path / "prefect-home")}


def run_probe(env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def probed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What a fresh process that applied the defaults sees (one subprocess for the module: Prefect imports slowly)."""
    return run_probe(prefect_free_env(tmp_path_factory.mktemp("probe")))


def test_prefect_reads_the_quiet_defaults(probed: dict[str, Any]) -> None:
    assert probed["analytics"] is False
    assert probed["ui"] is False
    assert probed["level"] == "WARNING"
    assert probed["log_prints"] is False
    assert probed["startup_timeout"] == 120
    assert probed["register_blocks"] is False
    assert probed["triggers"] is False


@pytest.mark.skipif(not quiet.importlib.util.find_spec("rfc3987_syntax"), reason="rfc3987-syntax is not installed")
def test_the_iri_grammar_waits_for_the_first_iri_yet_still_checks(probed: dict[str, Any]) -> None:
    assert probed["lark_loaded_by_imports"] is False
    assert probed["iri_ok"] is True
    assert probed["iri_bad"] is False


def test_defaults_fill_only_what_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in quiet.prefect_defaults():
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PREFECT_LOGGING_LEVEL", "INFO")
    quiet.apply_prefect_defaults()
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "INFO"
    assert os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"


@pytest.fixture
def fake_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A module that records, in an environment variable, that it was really imported."""
    name = "agenda_deferred_probe"
    (tmp_path / f"{name}.py").write_text(
        "import os\nos.environ['AGENDA_PROBE_LOADED'] = '1'\n\ndef double(x):\n    return 2 * x\n\nPI = 3.14\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delenv("AGENDA_PROBE_LOADED", raising=False)
    yield name
    sys.modules.pop(name, None)


def test_a_deferred_module_loads_on_first_call_not_on_import(fake_module: str) -> None:
    assert quiet.defer_module(fake_module, ("double",)) is True
    module = __import__(fake_module)
    double = module.double
    assert not hasattr(module, "__path__")  # the import system's probes must not load it
    assert quiet.is_deferred(fake_module)
    assert "AGENDA_PROBE_LOADED" not in os.environ
    assert double(21) == 42
    assert os.environ["AGENDA_PROBE_LOADED"] == "1"
    assert not quiet.is_deferred(fake_module)
    assert sys.modules[fake_module].PI == 3.14


def test_any_other_attribute_also_loads_the_real_module(fake_module: str) -> None:
    quiet.defer_module(fake_module, ("double",))
    assert sys.modules[fake_module].PI == 3.14
    assert os.environ["AGENDA_PROBE_LOADED"] == "1"


def test_a_module_already_imported_or_missing_is_left_alone(fake_module: str) -> None:
    __import__(fake_module)
    assert quiet.defer_module(fake_module, ("double",)) is False
    assert quiet.defer_module("agenda_no_such_module_anywhere", ()) is False
    assert "agenda_no_such_module_anywhere" not in sys.modules


@pytest.mark.parametrize(
    ("environ", "local"),
    [
        ({}, True),
        ({"PREFECT_API_URL": "http://127.0.0.1:5/api", "AGENDA_LOCAL_PREFECT_API": "http://127.0.0.1:5/api"}, True),
        ({"PREFECT_API_URL": "http://prefect.example:4200/api"}, False),
        ({"PREFECT_API_URL": "http://prefect.example/api", "AGENDA_LOCAL_PREFECT_API": "http://127.0.0.1:5/a"}, False),
    ],
)
def test_api_is_local_only_when_we_started_it(environ: dict[str, str], local: bool) -> None:
    assert quiet.api_is_local(environ) is local


def test_heartbeats_stop_on_a_local_api_and_stay_on_a_users_server() -> None:
    from prefect.settings import get_current_settings

    default = get_current_settings().flows.heartbeat_frequency
    with quiet.quiet_flow_settings({}):
        assert get_current_settings().flows.heartbeat_frequency is None
    with quiet.quiet_flow_settings({"PREFECT_API_URL": "http://prefect.example/api"}):
        assert get_current_settings().flows.heartbeat_frequency == default
    assert get_current_settings().flows.heartbeat_frequency == default


def test_the_users_api_is_found_in_the_environment_or_the_active_profile(tmp_path: Path) -> None:
    (tmp_path / "profiles.toml").write_text(
        'active = "team"\n[profiles.team]\nPREFECT_API_URL = "http://team.example/api"\n[profiles.ephemeral]\n'
    )
    home = {"PREFECT_HOME": str(tmp_path)}
    assert prefect_start.profile_api_url(home) == "http://team.example/api"
    assert prefect_start.profile_api_url({**home, "PREFECT_PROFILE": "ephemeral"}) is None
    assert prefect_start.profile_api_url({"PREFECT_HOME": str(tmp_path / "none")}) is None
    assert prefect_start.configured_api_url({**home, "PREFECT_API_URL": "http://env.example/api"}) == (
        "http://env.example/api"
    )


@pytest.mark.parametrize(
    "environ",
    [{"PREFECT_API_URL": "http://prefect.example/api"}, {"AGENDA_PREFECT_API": "ephemeral"}],
)
def test_no_warm_server_when_the_user_chose_an_api(environ: dict[str, str], tmp_path: Path) -> None:
    environ = {**environ, "PREFECT_HOME": str(tmp_path)}
    before = dict(environ)
    assert prefect_start.use_local_api(environ) is None
    assert environ == before
    assert not (tmp_path / prefect_start.STATE_FILE).exists()


def test_server_state_round_trips_and_a_broken_file_reads_as_none(tmp_path: Path) -> None:
    state = prefect_start.ServerState("http://127.0.0.1:1234/api", 4321, "3.9.1")
    prefect_start.write_state(tmp_path / "state.json", state)
    assert prefect_start.read_state(tmp_path / "state.json") == state
    (tmp_path / "broken.json").write_text("{not json")
    assert prefect_start.read_state(tmp_path / "broken.json") is None
    assert prefect_start.read_state(tmp_path / "missing.json") is None


def test_nothing_answers_on_a_closed_port() -> None:
    assert prefect_start.is_healthy(f"http://127.0.0.1:{prefect_start.free_port()}/api", timeout=0.5) is False


def test_the_activity_clock_counts_open_connections_as_activity() -> None:
    seen: list[float] = []

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        seen.append(clock.idle_for())

    clock = prefect_start.ActivityClock(app)
    clock.last -= 100
    assert clock.idle_for() >= 100
    asyncio.run(clock({"type": "http"}, None, None))
    assert seen == [0.0]
    assert clock.idle_for() < 1


def test_an_idle_server_is_told_to_exit() -> None:
    class Server:
        should_exit = False

    clock = prefect_start.ActivityClock(None)
    clock.last -= 60
    server = Server()
    prefect_start.stop_when_idle(server, clock, limit=30, every=0.01)
    assert server.should_exit is True


def test_only_our_own_server_is_ever_signalled() -> None:
    assert prefect_start.is_our_server(os.getpid()) is False
    assert prefect_start.stop_process(os.getpid()) is False  # would end this test run if it signalled
