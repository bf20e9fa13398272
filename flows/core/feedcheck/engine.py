"""Judge records against a schema: a fast engine for the bulk, python-jsonschema for every verdict of "invalid".

python-jsonschema (draft 2020-12, format checking on) is the reference for what is valid. jsonschema-rs, when it is
installed, answers first: "valid" is taken as is; "invalid" is re-checked by the reference, which also supplies the
errors, pointers and messages. So the fast engine can only cost accuracy if it passes a record the reference would
fail. Two guards against that: every `format` is judged by the reference's own format checkers (see formats.py;
jsonschema-rs' built-in date-time, for one, accepts leap seconds that the reference refuses), and the tests compare
both engines on every schema example and on generated and hostile records.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import islice
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.validators import validator_for
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from flows.core.feedcheck.formats import format_check
from flows.core.feedcheck.issues import Issue
from flows.core.feedcheck.messages import describe

try:
    import jsonschema_rs
except ImportError:  # the reference alone gives the same verdicts, only slower
    jsonschema_rs = None

MAX_ERRORS_PER_RECORD = 50
NO_ISSUES: tuple[Issue, ...] = ()


def walk_formats(schema: Any) -> Iterator[str]:
    """Every `format` value named anywhere in a schema document."""
    if isinstance(schema, dict):
        if isinstance(schema.get("format"), str):
            yield schema["format"]
        for value in schema.values():
            yield from walk_formats(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from walk_formats(value)


def build_registry(known: Mapping[str, Mapping[str, Any]]) -> Registry:
    resources = [(schema["$id"], Resource.from_contents(dict(schema), DRAFT202012)) for schema in known.values()]
    return Registry().with_resources(resources)


class RecordChecker:
    """Check decoded records against one schema; `known` holds the schemas its `$ref`s may point to, by name."""

    def __init__(self, schema: Mapping[str, Any], known: Mapping[str, Mapping[str, Any]], fast: bool = True) -> None:
        schema = dict(schema)
        reference_class = validator_for(schema, default=Draft202012Validator)
        self.reference = reference_class(
            schema, registry=build_registry(known), format_checker=reference_class.FORMAT_CHECKER
        )
        self.fast = build_fast_engine(schema, known, reference_class.FORMAT_CHECKER) if fast else None
        self.disagreements = 0  # records the fast engine failed and the reference passed

    @property
    def engine(self) -> str:
        return "jsonschema-rs + python-jsonschema" if self.fast is not None else "python-jsonschema"

    def issues(self, value: Any) -> tuple[Issue, ...] | list[Issue]:
        """Nothing for a valid record; otherwise up to MAX_ERRORS_PER_RECORD issues from the reference."""
        fast = self.fast
        if fast is not None:
            try:
                if fast.is_valid(value):
                    return NO_ISSUES
            except (ValueError, TypeError, OverflowError):  # a value it cannot take in (inf): the reference decides
                pass
        found = self.reference_issues(value)
        if not found and fast is not None:
            self.disagreements += 1
        return found

    def reference_issues(self, value: Any) -> list[Issue]:
        try:
            errors = list(islice(self.reference.iter_errors(value), MAX_ERRORS_PER_RECORD + 1))
        except RecursionError:
            return [Issue("too_deep", "the record is nested too deeply to be checked against the schema")]
        found = [issue for error in errors[:MAX_ERRORS_PER_RECORD] for issue in describe(error)]
        if len(errors) > MAX_ERRORS_PER_RECORD:
            found.append(Issue("more_errors", f"more than {MAX_ERRORS_PER_RECORD} errors: the rest are not listed"))
        return found


def build_fast_engine(schema: dict[str, Any], known: Mapping[str, Mapping[str, Any]], formats: FormatChecker) -> Any:
    """A jsonschema-rs validator whose format checks are the reference's, or None when it is not installed."""
    if jsonschema_rs is None:
        return None
    names = {name for document in (schema, *known.values()) for name in walk_formats(document)}
    registry = jsonschema_rs.Registry([(document["$id"], dict(document)) for document in known.values()])
    return jsonschema_rs.validator_for(
        schema,
        registry=registry,
        validate_formats=True,
        formats={name: format_check(formats, name) for name in names},
    )
