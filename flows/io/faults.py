"""Crash points for the crash-safety tests: AGENDA_CRASH_AT=<point> kills the process there with SIGKILL.

Killing at a named point is how the tests reach the narrow windows (between the manifest and the renames) that a
timer would almost never hit. Unset, it costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

CRASH_POINTS = ("before-manifest", "after-manifest", "mid-renames")


def crash_point(name: str) -> None:
    if os.environ.get("AGENDA_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
