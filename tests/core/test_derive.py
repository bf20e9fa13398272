"""Row builders of the derived tables."""

from __future__ import annotations

from flows.core.article import Article
from flows.core.derive import actor_rows, mention_rows
from flows.core.model import Actor, IssueHit, Sentence, Span

TEXT = "Iran and Iran's allies discussed sanctions."


def article() -> Article:
    record: dict[str, object] = {"article_id": "a1", "text": TEXT, "run_id": "r1"}
    return Article(record, [Sentence(0, 0, len(TEXT), "body", 0, 0, None)])


def test_mentions_are_ordered_by_start_end_kind_then_reference() -> None:
    iran = Actor("c-irn", "Iran", "country", "IRN", mentions=[Span(9, 13, 0), Span(0, 4, 0)])
    iran_allies = Actor("g-allies", "Iran's allies", "group", None, mentions=[Span(9, 22, 0)])
    hits = [IssueHit("SANCTIONS", Span(33, 42, 0)), IssueHit("ALLIANCE", Span(9, 22, 0))]
    rows = mention_rows(article(), [iran_allies, iran], hits)
    assert [(row["char_start"], row["char_end"], row["kind"], row["ref_id"]) for row in rows] == [
        (0, 4, "actor", "c-irn"),
        (9, 13, "actor", "c-irn"),
        (9, 22, "actor", "g-allies"),
        (9, 22, "issue", "ALLIANCE"),
        (33, 42, "issue", "SANCTIONS"),
    ]
    assert [row["text"] for row in rows] == ["Iran", "Iran", "Iran's allies", "Iran's allies", "sanctions"]
    assert {(row["article_id"], row["run_id"], row["sentence_index"]) for row in rows} == {("a1", "r1", 0)}


def test_actor_surfaces_are_distinct_in_order_of_first_use() -> None:
    iran = Actor("c-irn", "Iran", "country", "IRN", mentions=[Span(9, 13, 0), Span(0, 4, 0), Span(9, 15, 0)])
    [row] = actor_rows(article(), [iran])
    assert row["surfaces"] == ["Iran", "Iran's"]
    assert row["mention_count"] == 3
