"""Where `agenda run` finds its Prefect API: the server PREFECT_API_URL names, or a warm local server kept for reuse.

Prefect 3 has no API-less mode: with no PREFECT_API_URL it starts a temporary server in a subprocess for every run,
which costs 8-15 s of a new process (the server imports Prefect's whole API, opens the database and starts its
services before it answers). Instead, the first run starts the same server (Prefect's ephemeral app, same SQLite
database under PREFECT_HOME) as a detached process and records its address; later runs find it, check its health and
use it, so they pay only for their own work. The server stops itself after AGENDA_PREFECT_IDLE_SECONDS (default 900)
with no request and no open connection. AGENDA_PREFECT_API=ephemeral keeps Prefect's own per-run server instead.

Standard library only at import time: this runs before Prefect is imported, and its choice is passed on to Prefect
(and to every worker process) through PREFECT_API_URL.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
STATE_FILE = "agenda-api.json"
LOCK_FILE = "agenda-api.lock"
LOG_FILE = "agenda-api.log"
DEFAULT_IDLE_SECONDS = 900
START_TIMEOUT_SECONDS = 120.0
HEALTH_TIMEOUT_SECONDS = 1.0
MODE_VARIABLE = "AGENDA_PREFECT_API"
LOCAL_API_VARIABLE = "AGENDA_LOCAL_PREFECT_API"  # the same name flows.quiet reads
IDLE_VARIABLE = "AGENDA_PREFECT_IDLE_SECONDS"


class ApiStartError(RuntimeError):
    """The warm local server did not answer its health check in time."""


@dataclass(frozen=True, slots=True)
class ServerState:
    api_url: str
    pid: int
    prefect_version: str


def prefect_home(environ: Mapping[str, str]) -> Path:
    return Path(environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()


def profile_api_url(environ: Mapping[str, str]) -> str | None:
    """PREFECT_API_URL from the active Prefect profile, read without importing Prefect."""
    path = Path(environ.get("PREFECT_PROFILES_PATH") or prefect_home(environ) / "profiles.toml").expanduser()
    try:
        document = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    active = environ.get("PREFECT_PROFILE") or document.get("active") or "ephemeral"
    url = document.get("profiles", {}).get(active, {}).get("PREFECT_API_URL")
    return str(url) if url else None


def configured_api_url(environ: Mapping[str, str]) -> str | None:
    """The API the user chose (environment, active profile or, once Prefect is imported, its settings), if any."""
    if environ.get("PREFECT_API_URL"):
        return environ["PREFECT_API_URL"]
    if "prefect.settings" in sys.modules:  # e.g. under prefect_test_harness, which sets it in a settings context
        from prefect.settings import get_current_settings

        url = get_current_settings().api.url
        if url:
            return str(url)
    return profile_api_url(environ)


def is_healthy(api_url: str, timeout: float = HEALTH_TIMEOUT_SECONDS) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout) as response:
            return response.status == 200
    except (OSError, urllib.error.URLError, ValueError):
        return False


def read_state(path: Path) -> ServerState | None:
    try:
        return ServerState(**json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def write_state(path: Path, state: ServerState) -> None:
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(asdict(state)), "utf-8")
    partial.replace(path)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def start_lock(home: Path) -> Iterator[None]:
    """One process at a time checks for, or starts, the warm server of a Prefect home."""
    home.mkdir(parents=True, exist_ok=True)
    with (home / LOCK_FILE).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def idle_seconds(environ: Mapping[str, str]) -> int:
    try:
        return max(int(environ.get(IDLE_VARIABLE, DEFAULT_IDLE_SECONDS)), 30)
    except ValueError:
        return DEFAULT_IDLE_SECONDS


def spawn_server(home: Path, port: int, idle: int, environ: Mapping[str, str]) -> subprocess.Popen[bytes]:
    """The server in its own session, so it outlives this command and a terminal's Ctrl-C does not reach it."""
    command = [sys.executable, "-m", "flows.io.prefect_start", "--port", str(port), "--idle-seconds", str(idle)]
    with (home / LOG_FILE).open("ab") as log:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env={**environ, "PREFECT_HOME": str(home)},
            start_new_session=True,
            close_fds=True,
        )


