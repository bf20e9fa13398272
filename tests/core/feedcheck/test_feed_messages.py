"""jsonschema's errors rewritten for people, each with a JSON pointer to the failing value."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from flows.core.feedcheck.messages import describe, pointer_to, render

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["title", "text"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "text": {"type": "string", "minLength": 3, "maxLength": 5},
        "when": {"type": ["string", "null"], "format": "date-time"},
        "kind": {"enum": ["news", "opinion"]},
        "version": {"const": "1.0.0"},
        "tags": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"type": "string"}},
        "count": {"type": "integer", "minimum": 0, "exclusiveMaximum": 10},
        "a/b~c": {"type": "string"},
        "either": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
        "never": False,
    },
}
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def messages(record: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (issue.keyword or "", issue.pointer or "", issue.message)
        for error in VALIDATOR.iter_errors(record)
        for issue in describe(error)
    ]


BASE = {"title": "T", "text": "body"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"title": None}, ("type", "/title", "expected string, got null")),
        ({"title": ""}, ("minLength", "/title", "must not be empty")),
        ({"text": "ab"}, ("minLength", "/text", "is shorter than 3 characters (2)")),
        ({"text": "abcdef"}, ("maxLength", "/text", "is longer than 5 characters (6)")),
        ({"when": "2023-13-45"}, ("format", "/when", '"2023-13-45" is not a valid date-time')),
        ({"when": 5}, ("type", "/when", "expected string or null, got integer")),
        ({"kind": "blog"}, ("enum", "/kind", '"blog" is not one of "news", "opinion"')),
        ({"version": "2"}, ("const", "/version", 'must be "1.0.0", not "2"')),
        ({"tags": []}, ("minItems", "/tags", "needs at least 1 item, has 0")),
        ({"tags": ["a", "a"]}, ("uniqueItems", "/tags", "has duplicate items")),
        ({"tags": ["a", 3]}, ("type", "/tags/1", "expected string, got integer")),
        ({"count": -1}, ("minimum", "/count", "-1 is less than the minimum 0")),
        ({"count": 10}, ("exclusiveMaximum", "/count", "10 must be less than 10")),
        ({"count": 1.5}, ("type", "/count", "expected integer, got number")),
        ({"a/b~c": 1}, ("type", "/a~1b~0c", "expected string, got integer")),
        ({"either": 1.5}, ("oneOf", "/either", "1.5 matches none of the allowed alternatives")),
    ],
)
def test_each_keyword_reads_as_a_sentence(change: dict[str, Any], expected: tuple[str, str, str]) -> None:
    assert messages({**BASE, **change}) == [expected]


def test_a_false_schema_says_no_value_is_allowed() -> None:
    """(python-jsonschema does not record the path of a false-schema error, so only the words are checked.)"""
    assert [(keyword, message) for keyword, _, message in messages({**BASE, "never": 1})] == [
        ("false", "no value is allowed here")
    ]


def test_missing_properties_each_get_their_own_error() -> None:
    assert messages({}) == [
        ("required", "", 'missing required property "title"'),
        ("required", "", 'missing required property "text"'),
    ]


def test_each_unexpected_property_is_named_and_pointed_at() -> None:
    assert messages({**BASE, "author": "X", "year": 1}) == [
        ("additionalProperties", "/author", 'unexpected property "author"'),
        ("additionalProperties", "/year", 'unexpected property "year"'),
    ]


def test_long_values_are_cut_short() -> None:
    shown = render("x" * 1000)
    assert len(shown) == 60 and shown.endswith("…")


def test_pointers_escape_tilde_and_slash() -> None:
    assert pointer_to(["a/b", "c~d", 0]) == "/a~1b/c~0d/0"
    assert pointer_to([]) == ""
