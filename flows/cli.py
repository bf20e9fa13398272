"""The `agenda` command line: a thin layer over the flows."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flows.quiet import apply_prefect_defaults

app = typer.Typer(help="agenda: news articles in, actor and issue tables out.", no_args_is_help=True)


@app.callback()
def main_options() -> None:
    """Run `agenda COMMAND --help` for a command's options."""


@app.command()
def run(
    sources: Annotated[list[str] | None, typer.Argument(help="Files, folders (recursive) or globs.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("data"),
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per Prefect task.")] = 200,
    max_bytes: Annotated[int, typer.Option(min=1, help="Inputs larger than this are rejected.")] = 20 * 1024 * 1024,
    taxonomy: Annotated[Path | None, typer.Option(help="A custom issue taxonomy file (JSON).")] = None,
) -> None:
    """Ingest article files, derive the tables and write Parquet and JSON Lines under OUT."""
    apply_prefect_defaults()
    from flows.core.summary import summary_lines
    from flows.pipeline import RunOptions, agenda_run

    options = RunOptions(batch_size=batch_size, max_bytes=max_bytes, taxonomy=taxonomy)
    report = agenda_run(sources or ["seeds"], str(out), options)
    for line in summary_lines(report):
        typer.echo(line)


@app.command()
def schema(name: Annotated[str | None, typer.Argument(help="A schema name such as article or article.v1.")] = None) -> None:
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
