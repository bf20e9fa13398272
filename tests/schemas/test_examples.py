"""Published examples: each valid one validates, each invalid one fails on exactly the rule its file name names."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "schemas" / "examples"
RECORD_NAMES = (
    "article",
    "sentence",
    "actor",
    "issue",
    "mention",
    "link",
    "run-report",
    "registry",
)


class Breaks(NamedTuple):
    """The one error an invalid example must raise: its keyword, where it points, and a word its message names."""

    keyword: str
    json_path: str
    names: str = ""


EXPECTED_FAILURES: dict[tuple[str, str], Breaks] = {
    ("article", "missing-title"): Breaks("required", "$", "'title'"),
    ("article", "extra-property"): Breaks("additionalProperties", "$", "'author'"),
    ("article", "bad-published-at-format"): Breaks("format", "$.published_at", "date-time"),
    ("article", "unknown-encoding"): Breaks("enum", "$.encoding"),
    ("article", "section-without-paragraphs"): Breaks("minItems", "$.sections[1].paragraphs"),
    ("article", "extra-section-property"): Breaks("additionalProperties", "$.sections[0]", "'level'"),
    ("article", "zero-word-count"): Breaks("minimum", "$.word_count"),
    ("article", "uppercase-article-id"): Breaks("pattern", "$.article_id"),
    ("article", "wrong-schema-version"): Breaks("const", "$.schema_version"),
    ("article", "short-source-sha256"): Breaks("pattern", "$.source_sha256"),
    ("sentence", "missing-text"): Breaks("required", "$", "'text'"),
    ("sentence", "negative-char-start"): Breaks("minimum", "$.char_start"),
    ("sentence", "unknown-kind"): Breaks("enum", "$.kind"),
    ("sentence", "body-without-paragraph-index"): Breaks("type", "$.paragraph_index", "'integer'"),
    ("sentence", "heading-with-paragraph-index"): Breaks("type", "$.paragraph_index", "'null'"),
    ("sentence", "bad-run-id"): Breaks("pattern", "$.run_id"),
    ("sentence", "extra-property"): Breaks("additionalProperties", "$", "'tokens'"),
    ("actor", "missing-surfaces"): Breaks("required", "$", "'surfaces'"),
    ("actor", "empty-surfaces"): Breaks("minItems", "$.surfaces"),
    ("actor", "duplicate-surfaces"): Breaks("uniqueItems", "$.surfaces"),
    ("actor", "lowercase-country-code"): Breaks("pattern", "$.country_code"),
    ("actor", "bad-actor-id"): Breaks("pattern", "$.actor_id"),
    ("actor", "zero-mention-count"): Breaks("minimum", "$.mention_count"),
    ("actor", "unknown-type"): Breaks("enum", "$.type"),
    ("actor", "extra-property"): Breaks("additionalProperties", "$", "'wikidata'"),
    ("issue", "missing-raised-by"): Breaks("required", "$", "'raised_by'"),
    ("issue", "empty-sentence-indexes"): Breaks("minItems", "$.sentence_indexes"),
    ("issue", "duplicate-sentence-indexes"): Breaks("uniqueItems", "$.sentence_indexes"),
    ("issue", "lowercase-issue-id"): Breaks("pattern", "$.issue_id"),
    ("issue", "bad-raised-by-actor-id"): Breaks("pattern", "$.raised_by[0]"),
    ("issue", "extra-property"): Breaks("additionalProperties", "$", "'score'"),
    ("mention", "negative-char-start"): Breaks("minimum", "$.char_start"),
    ("mention", "unknown-kind"): Breaks("enum", "$.kind"),
    ("mention", "actor-ref-id-not-an-actor-id"): Breaks("pattern", "$.ref_id", "[a-z]+:"),
    ("mention", "issue-ref-id-not-an-issue-id"): Breaks("pattern", "$.ref_id", "^[A-Z][A-Z0-9_]*$"),
    ("mention", "empty-text"): Breaks("minLength", "$.text"),
    ("mention", "missing-sentence-index"): Breaks("required", "$", "'sentence_index'"),
    ("mention", "extra-property"): Breaks("additionalProperties", "$", "'confidence'"),
    ("link", "unknown-relation"): Breaks("enum", "$.relation"),
    ("link", "missing-issue-id"): Breaks("required", "$", "'issue_id'"),
    ("link", "bad-actor-id"): Breaks("pattern", "$.actor_id"),
    ("link", "negative-sentence-index"): Breaks("minimum", "$.sentence_index"),
    ("link", "extra-property"): Breaks("additionalProperties", "$", "'weight'"),
    ("run-report", "missing-counts"): Breaks("required", "$", "'counts'"),
    ("run-report", "bad-started-at-format"): Breaks("format", "$.started_at", "date-time"),
    ("run-report", "unknown-table"): Breaks("enum", "$.tables", "'events'"),
    ("run-report", "negative-table-rows"): Breaks("minimum", "$.tables.articles"),
    ("run-report", "extra-counts-property"): Breaks("additionalProperties", "$.counts", "'skipped'"),
    ("run-report", "bad-rejection-code"): Breaks("pattern", "$.rejected[0].code"),
    ("run-report", "wrong-schema-version"): Breaks("const", "$.schema_version"),
    ("run-report", "extra-property"): Breaks("additionalProperties", "$", "'host'"),
    ("registry", "missing-aliases"): Breaks("required", "$", "'aliases'"),
    ("registry", "empty-aliases"): Breaks("minItems", "$.aliases"),
    ("registry", "zero-article-count"): Breaks("minimum", "$.article_count"),
    ("registry", "bad-last-seen-format"): Breaks("format", "$.last_seen", "date-time"),
    ("registry", "lowercase-sector"): Breaks("pattern", "$.sector"),
    ("registry", "extra-property"): Breaks("additionalProperties", "$", "'wikidata'"),
}


def example_paths(kind: str) -> list[tuple[str, Path]]:
    return [
        (name, path) for name in RECORD_NAMES for path in sorted((EXAMPLE_DIR / f"{name}.v1" / kind).glob("*.json"))
    ]


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def valid_records(name: str) -> list[dict[str, Any]]:
    return [read_json(path) for path in sorted((EXAMPLE_DIR / f"{name}.v1" / "valid").glob("*.json"))]


VALID = example_paths("valid")
INVALID = example_paths("invalid")


@pytest.mark.parametrize("name", RECORD_NAMES)
def test_each_record_type_has_enough_examples(name: str) -> None:
    assert len([path for owner, path in VALID if owner == name]) >= 2
    assert len([path for owner, path in INVALID if owner == name]) >= 3


def test_every_invalid_example_has_a_stated_failure_and_every_stated_failure_a_file() -> None:
    assert {(name, path.stem) for name, path in INVALID} == set(EXPECTED_FAILURES)


@pytest.mark.parametrize(("name", "path"), VALID, ids=lambda value: getattr(value, "name", value))
def test_valid_example_validates(name: str, path: Path, validators: dict[str, Draft202012Validator]) -> None:
    errors = [error.message for error in validators[name].iter_errors(read_json(path))]
    assert errors == []


@pytest.mark.parametrize(("name", "path"), INVALID, ids=lambda value: getattr(value, "name", value))
def test_invalid_example_fails_on_the_rule_its_name_says(
    name: str, path: Path, validators: dict[str, Draft202012Validator]
) -> None:
    expected = EXPECTED_FAILURES[(name, path.stem)]
    errors = list(validators[name].iter_errors(read_json(path)))
    assert len(errors) == 1, [error.message for error in errors]
    error = errors[0]
    assert (error.validator, error.json_path) == (expected.keyword, expected.json_path)
    assert expected.names in error.message


def test_malformed_date_time_is_rejected_only_because_formats_are_checked(
    schemas: dict[str, Any],
    registry: Registry,
    validators: dict[str, Draft202012Validator],
) -> None:
    article = copy.deepcopy(valid_records("article")[0])
    article["published_at"] = "2023-13-45T99:00:00Z"
    without_formats = Draft202012Validator(schemas["article"], registry=registry)
    assert without_formats.is_valid(article)
    assert not validators["article"].is_valid(article)


@pytest.mark.parametrize("moment", ["2023-06-18", "2023-06-18T02:47:00", "2023-06-18 02:47:00Z", "yesterday"])
def test_date_times_need_a_full_rfc3339_stamp(moment: str, validators: dict[str, Draft202012Validator]) -> None:
    article = copy.deepcopy(valid_records("article")[0])
    article["published_at"] = moment
    assert not validators["article"].is_valid(article)


def test_sentence_and_mention_examples_point_into_their_article_text() -> None:
    texts = {article["article_id"]: article["text"] for article in valid_records("article")}
    located = valid_records("sentence") + valid_records("mention")
    assert all(record["article_id"] in texts for record in located)
    for record in located:
        assert texts[record["article_id"]][record["char_start"] : record["char_end"]] == record["text"]


def test_sentence_examples_agree_with_their_article_layout() -> None:
    articles = {article["article_id"]: article for article in valid_records("article")}
    for sentence in valid_records("sentence"):
        section = articles[sentence["article_id"]]["sections"][sentence["section_index"]]
        assert sentence["heading"] == section["heading"]
        if sentence["kind"] == "body":
            assert sentence["text"] in section["paragraphs"][sentence["paragraph_index"]]
