"""Check records against their JSON Schema and turn the errors into readable lines."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from flows.core.feedcheck.engine import RecordChecker
from flows.core.jsonrows import to_json_value


def describe_error(error: ValidationError) -> str:
    """"/sections/0/paragraphs: [] should be non-empty (minItems)"."""
    pointer = "/" + "/".join(str(part) for part in error.absolute_path)
    return f"{pointer}: {error.message} ({error.validator})"


def schema_errors(validator: Draft202012Validator, row: dict[str, Any], limit: int = 5) -> list[str]:
    """Up to `limit` errors of the row in its JSON form, in a stable order."""
    errors = sorted(
        validator.iter_errors(to_json_value(row)), key=lambda e: (list(map(str, e.absolute_path)), e.message)
    )
    return [describe_error(error) for error in errors[:limit]]


def record_errors(checker: RecordChecker, row: dict[str, Any], limit: int = 5) -> list[str]:
    """Nothing for a valid row (the fast engine's word suffices); otherwise the reference's errors, as above."""
    value = to_json_value(row)
    fast = checker.fast
    if fast is not None:
        try:
            if fast.is_valid(value):
                return []
        except (ValueError, TypeError, OverflowError):  # a value the fast engine cannot take in: the reference decides
            pass
    return schema_errors(checker.reference, row, limit)
