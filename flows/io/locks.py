"""One writer per output folder: an advisory lock (flock) on OUT/_state/run.lock that names its holder.

The kernel releases a flock when its process dies, even by SIGKILL, so a lock file left by a killed run is stale by
construction: the next run finds the file, takes the lock at once, and says whose lock it took over.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class LockBusy(RuntimeError):
    """Another live run holds the output folder."""


@dataclass(frozen=True, slots=True)
class Holder:
    pid: int
    host: str
    run_id: str
    since: str

    def describe(self) -> str:
        return f"run {self.run_id} (pid {self.pid} on {self.host}, since {self.since})"


def read_holder(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text("utf-8"))
        return Holder(int(data["pid"]), str(data["host"]), str(data["run_id"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def try_lock(descriptor: int) -> bool:
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def stamp_holder(descriptor: int, holder: Holder) -> None:
    """Write who holds the lock into the lock file itself (we own it now, so nobody reads a half line)."""
    data = json.dumps(holder_dict(holder)).encode("utf-8")
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, data, 0)
    os.fsync(descriptor)


def holder_dict(holder: Holder) -> dict[str, object]:
    return {"pid": holder.pid, "host": holder.host, "run_id": holder.run_id, "since": holder.since}


@contextmanager
def output_lock(state_dir: Path, run_id: str, wait_seconds: float = 0.0, poll: float = 0.2) -> Iterator[Holder | None]:
    """Hold the output folder for the duration of the block. Yields the stale holder taken over, if any.

    Waits up to `wait_seconds` for a live holder to finish, then raises LockBusy naming it.
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / "run.lock"
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_seconds
        while not try_lock(descriptor):
            if time.monotonic() >= deadline:
                holder = read_holder(path)
                raise LockBusy(f"{path.parent.parent} is in use by {holder.describe() if holder else 'another run'}")
            time.sleep(poll)
        stale = read_holder(path)
        me = Holder(os.getpid(), socket.gethostname(), run_id, time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        stamp_holder(descriptor, me)
        yield stale
        os.ftruncate(descriptor, 0)
    finally:
        os.close(descriptor)
