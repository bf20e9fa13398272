"""Loading taxonomies: the packaged default, users' own files, and the clear errors for broken ones."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from flows.core.issues import compile_matcher
from flows.io.taxonomy import TaxonomyError, load_taxonomy, read_taxonomy_json, schema_problems

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "schemas" / "examples" / "taxonomy.v1"
PHOENIX = ROOT / ".." / "shared" / "reference" / "phoenix"
REQUIRED_CATEGORIES = {
    "diplomacy", "security", "territory", "sanctions", "technology", "trade", "prices", "currency", "energy", "food",
    "environment", "health", "labour", "migration", "human_rights", "press", "crime", "elections", "disasters",
    "finance", "politics", "justice", "terrorism", "protests", "education", "science", "sport", "transport",
    "society", "culture",
}  # fmt: skip
# Where each invalid example must be reported: its file name says the rule, this says the JSON pointer.
INVALID_POINTERS = {
    "bad-category-id": "/categories/0/id",
    "bad-taxonomy-version": "/taxonomy_version",
    "duplicate-exclusions": "/issues/0/exclusions",
    "empty-patterns": "/issues/0/patterns",
    "extra-issue-property": "/issues/0",
    "extra-property": "/",
    "lowercase-issue-code": "/issues/0/code",
    "missing-phoenix": "/issues/0",
    "missing-taxonomy-version": "/",
    "no-categories": "/categories",
    "pattern-with-inner-star": "/issues/0/patterns/0",
    "uppercase-pattern": "/issues/0/patterns/1",
}


def test_default_taxonomy_loads_and_is_large_enough() -> None:
    taxonomy = load_taxonomy()
    assert taxonomy.version == "1.1.0"
    assert len(taxonomy.issues) >= 140
    assert {c.id for c in taxonomy.categories} >= REQUIRED_CATEGORIES
    assert {i.category for i in taxonomy.issues} == {c.id for c in taxonomy.categories}
    assert "Phoenix" in taxonomy.license_notes and "LICENSE-phoenix.txt" in taxonomy.license_notes


def test_default_taxonomy_validates_against_the_schema() -> None:
    assert schema_problems(read_taxonomy_json()) == []


def test_default_definitions_are_single_sentences() -> None:
    for issue in load_taxonomy().issues:
        assert issue.definition.endswith("."), issue.code
        assert not re.search(r"\.\s+[A-Z]", issue.definition), issue.code


@pytest.mark.parametrize("path", sorted((EXAMPLES / "valid").glob("*.json")), ids=lambda p: p.stem)
def test_valid_examples_load(path: Path) -> None:
    taxonomy = load_taxonomy(path)
    assert compile_matcher(taxonomy).codes == tuple(i.code for i in taxonomy.issues)


def test_every_invalid_example_has_a_stated_pointer() -> None:
    assert {p.stem for p in (EXAMPLES / "invalid").glob("*.json")} == set(INVALID_POINTERS)


@pytest.mark.parametrize("name", sorted(INVALID_POINTERS))
def test_invalid_examples_are_rejected_at_the_pointer_their_rule_names(name: str) -> None:
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(EXAMPLES / "invalid" / f"{name}.json")
    assert [p.split(": ", 1)[0] for p in caught.value.problems] == [INVALID_POINTERS[name]]
    assert str(EXAMPLES / "invalid" / f"{name}.json") in str(caught.value)


def test_semantic_rules_are_checked_with_pointers(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "valid" / "tiny-custom.json").read_text(encoding="utf-8"))
    data["issues"][1]["code"] = "FUEL_PRICES"
    data["issues"][1]["category"] = "weather"
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(path)
    problems = caught.value.problems
    assert len(problems) == 2
    assert problems[0].startswith("/issues: ") and "FUEL_PRICES" in problems[0]
    assert problems[1].startswith("/issues/1/category: ") and "weather" in problems[1]
    assert all(f"  - {p}" in str(caught.value) for p in problems)


def test_every_schema_problem_is_listed(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "valid" / "tiny-custom.json").read_text(encoding="utf-8"))
    data["taxonomy_version"] = "one"
    data["issues"][0]["patterns"].append("Bad Pattern")
    del data["issues"][1]["definition"]
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TaxonomyError) as caught:
        load_taxonomy(path)
    pointers = sorted(p.split(": ", 1)[0] for p in caught.value.problems)
    assert pointers == ["/issues/0/patterns/4", "/issues/1", "/taxonomy_version"]


def test_a_file_that_is_not_json_is_a_taxonomy_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="not JSON"):
        load_taxonomy(path)


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="../shared/reference/phoenix is not available")
def test_phoenix_crosswalk_names_real_phoenix_codes() -> None:
    coding = (PHOENIX / "Phoenix.IssueCoding.txt").read_text(encoding="utf-8", errors="replace")
    known = set(re.findall(r"\[([A-Z0-9_+-]+)\]", coding))
    used = {code for issue in load_taxonomy().issues for code in issue.phoenix}
    assert used and used <= known, used - known


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="../shared/reference/phoenix is not available")
def test_phoenix_licence_travels_with_the_derived_data() -> None:
    shipped = ROOT / "flows" / "reference" / "LICENSE-phoenix.txt"
    assert shipped.read_bytes() == (PHOENIX / "LICENSE").read_bytes()
