"""The feed-item and validation-report examples: valid ones pass, each invalid one breaks the rule it is named after.

(tests/schemas/test_examples.py checks the record schemas' examples the same way; these two schemas are not
records of the pipeline's tables, so their expectations live here, beside the validator that publishes them.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.io.schemas import validator_for

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"
EXPECTED_FAILURES: dict[tuple[str, str], tuple[str, str]] = {
    ("feed-item", "missing-title"): ("required", "$"),
    ("feed-item", "missing-text"): ("required", "$"),
    ("feed-item", "empty-text"): ("minLength", "$.text"),
    ("feed-item", "extra-property"): ("additionalProperties", "$"),
    ("feed-item", "bad-published-at-format"): ("format", "$.published_at"),
    ("feed-item", "relative-url"): ("format", "$.url"),
    ("feed-item", "uppercase-language"): ("pattern", "$.language"),
    ("feed-item", "empty-source-id"): ("minLength", "$.source_id"),
    ("validation-report", "missing-totals"): ("required", "$"),
    ("validation-report", "unknown-file-status"): ("enum", "$.files[0].status"),
    ("validation-report", "negative-record-count"): ("minimum", "$.totals.records"),
    ("validation-report", "unknown-error-code"): ("enum", "$.errors[0].code"),
    ("validation-report", "pointer-without-slash"): ("pattern", "$.errors[0].pointer"),
    ("validation-report", "extra-property"): ("additionalProperties", "$"),
    ("validation-report", "extra-error-property"): ("additionalProperties", "$.errors[0]"),
    ("validation-report", "unknown-exit-code"): ("enum", "$.exit_code"),
}
NAMES = ("feed-item", "validation-report")


def examples(kind: str) -> list[tuple[str, Path]]:
    return [(name, path) for name in NAMES for path in sorted((EXAMPLES / f"{name}.v1" / kind).glob("*.json"))]


def test_every_invalid_example_has_a_stated_failure_and_each_schema_enough_examples() -> None:
    assert {(name, path.stem) for name, path in examples("invalid")} == set(EXPECTED_FAILURES)
    for name in NAMES:
        assert len([path for owner, path in examples("valid") if owner == name]) >= 2


@pytest.mark.parametrize(("name", "path"), examples("valid"), ids=lambda value: getattr(value, "name", value))
def test_valid_example_validates(name: str, path: Path) -> None:
    errors = [error.message for error in validator_for(name).iter_errors(json.loads(path.read_text("utf-8")))]
    assert errors == []


@pytest.mark.parametrize(("name", "path"), examples("invalid"), ids=lambda value: getattr(value, "name", value))
def test_invalid_example_fails_on_the_rule_its_name_says(name: str, path: Path) -> None:
    errors = list(validator_for(name).iter_errors(json.loads(path.read_text("utf-8"))))
    assert [(error.validator, error.json_path) for error in errors] == [EXPECTED_FAILURES[(name, path.stem)]]
