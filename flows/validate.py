"""`agenda validate`: check JSON and JSON Lines feeds against a published schema (or a schema file).

The command layer only: opening inputs is flows.io.feeds', everything else flows.core.feedcheck's.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from flows.core.feedcheck.encoding import decode_stream
from flows.core.feedcheck.engine import RecordChecker
from flows.core.feedcheck.feed import DEFAULT_MAX_RECORD_BYTES, check_entries, frame, framing_for
from flows.core.feedcheck.render import as_document, text_lines
from flows.core.feedcheck.report import ErrorBudget, FileSummary, ValidationReport, build_report, tally_entries
from flows.io.feeds import STDIN, SchemaFileError, describe_os_error, load_schema_file, open_feed
from flows.io.schemas import load_schemas, resolve_schema_name

DEFAULT_SCHEMA = "feed-item"
FORMATS = ("text", "json")


class SchemaNotUsable(ValueError):
    """--schema names no published schema, or its file is not a valid JSON Schema."""


def looks_like_path(schema: str | Path) -> bool:
    text = str(schema)
    return isinstance(schema, Path) or "/" in text or "\\" in text or Path(text).is_file()


def resolve_schema(schema: str | Path) -> tuple[str, dict[str, Any]]:
    """(name to show, schema document) for a published NAME ("feed-item", "article.v1") or a schema file PATH."""
    if looks_like_path(schema):
        try:
            document = load_schema_file(Path(schema))
        except SchemaFileError as error:
            raise SchemaNotUsable(str(error)) from error
        try:
            Draft202012Validator.check_schema(document)
        except SchemaError as error:
            raise SchemaNotUsable(f"schema {schema}: not a valid JSON Schema ({error.message})") from error
        return str(schema), document
    try:
        name = resolve_schema_name(str(schema))
    except KeyError as error:
        raise SchemaNotUsable(str(error.args[0])) from error
    return name, load_schemas()[name]


def build_checker(schema: str | Path) -> tuple[str, RecordChecker]:
    name, document = resolve_schema(schema)
    return name, RecordChecker(document, load_schemas())


def check_one(
    name: str, checker: RecordChecker, budget: ErrorBudget, max_bytes: int, stdin: BinaryIO | None
) -> FileSummary:
    opened = open_feed(name, stdin)
    if isinstance(opened, str):
        return FileSummary(name, "unreadable", problem=opened)
    decoded = decode_stream(opened.chunks)
    if decoded.problem is not None:
        return FileSummary(opened.label, "unreadable", encoding=decoded.encoding, problem=decoded.problem)
    framing, framed = frame(decoded.chunks, "sniff" if name == STDIN else framing_for(name), max_bytes)
    entries = check_entries(framed, checker, max_bytes)
    try:
        return tally_entries(opened.label, framing, decoded.encoding, decoded.notes, entries, budget)
    except OSError as error:
        return FileSummary(opened.label, "unreadable", framing, decoded.encoding, problem=describe_os_error(error))


def validate_files(
    paths: Sequence[str],
    schema: str | Path = DEFAULT_SCHEMA,
    max_errors: int | None = None,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
    stdin: BinaryIO | None = None,
) -> ValidationReport:
    """Check every record of every input. Raises SchemaNotUsable when the schema cannot be had."""
    name, checker = build_checker(schema)
    budget = ErrorBudget(max_errors)
    summaries: list[FileSummary] = []
    for path in paths:
        if budget.truncated:
            summaries.append(FileSummary(path, "not_reached"))
            continue
        summaries.append(check_one(path, checker, budget, max_record_bytes, stdin))
    schema_id = checker.reference.schema.get("$id") if isinstance(checker.reference.schema, dict) else None
    return build_report(name, schema_id, checker.engine, summaries, budget)


def validate_command(
    files: list[str],
    schema: str = DEFAULT_SCHEMA,
    format: str = "text",
    max_errors: int | None = None,
    out: TextIO | None = None,
) -> int:
    """Print the report (text or JSON) and return the exit code: 0 all valid, 1 some invalid, 2 input unreadable."""
    stream = out or sys.stdout
    if format not in FORMATS:
        print(f"unknown format {format!r}; use one of: {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    if max_errors is not None and max_errors < 1:
        print("--max-errors must be at least 1", file=sys.stderr)
        return 2
    try:
        report = validate_files(files, schema, max_errors)
    except SchemaNotUsable as error:
        print(f"cannot use the schema: {error}", file=sys.stderr)
        return 2
    if format == "json":
        stream.write(json.dumps(as_document(report), ensure_ascii=False, indent=2) + "\n")
    else:
        stream.write("\n".join(text_lines(report)) + "\n")
    return report.exit_code