def wait_until_healthy(api_url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ApiStartError(f"the local Prefect server exited with code {process.returncode}")
        if is_healthy(api_url, timeout=0.5):
            return
        time.sleep(0.1)
    process.terminate()
    raise ApiStartError(f"the local Prefect server did not answer within {timeout:.0f} s")


def installed_prefect() -> str:
    return version("prefect")


def warm_api_url(environ: Mapping[str, str], timeout: float = START_TIMEOUT_SECONDS) -> str:
    """The address of this Prefect home's warm server, starting it first if none answers."""
    home = prefect_home(environ)
    state_path = home / STATE_FILE
    with start_lock(home):
        state = read_state(state_path)
        if state and state.prefect_version == installed_prefect() and is_healthy(state.api_url):
            return state.api_url
        if state:
            stop_process(state.pid)
        port = free_port()
        api_url = f"http://{HOST}:{port}/api"
        process = spawn_server(home, port, idle_seconds(environ), environ)
        wait_until_healthy(api_url, process, timeout)
        write_state(state_path, ServerState(api_url, process.pid, installed_prefect()))
        return api_url


def use_local_api(environ: MutableMapping[str, str] | None = None) -> str | None:
    """Point Prefect at the warm local server unless the user chose an API (or asked for Prefect's own ephemeral
    server); returns the address set, or None when nothing was changed. Call before Prefect is imported."""
    environ = os.environ if environ is None else environ
    if environ.get(MODE_VARIABLE, "warm").lower() == "ephemeral" or configured_api_url(environ):
        return None
    api_url = warm_api_url(environ)
    environ["PREFECT_API_URL"] = api_url
    environ[LOCAL_API_VARIABLE] = api_url
    return api_url


def is_our_server(pid: int) -> bool:
    """The recorded pid may have been reused by another program since: only ever signal our own server."""
    try:
        return b"flows.io.prefect_start" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def stop_process(pid: int) -> bool:
    if not is_our_server(pid):
        return False
    try:
        os.kill(pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def stop_local_api(environ: Mapping[str, str] | None = None) -> bool:
    """Stop this Prefect home's warm server, if one was recorded; True if a process was signalled."""
    home = prefect_home(os.environ if environ is None else environ)
    with start_lock(home):
        state = read_state(home / STATE_FILE)
        (home / STATE_FILE).unlink(missing_ok=True)
    return stop_process(state.pid) if state else False


# ---- the server side: runs in the detached process started by spawn_server -------------------------------------


class ActivityClock:
    """ASGI wrapper that knows how long the app has gone without a request or an open connection."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.open = 0
        self.last = time.monotonic()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        self.open += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.open -= 1
            self.last = time.monotonic()

    def idle_for(self) -> float:
        return 0.0 if self.open else time.monotonic() - self.last


def stop_when_idle(server: Any, clock: ActivityClock, limit: float, every: float = 10.0) -> None:
    while not server.should_exit:
        time.sleep(every)
        if clock.idle_for() >= limit:
            server.should_exit = True


def serve(port: int, idle: float) -> None:
    """Prefect's ephemeral API app (same services as its per-run server), kept until idle for `idle` seconds."""
    from flows.quiet import apply_prefect_defaults

    apply_prefect_defaults()
    os.environ["PREFECT__SERVER_EPHEMERAL"] = "1"
    os.environ["PREFECT__SERVER_FINAL"] = "1"
    import uvicorn
    from prefect.server.api.server import create_app

    clock = ActivityClock(create_app(ephemeral=True, final=True))
    server = uvicorn.Server(uvicorn.Config(clock, host=HOST, port=port, log_level="error", lifespan="on"))
    threading.Thread(target=stop_when_idle, args=(server, clock, idle), daemon=True).start()
    server.run()


def main(argv: list[str]) -> None:
    options = dict(zip(argv[::2], argv[1::2], strict=False))
    serve(int(options["--port"]), float(options.get("--idle-seconds", DEFAULT_IDLE_SECONDS)))


if __name__ == "__main__":
    main(sys.argv[1:])
