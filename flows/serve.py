"""`agenda serve`: the main flow as a Prefect deployment that runs on a cron or interval schedule.

With PREFECT_API_URL set (environment or Prefect profile) the deployment is registered with that server; without it
a private local server is started for the output folder, because Prefect's ephemeral API schedules nothing.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from flows.core.settings import RunSettings
from flows.quiet import apply_prefect_defaults

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

DEFAULT_DEPLOYMENT_NAME = "scheduled"
# One run at a time per served process: runs of one schedule share an output folder.
RUNS_AT_ONCE = 1
# Settings that name a file: made absolute like the sources, since runs may start in another folder.
PATH_SETTINGS = frozenset({"taxonomy"})


def schedule_arguments(cron: str | None, interval: float | None) -> dict[str, str | timedelta]:
    """The schedule keyword for `Flow.to_deployment`: exactly one of a cron expression or an interval in seconds."""
    if (cron is None) == (interval is None):
        raise ValueError("give exactly one of --cron EXPR or --interval SECONDS")
    if cron is not None:
        return {"cron": cron}
    if interval is None or interval <= 0:
        raise ValueError(f"--interval must be a positive number of seconds, not {interval}")
    return {"interval": timedelta(seconds=interval)}


def absolute(location: str, cwd: Path) -> str:
    """Runs start in other processes (and, from a work pool, other folders): pin relative paths and globs down."""
    path = Path(location).expanduser()
    return str(path if path.is_absolute() else cwd / path)


def changed_settings(settings: RunSettings, cwd: Path) -> dict[str, object]:
    """The settings that differ from the defaults, as JSON values (Prefect stores parameters as JSON)."""
    default = RunSettings()
    values = {f.name: getattr(settings, f.name) for f in fields(RunSettings)}
    return {
        name: absolute(str(value), cwd) if name in PATH_SETTINGS else value
        for name, value in values.items()
        if value != getattr(default, name)
    }


def deployment_parameters(
    sources: list[str], out: str, cwd: Path, settings: RunSettings | None = None
) -> dict[str, object]:
    parameters: dict[str, object] = {"sources": [absolute(s, cwd) for s in sources], "out": absolute(out, cwd)}
    if settings is not None and (changed := changed_settings(settings, cwd)):
        parameters["settings"] = changed
    return parameters


def build_deployment(
    sources: list[str],
    out: str,
    cron: str | None,
    interval: float | None,
    name: str = DEFAULT_DEPLOYMENT_NAME,
    settings: RunSettings | None = None,
) -> RunnerDeployment:
    """The deployment of `agenda_run` over `sources` into `out`; raises ValueError for a bad schedule."""
    from prefect.deployments.runner import EntrypointType

    from flows.pipeline import agenda_run

    schedule = schedule_arguments(cron, interval)
    try:
        return agenda_run.to_deployment(
            name=name,
            parameters=deployment_parameters(sources, out, Path.cwd(), settings),
            description=f"agenda run into {absolute(out, Path.cwd())} on a schedule",
            tags=["agenda"],
            # `flows.pipeline.agenda_run`, not a file path: the package is installed, so runs start from any folder.
            entrypoint_type=EntrypointType.MODULE_PATH,
            **schedule,
        )
    except ValueError as error:  # Prefect's schedule model rejects a bad cron string with a long pydantic message
        raise ValueError(f"not a valid cron expression: {cron!r}" if cron else str(error)) from error


def configured_api_url() -> str | None:
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value() or None


def serve_on(deployment: RunnerDeployment, api_url: str) -> None:
    """Register `deployment` with the server at `api_url` and run its scheduled runs until Ctrl-C or SIGTERM."""
    from prefect import serve
    from prefect.settings import PREFECT_API_URL, temporary_settings

    # Flow runs start in child processes, which inherit these settings.
    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        serve(deployment, limit=RUNS_AT_ONCE)


def serve_with_local_server(deployment: RunnerDeployment, out: Path) -> None:
    from flows.io.prefect_server import running_server

    typer.echo(f"PREFECT_API_URL is not set: starting a local Prefect server (state in {out / '_state'})")
    with running_server(out) as server:
        typer.echo(f"Prefect UI: {server.ui_url}  (stop with Ctrl-C)")
        serve_on(deployment, server.api_url)
    typer.echo("the local Prefect server is shut down")


def serve_command(
    sources: list[str],
    out: str,
    cron: str | None,
    interval: float | None,
    name: str,
    settings: RunSettings | None = None,
) -> int:
    """`agenda serve`: returns the process exit code (0 after Ctrl-C or SIGTERM, 2 for a bad schedule, 1 when the
    local server cannot start). `settings` that differ from the defaults become the runs' `settings` parameter."""
    apply_prefect_defaults()
    from flows.io.prefect_server import ServerStartError, sigterm_as_interrupt

    try:
        deployment = build_deployment(sources, out, cron, interval, name, settings)
    except ValueError as error:
        typer.echo(f"agenda serve: {error}", err=True)
        return 2
    api_url = configured_api_url()
    try:
        # Prefect's runner handles SIGTERM once it polls; before that (registering, starting a server) we do.
        with sigterm_as_interrupt():
            if api_url:
                typer.echo(f"serving deployment {deployment.name!r} on the Prefect server at {api_url}")
                serve_on(deployment, api_url)
            else:
                serve_with_local_server(deployment, Path(out))
    except ServerStartError as error:
        typer.echo(f"agenda serve: {error}", err=True)
        return 1
    except KeyboardInterrupt:
        pass
    typer.echo("stopped")
    return 0
