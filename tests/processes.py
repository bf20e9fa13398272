"""Helpers for tests that run child processes under harsher conditions than the test runner's own."""

from __future__ import annotations

import ctypes
import os

_PR_CAPBSET_DROP = 24
_FILE_MODE_OVERRIDES = (1, 2)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH


def obey_file_modes() -> None:
    """preexec_fn: as root, drop the capabilities that let root ignore file modes, so chmod 000 and read-only
    folders bind. (Switching to an unprivileged uid is not used: the venv's interpreter may live under /root.)"""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _FILE_MODE_OVERRIDES:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) refused")
