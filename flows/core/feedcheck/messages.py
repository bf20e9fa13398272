"""Say what a JSON Schema error means in words a person understands, with a JSON pointer to the failing value."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from jsonschema.exceptions import ValidationError

from flows.core.feedcheck.issues import Issue

_JSON_TYPES = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (list, "array"))
_LONGEST_SHOWN = 60


def render(value: Any) -> str:
    """A value as JSON, cut short when long: '"2023-13-45"', '[1, 2]'."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= _LONGEST_SHOWN else text[: _LONGEST_SHOWN - 1] + "…"


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    return next((name for kind, name in _JSON_TYPES if isinstance(value, kind)), "object")


def pointer_to(path: Iterator[str | int] | Any) -> str:
    """RFC 6901 JSON pointer: "" is the whole record, "/sections/0/heading" a value inside it."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def either(items: list[Any]) -> str:
    shown = [render(item) for item in items[:8]]
    more = f" (or {len(items) - 8} more)" if len(items) > 8 else ""
    return ", ".join(shown) + more


def count(noun: str, amount: int) -> str:
    return f"{amount} {noun}" if amount == 1 else f"{amount} {noun}s"


def describe_type(error: ValidationError) -> str:
    wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    return f"expected {' or '.join(wanted)}, got {json_type(error.instance)}"


def describe_min_length(error: ValidationError) -> str:
    if error.validator_value == 1:
        return "must not be empty"
    return f"is shorter than {count('character', error.validator_value)} ({len(error.instance)})"


def describe_dependent_required(error: ValidationError) -> str:
    for present, needed in error.validator_value.items():
        missing = [name for name in needed if present in error.instance and name not in error.instance]
        if missing:
            return f'property "{missing[0]}" is required when "{present}" is present'
    return error.message


def describe_one_of(error: ValidationError) -> str:
    if "is valid under each of" in error.message:
        return f"{render(error.instance)} matches more than one of the allowed alternatives, and must match exactly one"
    return f"{render(error.instance)} matches none of the allowed alternatives"


DESCRIBERS: dict[str, Callable[[ValidationError], str]] = {
    "type": describe_type,
    "format": lambda e: f"{render(e.instance)} is not a valid {e.validator_value}",
    "minLength": describe_min_length,
    "maxLength": lambda e: f"is longer than {count('character', e.validator_value)} ({len(e.instance)})",
    "pattern": lambda e: f"{render(e.instance)} does not match the pattern {e.validator_value}",
    "enum": lambda e: f"{render(e.instance)} is not one of {either(list(e.validator_value))}",
    "const": lambda e: f"must be {render(e.validator_value)}, not {render(e.instance)}",
    "minimum": lambda e: f"{render(e.instance)} is less than the minimum {render(e.validator_value)}",
    "maximum": lambda e: f"{render(e.instance)} is more than the maximum {render(e.validator_value)}",
    "exclusiveMinimum": lambda e: f"{render(e.instance)} must be more than {render(e.validator_value)}",
    "exclusiveMaximum": lambda e: f"{render(e.instance)} must be less than {render(e.validator_value)}",
    "multipleOf": lambda e: f"{render(e.instance)} is not a multiple of {render(e.validator_value)}",
    "minItems": lambda e: f"needs at least {count('item', e.validator_value)}, has {len(e.instance)}",
    "maxItems": lambda e: f"allows at most {count('item', e.validator_value)}, has {len(e.instance)}",
    "uniqueItems": lambda e: "has duplicate items",
    "minProperties": lambda e: f"needs at least {count('property', e.validator_value)}, has {len(e.instance)}",
    "maxProperties": lambda e: f"allows at most {count('property', e.validator_value)}, has {len(e.instance)}",
    "dependentRequired": describe_dependent_required,
    "oneOf": describe_one_of,
    "anyOf": lambda e: f"{render(e.instance)} matches none of the allowed alternatives",
    "not": lambda e: f"{render(e.instance)} is not allowed here",
    "contains": lambda e: "no item matches what the array must contain",
}


def unexpected_properties(error: ValidationError) -> list[str]:
    """The properties an additionalProperties: false rejected, in the record's order."""
    declared = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    patterns = error.schema.get("patternProperties", {}) if isinstance(error.schema, dict) else {}
    return [
        name
        for name in error.instance
        if name not in declared and not any(re.search(pattern, name) for pattern in patterns)
    ]


def missing_property(error: ValidationError) -> str:
    """The one name this `required` error is about (jsonschema raises one error per missing name)."""
    absent = [name for name in error.validator_value if name not in error.instance]
    return next((name for name in absent if error.message.startswith(repr(name))), absent[0] if absent else "?")


def describe(error: ValidationError) -> list[Issue]:
    """One jsonschema error as issues; an additionalProperties error gives one issue per unexpected property."""
    pointer = pointer_to(error.absolute_path)
    keyword = str(error.validator) if error.validator is not None else "false"
    if keyword == "required":
        return [Issue("schema", f'missing required property "{missing_property(error)}"', keyword, pointer)]
    if keyword == "additionalProperties" and isinstance(error.instance, dict):
        return [
            Issue("schema", f'unexpected property "{name}"', keyword, pointer + pointer_to([name]))
            for name in unexpected_properties(error)
        ] or [Issue("schema", error.message, keyword, pointer)]
    if keyword == "false":
        return [Issue("schema", "no value is allowed here", keyword, pointer)]
    message = error.message
    if (describer := DESCRIBERS.get(keyword)) is not None:
        try:
            message = describer(error)
        except (TypeError, ValueError, AttributeError, KeyError):  # an unusual schema shape: keep jsonschema's words
            message = error.message
    if len(message) > 300:
        message = message[:299] + "…"
    return [Issue("schema", message, keyword, pointer)]
