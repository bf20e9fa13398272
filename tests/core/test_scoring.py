"""Scoring extracted actors and issues against hand annotations."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flows.core.scoring import Counts, Score, has_issue_codes, score_document, surfaces_meet

GOLD = {
    "actors": [
        {"name": "Antony Blinken", "match": ["Blinken"], "type": "person", "country": "USA"},
        {"name": "China", "match": ["China"], "type": "country", "country": "CHN"},
        {"name": "Taliban", "match": ["Taliban"], "type": ["group", "organization"], "country": "AFG"},
    ],
    "issues": [],
    "also_ok": ["State Department"],
}


def row(name: str, kind: str, code: str | None, *surfaces: str) -> dict:
    return {"name": name, "type": kind, "country_code": code, "surfaces": list(surfaces) or [name]}


def test_counts_precision_recall_and_f1() -> None:
    counts = Counts(tp=8, fp=2, fn=8)
    assert (counts.precision, counts.recall) == (0.8, 0.5)
    assert abs(counts.f1 - 2 * 0.8 * 0.5 / 1.3) < 1e-12
    assert (Counts().precision, Counts().recall) == (1.0, 1.0)


@given(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50))
def test_f1_lies_between_zero_and_one(tp: int, fp: int, fn: int) -> None:
    assert 0.0 <= Counts(tp, fp, fn).f1 <= 1.0


def test_surfaces_meet_on_whole_words_only() -> None:
    assert surfaces_meet("Antony J. Blinken", "Blinken")
    assert surfaces_meet("the Kremlin", "Kremlin's")
    assert not surfaces_meet("Chinatown", "China")


def test_actors_found_missed_extra_and_their_type_and_country() -> None:
    predicted = [
        row("Antony J. Blinken", "person", "USA"),
        row("China", "country", "CHN"),
        row("State Department", "organization", "USA"),
        row("Clashing Agendas", "person", None),
    ]
    score = score_document(GOLD, predicted, [], Score())
    assert (score.actors.tp, score.actors.fp, score.actors.fn) == (2, 1, 1)
    assert score.misses == ["Taliban"] and score.extras == ["Clashing Agendas"]
    assert score.type_accuracy == 1.0 and score.country_accuracy == 1.0
    assert score.by_type["person"].tp == 1 and score.by_type["group"].fn == 1


def test_wrong_type_and_country_lower_the_accuracies() -> None:
    predicted = [row("Blinken", "place", "GBR"), row("China", "country", "CHN"), row("Taliban", "organization", None)]
    score = score_document(GOLD, predicted, [], Score())
    assert score.matched == 3
    assert score.type_right == 2 and score.country_right == 1


def test_issue_recall_falls_back_to_keywords_without_codes() -> None:
    gold = {"actors": [], "issues": [{"label": "tariffs", "keywords": ["tariff"]},
                                      {"label": "fentanyl", "keywords": ["fentanyl"]}]}
    assert not has_issue_codes(gold)
    score = score_document(gold, [], ["new tariffs"], Score(), ["TRD.TARIFF"])
    assert (score.issues.tp, score.issues.fn, score.issues_by_keyword) == (1, 1, 2)
    assert score.issue_ids.tp + score.issue_ids.fp == 0


def test_issue_codes_give_recall_precision_and_count_uncoded_issues() -> None:
    gold = {
        "actors": [],
        "issues": [
            {"label": "tariffs", "keywords": ["tariff"], "codes": ["TRD.TARIFF", "TRD.WAR"]},
            {"label": "fentanyl", "keywords": ["fentanyl"], "codes": ["CRM.DRUGS"]},
            {"label": "shark decline", "keywords": ["sharks"], "codes": []},
        ],
        "issue_codes_ok": ["ECO.GROWTH"],
    }
    score = score_document(gold, [], ["tariff"], Score(), ["TRD.WAR", "ECO.GROWTH", "HLT.COVID"])
    assert (score.issues.tp, score.issues.fn, score.issues_uncoded) == (1, 2, 1)
    assert (score.issue_ids.tp, score.issue_ids.fp) == (2, 1)
    assert "issue: shark decline (no code)" in score.misses and "issue: HLT.COVID" in score.extras
