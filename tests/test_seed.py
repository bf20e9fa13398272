"""The seed article against ../shared/seeds/expected.json: structure, boilerplate, every actor and issue."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flows.core.article import Article, RunContext, Source, article_from_bytes, sha256_hex
from flows.core.derive import derive_rows
from flows.core.scoring import normalise_surface, surfaces_meet, types_of
from flows.io.extractors import load_extractors

CONTEXT = RunContext("20261128T120000Z-abc123", datetime(2026, 11, 28, 12, tzinfo=UTC))


@pytest.fixture(scope="module")
def seed(seed_bytes: bytes) -> tuple[Article, dict]:
    article = article_from_bytes(seed_bytes, Source("seeds/seed.txt", sha256_hex(seed_bytes)), CONTEXT)
    assert isinstance(article, Article)
    return article, derive_rows(article, load_extractors())


def test_no_boilerplate_is_left(seed: tuple[Article, dict], seed_expected: dict) -> None:
    article, _ = seed
    for fragment in seed_expected["boilerplate"]:
        assert fragment not in article.text


def actor_for(rows: list[dict], surface: str) -> dict | None:
    wanted = normalise_surface(surface)
    return next((r for r in rows if wanted in map(normalise_surface, r["surfaces"])), None)


def test_every_expected_actor_is_found_with_type_and_country(seed: tuple[Article, dict], seed_expected: dict) -> None:
    article, tables = seed
    for expected in seed_expected["actors"]:
        found = actor_for(tables["actors"], expected["name"]) or actor_for(tables["actors"], expected["match"][0])
        assert found is not None, expected["name"]
        assert found["type"] in types_of(expected), (expected["name"], found["type"])
        assert found["country_code"] == expected["country"], (expected["name"], found["country_code"])
        # A listed form may sit inside a longer surface ("Kritenbrink" in the full name) or not occur at all ("USA").
        for surface in (m for m in expected["match"] if m in article.text):
            assert any(surfaces_meet(surface, s) for s in found["surfaces"]), (expected["name"], surface)


def test_headline_fragments_are_not_actors(seed: tuple[Article, dict]) -> None:
    _, tables = seed
    surfaces = {s for row in tables["actors"] for s in row["surfaces"]}
    assert not surfaces & {"Clashing Agendas", "Diplomatic Progress", "Show Up", "Seeking Diplomatic Progress"}
    assert all(row["type"] != "place" for row in tables["actors"] if "Blinken" in row["surfaces"])


def test_every_expected_issue_is_found(seed: tuple[Article, dict], seed_expected: dict) -> None:
    _, tables = seed
    issue_text = [m["text"].lower() for m in tables["mentions"] if m["kind"] == "issue"]
    for expected in seed_expected["issues"]:
        keywords = [k.lower() for k in expected["keywords"]]
        assert any(k in t or t in k for k in keywords for t in issue_text), expected["label"]


def test_who_raises_what(seed: tuple[Article, dict]) -> None:
    _, tables = seed
    raised = {(row["issue_id"], actor) for row in tables["issues"] for actor in row["raised_by"]}
    mentions = {m["text"].lower(): m["ref_id"] for m in tables["mentions"] if m["kind"] == "issue"}
    assert ("USA" in {a for i, a in raised if i == mentions["fentanyl"]})
    assert ("CHN" in {a for i, a in raised if i == mentions["taiwan"]})
