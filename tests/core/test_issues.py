"""The issue matcher: pattern syntax, spans, collapsing, exclusions, order, and the seed article's issues."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.core.compose import sentences_of
from flows.core.issues import (
    IssueDefinition,
    Taxonomy,
    compile_matcher,
    find_issue_hits,
    fold_text,
    normalise_pattern,
    taxonomy_from_dict,
    taxonomy_problems,
)
from flows.core.model import Sentence
from flows.io.taxonomy import load_taxonomy

SHARED_SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def tiny(*issues: tuple[str, list[str], list[str]]) -> Taxonomy:
    return taxonomy_from_dict(
        {
            "taxonomy_version": "0.0.1",
            "categories": [{"id": "test", "label": "Test"}],
            "issues": [
                {
                    "code": code,
                    "label": code,
                    "category": "test",
                    "definition": "A test issue.",
                    "patterns": patterns,
                    "exclusions": exclusions,
                    "phoenix": [],
                }
                for code, patterns, exclusions in issues
            ],
        }
    )


def one_sentence(text: str) -> list[Sentence]:
    return [Sentence(0, 0, len(text), "body", 0, 0, None)]


def surfaces(text: str, taxonomy: Taxonomy) -> list[tuple[str, str]]:
    hits = find_issue_hits(text, one_sentence(text), compile_matcher(taxonomy))
    return [(h.issue_id, text[h.span.char_start : h.span.char_end]) for h in hits]


@pytest.fixture(scope="module")
def default_matcher():
    return compile_matcher(load_taxonomy())


def test_taxonomy_from_dict_keeps_every_field() -> None:
    taxonomy = tiny(("A_B", ["x y", "z*"], ["x y z"]))
    assert taxonomy.version == "0.0.1"
    assert taxonomy.issue("A_B") == IssueDefinition(
        "A_B", "A_B", "test", "A test issue.", ("x y", "z*"), ("x y z",), ()
    )
    with pytest.raises(KeyError):
        taxonomy.issue("NOPE")


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("sanction*", "New SANCTIONS were announced.", "SANCTIONS"),
        ("sanction*", "They sanctioned it.", "sanctioned"),
        ("journalist visa", "More journalist visas, please.", "journalist visas"),
        ("military base", "two military bases abroad", "military bases"),
        ("subsidy", "farm subsidies rose", "subsidies"),
        ("tax", "new taxes", "taxes"),
        ("people-to-people", "people to people exchanges", "people to people"),
        ("people to people", "people-to-people exchanges", "people-to-people"),
        ("de-escalate", "moves to de\u2011escalate tension", "de\u2011escalate"),
        ("climate change", "Climate\nchange is here", "Climate\nchange"),
        ("women's rights", "women\u2019s rights groups", "women\u2019s rights"),
    ],
)
def test_pattern_syntax_matches(pattern: str, text: str, found: str) -> None:
    assert surfaces(text, tiny(("I", [pattern], []))) == [("I", found)]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("war", "They walked forward toward the wares."),  # inside words, and no "-es" plural after a plain r
        ("oil", "Turmoil and toil."),
        ("chip", "They ate chipotle."),
        ("sanction*", "A sanctuary."),
        ("journalist visa", "journalist visitors"),
        ("climate change", "climate  changes"),  # two spaces are not one
    ],
)
def test_pattern_syntax_does_not_match(pattern: str, text: str) -> None:
    assert surfaces(text, tiny(("I", [pattern], []))) == []


def test_spans_point_at_the_original_surface_with_its_case(default_matcher) -> None:
    text = "TARIFFS rose. Officials discussed Climate Change and the Trade War in Geneva."
    sentences = [Sentence(0, 0, 13, "body", 0, 0, None), Sentence(1, 14, len(text), "body", 0, 0, None)]
    hits = find_issue_hits(text, sentences, default_matcher)
    found = {(h.issue_id, text[h.span.char_start : h.span.char_end], h.span.sentence_index) for h in hits}
    assert {
        ("TARIFFS", "TARIFFS", 0),
        ("CLIMATE_CHANGE", "Climate Change", 1),
        ("TRADE_DISPUTES", "Trade War", 1),
    } <= found


def test_overlapping_hits_of_one_issue_collapse_to_the_longest() -> None:
    taxonomy = tiny(("DET", ["detained", "wrongfully detained", "detained citizen"], []))
    assert surfaces("two wrongfully detained citizens", taxonomy) == [("DET", "wrongfully detained")]


def test_different_issues_may_overlap() -> None:
    taxonomy = tiny(("DRUGS", ["drug trafficking"], []), ("TRAFFIC", ["trafficking"], []))
    assert surfaces("drug trafficking", taxonomy) == [("DRUGS", "drug trafficking"), ("TRAFFIC", "trafficking")]


def test_exclusions_suppress_only_their_own_issue() -> None:
    taxonomy = tiny(("EDU", ["head", "start"], ["head start"]), ("GO", ["start"], []))
    assert surfaces("a head start, then a new start", taxonomy) == [
        ("GO", "start"),
        ("EDU", "start"),
        ("GO", "start"),
    ]


def test_order_is_by_start_then_code() -> None:
    taxonomy = tiny(("ZED", ["oil"], []), ("ALPHA", ["oil price"], []), ("MID", ["price"], []))
    assert [code for code, _ in surfaces("oil prices", taxonomy)] == ["ALPHA", "ZED", "MID"]


def test_hits_outside_every_sentence_are_dropped() -> None:
    text = "sanctions here. sanctions there"
    hits = find_issue_hits(
        text, [Sentence(0, 16, len(text), "body", 0, 0, None)], compile_matcher(tiny(("S", ["sanction*"], [])))
    )
    assert [(h.span.char_start, h.span.sentence_index) for h in hits] == [(16, 0)]


def test_fold_text_keeps_length_even_for_characters_that_lowercase_to_two() -> None:
    text = "İstanbul-based Ünal"
    assert len(fold_text(text)) == len(text)
    assert fold_text("People-To-People") == "people to people"


def test_normalise_pattern() -> None:
    assert normalise_pattern("  People-to-People  exchange ") == "people to people exchange"


def test_taxonomy_problems_finds_what_the_schema_cannot() -> None:
    data = {
        "categories": [{"id": "a", "label": "A"}, {"id": "a", "label": "A again"}],
        "issues": [
            {"code": "X", "category": "a", "patterns": ["ok"], "exclusions": []},
            {"code": "X", "category": "b", "patterns": ["*"], "exclusions": []},
        ],
    }
    problems = taxonomy_problems(data)
    assert any(p.startswith("/categories:") and "'a'" in p for p in problems)
    assert any(p.startswith("/issues:") and "'X'" in p for p in problems)
    assert any(p.startswith("/issues/1/category:") for p in problems)
    assert any(p.startswith("/issues/1/patterns/0:") for p in problems)
    assert len(problems) == 4


WORDS = ["oil", "prices", "war", "trade", "tariffs", "detained", "the", "and", "Oil", "TRADE", "warm", "-", " ", "\n"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_hits_are_sorted_inside_their_sentence_and_case_blind(words: list[str]) -> None:
    text = " ".join(words)
    taxonomy = tiny(("OIL", ["oil", "oil price"], []), ("WAR", ["war", "trade war"], []), ("T", ["tariff*"], []))
    matcher = compile_matcher(taxonomy)
    middle = len(text) // 2
    sentences = [Sentence(0, 0, middle, "body", 0, 0, None), Sentence(1, middle, len(text), "body", 0, 0, None)]
    hits = find_issue_hits(text, sentences, matcher)
    assert hits == sorted(hits, key=lambda h: (h.span.char_start, h.issue_id))
    for hit in hits:
        sentence = sentences[hit.span.sentence_index]
        assert sentence.char_start <= hit.span.char_start < hit.span.char_end <= sentence.char_end
        assert re.fullmatch(r"[\w' \n-]+", text[hit.span.char_start : hit.span.char_end])
    upper = find_issue_hits(text.upper(), sentences, matcher)
    assert upper == hits


def test_default_taxonomy_compiles_every_pattern(default_matcher) -> None:
    assert len(default_matcher.codes) >= 90


@pytest.mark.skipif(not (SHARED_SEEDS / "expected.json").is_file(), reason="../shared/seeds is not available")
def test_every_expected_issue_of_the_seed_is_found(default_matcher) -> None:
    expected = json.loads((SHARED_SEEDS / "expected.json").read_text(encoding="utf-8"))
    (name,) = [key for key in expected if not key.startswith("_")]
    text, sentences = sentences_of((SHARED_SEEDS / name).read_text(encoding="utf-8"))
    covered = [
        text[h.span.char_start : h.span.char_end].lower() for h in find_issue_hits(text, sentences, default_matcher)
    ]
    missing = [
        issue["label"]
        for issue in expected[name]["issues"]
        if not any(keyword.lower() in span for keyword in issue["keywords"] for span in covered)
    ]
    assert missing == []
