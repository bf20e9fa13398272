"""Prefect defaults for a quiet, local-first run; set before Prefect is imported, and never over a user's choice."""

from __future__ import annotations

import os

_DEFAULTS = {
    # The ephemeral server's telemetry prints "database is locked" tracebacks on every run otherwise.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    # The first ephemeral start on a machine migrates a new database, which takes longer than Prefect's default wait.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def apply_prefect_defaults() -> None:
    for name, value in _DEFAULTS.items():
        os.environ.setdefault(name, value)
