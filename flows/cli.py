"""The `agenda` command line: a thin layer over the flows."""

from __future__ import annotations

import gc
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flows.quiet import apply_prefect_defaults, defer_heavy_imports, quiet_flow_settings

defer_heavy_imports()  # worker processes import this module too, and never reach run()

if TYPE_CHECKING:  # imported where used: the command line loads what each command needs, when it needs it
    from flows.core.settings import RunSettings

app = typer.Typer(help="agenda: news articles in, actor and issue tables out.", no_args_is_help=True)

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_BUSY = 3


@app.callback()
def main_options() -> None:
    """Run `agenda COMMAND --help` for a command's options."""


@app.command()
def run(
    sources: Annotated[list[str] | None, typer.Argument(help="Files, folders (recursive) or globs.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("data"),
    workers: Annotated[int | None, typer.Option(min=1, help="Processes for extraction [default: all cores].")] = None,
    batch_size: Annotated[int | None, typer.Option(min=1, help="Articles per Prefect task.")] = None,
    max_bytes: Annotated[int | None, typer.Option(min=1, help="Inputs larger than this are rejected.")] = None,
    max_line_chars: Annotated[int | None, typer.Option(min=1, help="Inputs with a longer line are rejected.")] = None,
    lock_wait: Annotated[float | None, typer.Option(min=0, help="Seconds to wait for a busy output folder.")] = None,
    io_retries: Annotated[int | None, typer.Option(min=0, help="Retries of file reads that fail transiently.")] = None,
    taxonomy: Annotated[Path | None, typer.Option(help="A custom issue taxonomy file (JSON).")] = None,
    dask: Annotated[str | None, typer.Option(help="Dask scheduler address, or 'local'.")] = None,
) -> None:
    """Ingest article files, derive the tables and write Parquet and JSON Lines under OUT.

    Every option can also be set with an AGENDA_<NAME> environment variable (AGENDA_WORKERS=2 ...)."""
    apply_prefect_defaults()
    from flows.core.settings import RunSettings, SettingError, settings_from_env, with_overrides

    try:
        from_env = settings_from_env(os.environ, RunSettings(workers=os.cpu_count() or 1))
    except SettingError as error:
        typer.echo(f"agenda: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from error
    settings = with_overrides(
        from_env, workers=workers, batch_size=batch_size, max_bytes=max_bytes,
        max_line_chars=max_line_chars, lock_wait_seconds=lock_wait, io_retries=io_retries,
        taxonomy=str(taxonomy) if taxonomy else None,
        dask_address=dask,
    )
    from flows.workers import workers_ahead

    with workers_ahead(sources or ["seeds"], settings, out):  # they warm up while Prefect loads
        run_flow(sources or ["seeds"], out, settings)


def run_flow(sources: list[str], out: Path, settings: RunSettings) -> None:
    from flows.io.prefect_start import ApiStartError, use_local_api

    try:
        use_local_api()  # before Prefect is imported: it reads PREFECT_API_URL once
    except ApiStartError as error:
        typer.echo(f"agenda: {error}; AGENDA_PREFECT_API=ephemeral uses Prefect's per-run server instead", err=True)
        raise typer.Exit(EXIT_FAILED) from error
    from flows.core.summary import summary_lines
    from flows.io.locks import LockBusy
    from flows.pipeline import run_pipeline

    gc.freeze()  # the modules just imported live until exit: full collections need not walk them again
    try:
        with quiet_flow_settings():
            report = run_pipeline(sources, str(out), settings)
    except LockBusy as busy:
        typer.echo(f"agenda: {busy}; try again later or pass --lock-wait SECONDS", err=True)
        raise typer.Exit(EXIT_BUSY) from busy
    except OSError as error:
        typer.echo(f"agenda: the run could not complete: {error}", err=True)
        raise typer.Exit(EXIT_FAILED) from error
    except sqlite3.Error as error:
        typer.echo(f"agenda: the run could not complete: the state ledger could not be written ({error}); "
                   "is the disk full?", err=True)
        raise typer.Exit(EXIT_FAILED) from error
    for line in summary_lines(report):
        typer.echo(line)


@app.command()
def serve(
    sources: Annotated[list[str] | None, typer.Argument(help="Files, folders (recursive) or globs.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("data"),
    cron: Annotated[str | None, typer.Option(help="Cron schedule, e.g. '*/15 * * * *'.")] = None,
    interval: Annotated[float | None, typer.Option(help="Seconds between runs.")] = None,
    name: Annotated[str, typer.Option(help="Deployment name.")] = "scheduled",
) -> None:
    """Serve the main flow as a Prefect deployment on a schedule (starting a local Prefect server if none is set)."""
    from flows.core.settings import settings_from_env
    from flows.serve import serve_command

    settings = settings_from_env(os.environ)
    raise typer.Exit(serve_command(sources or ["seeds"], str(out), cron, interval, name, settings))


@app.command()
def status(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("data"),
    limit: Annotated[int, typer.Option(min=1, help="How many recent runs to list.")] = 10,
) -> None:
    """List recent runs and their outcomes, newest first, from the run reports."""
    from flows.maintenance import output_status

    for line in output_status(out, limit):
        typer.echo(line)


@app.command()
def compact(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("data"),
    table: Annotated[list[str] | None, typer.Option(help="Only this table (repeatable).")] = None,
    lock_wait: Annotated[float, typer.Option(min=0, help="Seconds to wait for a run to finish.")] = 60.0,
) -> None:
    """Rewrite each partition's many per-run files as one file, atomically."""
    from flows.io.locks import LockBusy
    from flows.maintenance import compact_output

    try:
        done = compact_output(out, table, lock_wait)
    except LockBusy as busy:
        typer.echo(f"agenda: {busy}", err=True)
        raise typer.Exit(EXIT_BUSY) from busy
    for item in done:
        typer.echo(f"{item.table}/{item.partition}: {item.parts_before} files -> 1 ({item.rows} rows)")
    if not done:
        typer.echo("nothing to compact")


@app.command(name="eval")
def evaluate(
    split: Annotated[str, typer.Option(help="tune, heldout or all.")] = "heldout",
    gmb: Annotated[int, typer.Option(min=0, help="GMB sentences to score (0 to skip).")] = 5000,
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Score extraction against the hand-annotated Wikinews set and GMB sentences."""
    from flows.evaluate import eval_command

    raise typer.Exit(eval_command(split, gmb, output_format))


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(help="JSON, JSON Lines or NDJSON files; - for standard input.")],
    schema: Annotated[str, typer.Option(help="A schema of schemas/ by name, or a schema file.")] = "feed-item",
    output_format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
    max_errors: Annotated[int | None, typer.Option(min=1, help="Stop after this many errors.")] = None,
) -> None:
    """Validate records against a published JSON Schema; exit 0 all valid, 1 some invalid, 2 unreadable input."""
    from flows.validate import validate_command

    raise typer.Exit(validate_command(files, schema, output_format, max_errors))


@app.command()
def schema(
    name: Annotated[str | None, typer.Argument(help="A schema name such as article or article.v1.")] = None,
) -> None:
    """Print a published JSON Schema, or list them all."""
    from flows.schema_docs import schema_command

    raise typer.Exit(schema_command(name))


@app.command()
def docs(check: Annotated[bool, typer.Option("--check", help="Only check that the file is current.")] = False) -> None:
    """Regenerate docs/data-dictionary.md from the schemas (or check it is current)."""
    from flows.schema_docs import docs_command

    raise typer.Exit(docs_command(check))


def main() -> None:
    app()
