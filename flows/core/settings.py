"""Every tunable limit of a run in one place; the CLI and AGENDA_* environment variables set them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class RunSettings:
    batch_size: int = 200  # articles per Prefect task: tasks cost milliseconds each, so never one per article
    workers: int = 1  # processes deriving batches in parallel; 1 runs everything in the flow's own process
    max_bytes: int = 20 * 1024 * 1024  # inputs above this size are rejected unread
    max_line_chars: int = 20_000  # a longer line is not prose: the input is rejected
    lock_wait_seconds: float = 0.0  # how long a second run waits for the output folder before giving up
    io_retries: int = 2  # retries of I/O tasks (reads and writes); computation is never retried
    io_retry_delay_seconds: float = 1.0
    io_timeout_seconds: float = 300.0
    taxonomy: str | None = None  # path of a custom issue taxonomy file; None is the packaged default
    dask_address: str | None = None  # run the batch tasks on this Dask scheduler ("local" for a LocalCluster)


def field_types() -> dict[str, str]:
    return {f.name: str(f.type) for f in fields(RunSettings)}


def parse_setting(name: str, raw: str) -> object:
    """Turn an environment string into the field's type."""
    kind = field_types()[name]
    if kind.startswith("int"):
        return int(raw)
    if kind.startswith("float"):
        return float(raw)
    return raw or None


def settings_from_env(environ: Mapping[str, str], base: RunSettings | None = None) -> RunSettings:
    """AGENDA_BATCH_SIZE=500, AGENDA_IO_RETRIES=5 ... override the defaults (or `base`)."""
    updates = {
        name: parse_setting(name, environ[f"AGENDA_{name.upper()}"])
        for name in field_types()
        if f"AGENDA_{name.upper()}" in environ
    }
    return replace(base or RunSettings(), **updates)


def with_overrides(settings: RunSettings, **overrides: object) -> RunSettings:
    """Apply the options a user gave explicitly (None means not given)."""
    return replace(settings, **{name: value for name, value in overrides.items() if value is not None})
