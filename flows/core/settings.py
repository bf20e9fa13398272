"""Every tunable limit of a run in one place; the CLI and AGENDA_* environment variables set them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class RunSettings:
    batch_size: int = 1000  # articles per Prefect task: tasks cost milliseconds each, so never one per article
    workers: int = 1  # processes deriving batches in parallel; 1 runs everything in the flow's own process
    max_bytes: int = 20 * 1024 * 1024  # inputs above this size are rejected unread
    max_line_chars: int = 20_000  # a longer line is not prose: the input is rejected
    lock_wait_seconds: float = 0.0  # how long a second run waits for the output folder before giving up
    io_retries: int = 2  # retries of I/O tasks (reads and writes); computation is never retried
    io_retry_delay_seconds: float = 1.0
    io_timeout_seconds: float = 300.0
    taxonomy: str | None = None  # path of a custom issue taxonomy file; None is the packaged default
    dask_address: str | None = None  # run the batch tasks on this Dask scheduler ("local" for a LocalCluster)


# The environment variable of each setting: AGENDA_ and the CLI option's name (--lock-wait -> AGENDA_LOCK_WAIT).
ENVIRONMENT_NAMES: dict[str, str] = {
    "batch_size": "AGENDA_BATCH_SIZE",
    "workers": "AGENDA_WORKERS",
    "max_bytes": "AGENDA_MAX_BYTES",
    "max_line_chars": "AGENDA_MAX_LINE_CHARS",
    "lock_wait_seconds": "AGENDA_LOCK_WAIT",
    "io_retries": "AGENDA_IO_RETRIES",
    "io_retry_delay_seconds": "AGENDA_IO_RETRY_DELAY",
    "io_timeout_seconds": "AGENDA_IO_TIMEOUT",
    "taxonomy": "AGENDA_TAXONOMY",
    "dask_address": "AGENDA_DASK",
}
_LOWEST = {"batch_size": 1, "workers": 1, "max_bytes": 1, "max_line_chars": 1, "lock_wait_seconds": 0,
           "io_retries": 0, "io_retry_delay_seconds": 0, "io_timeout_seconds": 1}


class SettingError(ValueError):
    """An AGENDA_* variable that does not hold a usable value."""


def field_types() -> dict[str, str]:
    return {f.name: str(f.type) for f in fields(RunSettings)}


def parse_setting(name: str, raw: str) -> object:
    """Turn an environment string into the field's type, within the field's bounds."""
    kind = field_types()[name]
    if not kind.startswith(("int", "float")):
        return raw or None
    try:
        value = int(raw) if kind.startswith("int") else float(raw)
    except ValueError:
        raise SettingError(f"{ENVIRONMENT_NAMES[name]}={raw!r} is not a number") from None
    if value < _LOWEST[name]:
        raise SettingError(f"{ENVIRONMENT_NAMES[name]}={raw!r} is below its lowest value, {_LOWEST[name]}")
    return value


def settings_from_env(environ: Mapping[str, str], base: RunSettings | None = None) -> RunSettings:
    """AGENDA_BATCH_SIZE=500, AGENDA_IO_RETRIES=5 ... override the defaults (or `base`)."""
    updates = {name: parse_setting(name, environ[var]) for name, var in ENVIRONMENT_NAMES.items() if var in environ}
    return replace(base or RunSettings(), **updates)


def with_overrides(settings: RunSettings, **overrides: object) -> RunSettings:
    """Apply the options a user gave explicitly (None means not given)."""
    return replace(settings, **{name: value for name, value in overrides.items() if value is not None})
