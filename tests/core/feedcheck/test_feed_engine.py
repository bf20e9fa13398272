"""The fast engine agrees with python-jsonschema on every published example and on generated and hostile records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema_rs  # noqa: F401  (a declared dependency: a broken install must fail, not skip)
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.core.feedcheck.engine import MAX_ERRORS_PER_RECORD, RecordChecker
from flows.io.schemas import load_schemas

EXAMPLES = Path(__file__).resolve().parents[3] / "schemas" / "examples"
SCHEMAS = load_schemas()
RECORD_SCHEMAS = sorted(name for name in SCHEMAS if name != "common.v1")


def checker_for(name: str) -> RecordChecker:
    return RecordChecker(SCHEMAS[name], SCHEMAS)


CHECKERS = {name: checker_for(name) for name in RECORD_SCHEMAS}


def example_cases() -> list[tuple[str, Path]]:
    return [(name, path) for name in RECORD_SCHEMAS for path in sorted((EXAMPLES / name).glob("*/*.json"))]


def agree(checker: RecordChecker, value: Any) -> tuple[bool, bool]:
    return bool(checker.fast.is_valid(value)), checker.reference.is_valid(value)


def assert_sound(checker: RecordChecker, value: Any) -> None:
    """The fast engine never passes what the reference fails, and the checker's verdict is the reference's.

    (The fast engine may fail what the reference passes, e.g. a pattern's `$` before a final newline, which Python
    accepts: the reference then overrules it.)
    """
    fast, reference = agree(checker, value)
    assert reference or not fast
    assert (not checker.issues(value)) == reference


@pytest.mark.parametrize(("name", "path"), example_cases(), ids=lambda v: getattr(v, "name", v))
def test_both_engines_agree_on_every_published_example(name: str, path: Path) -> None:
    fast, reference = agree(CHECKERS[name], json.loads(path.read_text("utf-8")))
    assert fast == reference == (path.parent.name == "valid")


DATE_TIME_LIKE = (
    r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ]"
    r"[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})?\Z"
)
FEED_VALUES = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(max_size=6),
    st.from_regex(DATE_TIME_LIKE),
    st.from_regex(r"\A([a-z][a-z0-9+.-]*:)?(//[a-z0-9.%-]*(:[0-9]*)?)?(/[a-z0-9%:@ ]*)*(\?[a-z=&%]*)?(#.*)?\Z"),
    st.from_regex(r"\A[a-zA-Z]{1,4}\n?\Z"),
    st.lists(st.text(max_size=3), max_size=2),
)
FEED_KEYS = st.sampled_from(["title", "text", "subtitle", "published_at", "url", "language", "source_id", "extra"])


@settings(max_examples=250)
@given(st.dictionaries(FEED_KEYS, FEED_VALUES, max_size=8))
def test_verdicts_are_the_references_on_generated_feed_items(record: dict[str, Any]) -> None:
    assert_sound(CHECKERS["feed-item.v1"], record)


@pytest.mark.parametrize(
    "value",
    [
        {"title": "A", "text": "B", "published_at": "2023-06-18T23:59:60Z"},
        {"title": "A", "text": "B", "published_at": "2023-06-18T02:47:00Z\n"},
        {"title": "A", "text": "B", "language": "en\n"},
        {"title": "A", "text": "B", "source_id": 10**40},
        {"title": "A", "text": "B", "url": "http://[::1]:80/x"},
        {"title": "\ud800", "text": "B"},
        [[[[[[[[[[[]]]]]]]]]]],
        "just a string",
    ],
)
def test_verdicts_are_the_references_on_awkward_values(value: Any) -> None:
    assert_sound(CHECKERS["feed-item.v1"], value)


def test_an_infinite_number_is_judged_by_the_reference() -> None:
    issues = CHECKERS["feed-item.v1"].issues({"title": float("inf"), "text": "B"})
    assert [(issue.keyword, issue.pointer) for issue in issues] == [("type", "/title")]


def test_errors_per_record_are_capped_with_a_final_note() -> None:
    checker = RecordChecker({"type": "array", "items": {"type": "string"}}, SCHEMAS)
    issues = checker.issues(list(range(MAX_ERRORS_PER_RECORD + 10)))
    assert len(issues) == MAX_ERRORS_PER_RECORD + 1
    assert issues[-1].code == "more_errors"


def test_the_reference_alone_gives_the_same_issues() -> None:
    record = {"title": "", "text": "B", "url": "not a uri", "author": "X"}
    with_fast, reference_only = CHECKERS["feed-item.v1"], RecordChecker(SCHEMAS["feed-item.v1"], SCHEMAS, fast=False)
    assert reference_only.fast is None
    assert with_fast.issues(record) == reference_only.issues(record)
    assert not reference_only.issues({"title": "A", "text": "B"})
