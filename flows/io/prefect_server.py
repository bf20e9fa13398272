"""A private Prefect server for `agenda serve`: a child process on a loopback port, its SQLite database under
OUT/_state/prefect/, started and stopped by us alone.

Prefect cannot schedule flow runs on its ephemeral API, so a scheduled deployment needs a real server. The server
runs in its own session (a terminal's Ctrl-C reaches us, not it), so we decide the shutdown order: the runner first,
which pauses its schedule through the API, then the server. On Linux the kernel also stops the server if we die
without cleaning up (SIGKILL), through the parent-death signal.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

HOST = "127.0.0.1"
DEFAULT_START_TIMEOUT = 120.0
DEFAULT_STOP_GRACE = 15.0
START_ATTEMPTS = 3
LOG_TAIL_BYTES = 2_000
_PR_SET_PDEATHSIG = 1


class ServerStartError(RuntimeError):
    """The local Prefect server exited or did not answer its health check in time."""


@dataclass(frozen=True, slots=True)
class LocalServer:
    process: subprocess.Popen[bytes]
    api_url: str
    home: Path

    @property
    def ui_url(self) -> str:
        return self.api_url.removesuffix("/api")

    @property
    def log_path(self) -> Path:
        return self.home / "server.log"

    @property
    def info_path(self) -> Path:
        return self.home / "server.json"

    def stop(self) -> int | None:
        return stop_server(self)


def server_home(out: Path) -> Path:
    """Where the server for output folder `out` keeps its database, log and Prefect home."""
    return out / "_state" / "prefect"


def sqlite_url(home: Path) -> str:
    return f"sqlite+aiosqlite:///{(home / 'prefect.db').resolve()}"


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def server_command(port: int) -> list[str]:
    return [sys.executable, "-m", "prefect", "server", "start", "--host", HOST, "--port", str(port)]


def server_environment(home: Path, ui: bool) -> dict[str, str]:
    """Our environment, minus any API URL (this server is the API), plus the server's own settings.

    A database URL the user set (e.g. PostgreSQL) wins over the SQLite default.
    """
    env = {name: value for name, value in os.environ.items() if name not in {"PREFECT_API_URL", "PREFECT_API_KEY"}}
    env.setdefault("PREFECT_SERVER_DATABASE_CONNECTION_URL", sqlite_url(home))
    env.update(
        PREFECT_HOME=str((home / "home").resolve()),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_SERVER_UI_ENABLED="true" if ui else "false",
    )
    return env


def die_with_parent(parent_pid: int) -> None:
    """Runs in the child between fork and exec: ask Linux to SIGTERM it when its parent dies."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def launch(home: Path, port: int, ui: bool) -> subprocess.Popen[bytes]:
    parent = os.getpid()
    with (home / "server.log").open("ab") as log:
        return subprocess.Popen(
            server_command(port),
            env=server_environment(home, ui),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=lambda: die_with_parent(parent),
        )


def is_healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout) as response:
            return response.status == 200 and response.read().strip() == b"true"
    except (OSError, http.client.HTTPException):  # URLError is an OSError
        return False


def log_tail(path: Path) -> str:
    with contextlib.suppress(OSError), path.open("rb") as log:
        log.seek(max(0, log.seek(0, os.SEEK_END) - LOG_TAIL_BYTES))
        return log.read().decode("utf-8", "replace")
    return ""


def wait_until_healthy(server: LocalServer, timeout: float) -> None:
    """Poll the health endpoint until it answers; raise if the process exits or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServerStartError(f"the Prefect server exited with code {server.process.returncode}")
        if is_healthy(server.api_url):
            return
        time.sleep(0.25)
    raise ServerStartError(f"the Prefect server did not answer {server.api_url}/health within {timeout:.0f} s")


def write_info(server: LocalServer) -> None:
    """server.json: where the running server is, for people and tools (removed when it stops)."""
    info = {"pid": server.process.pid, "api_url": server.api_url, "ui_url": server.ui_url}
    temporary = server.info_path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, server.info_path)


def start_server(out: Path, timeout: float = DEFAULT_START_TIMEOUT, ui: bool = True) -> LocalServer:
    """Start a Prefect server for `out` and return once it is healthy; stopped at interpreter exit at the latest."""
    home = server_home(out)
    (home / "home").mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    failure = ServerStartError("the Prefect server was not started")
    for _ in range(START_ATTEMPTS):  # another program may take the free port before the server binds it
        port = free_loopback_port()
        server = LocalServer(launch(home, port, ui), f"http://{HOST}:{port}/api", home)
        atexit.register(server.stop)
        try:
            wait_until_healthy(server, max(0.0, deadline - time.monotonic()))
        except ServerStartError as error:
            exited_early = server.process.poll() is not None
            stop_server(server)
            failure = error
            if not exited_early or time.monotonic() >= deadline:
                break
            continue
        except BaseException:  # Ctrl-C or SIGTERM while waiting
            stop_server(server)
            raise
        write_info(server)
        return server
    raise ServerStartError(f"{failure}; last lines of {server.log_path}:\n{log_tail(server.log_path)}")


def stop_server(server: LocalServer, grace: float = DEFAULT_STOP_GRACE) -> int | None:
    """SIGTERM the server's process group (only ours: it was made for this process), SIGKILL after `grace` s."""
    if server.process.poll() is None:
        signal_group(server, signal.SIGTERM)
        try:
            server.process.wait(grace)
        except subprocess.TimeoutExpired:
            signal_group(server, signal.SIGKILL)
            server.process.wait()
    forget_info(server)
    atexit.unregister(server.stop)
    return server.process.returncode


def signal_group(server: LocalServer, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it may have exited since we looked
        os.killpg(server.process.pid, signum)


def forget_info(server: LocalServer) -> None:
    """Remove server.json if it describes this server (another `agenda serve` on the same OUT may own it)."""
    with contextlib.suppress(OSError, ValueError):
        if json.loads(server.info_path.read_text(encoding="utf-8")).get("pid") == server.process.pid:
            server.info_path.unlink()


def interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C while the block runs, so that `finally` clauses stop what we started."""
    if sys.platform == "win32" or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def running_server(out: Path, timeout: float = DEFAULT_START_TIMEOUT, ui: bool = True) -> Iterator[LocalServer]:
    """A healthy local server for the duration of the block; stopped on exit, Ctrl-C or SIGTERM."""
    with sigterm_as_interrupt():
        server = start_server(out, timeout, ui)
        try:
            yield server
        finally:
            stop_server(server)
