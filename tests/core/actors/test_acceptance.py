"""The seed article and the packaged gazetteers: what a careful reader finds, and nothing a careful reader would
call wrong. The seed is read from ../shared at test time (never copied into the project)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows.core.actors import Lexicon, build_lexicon, extract_actors
from flows.core.compose import sentences_of
from flows.core.model import Actor
from flows.io import gazetteers

REPO = Path(__file__).resolve().parents[3]
SEEDS = REPO / ".." / "shared" / "seeds"
SEED_NAME = "000_0fa8b2d5397bbe8a.txt"


@pytest.fixture(scope="module")
def real_lexicon() -> Lexicon:
    return build_lexicon(gazetteers.load_lexicon_sources())


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Actor], dict]:
    if not (SEEDS / SEED_NAME).exists():
        pytest.skip("../shared/seeds is absent (shared material lives next to the repository)")
    lexicon = build_lexicon(gazetteers.load_lexicon_sources())
    text, sentences = sentences_of((SEEDS / SEED_NAME).read_text(encoding="utf-8"))
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))[SEED_NAME]
    return text, extract_actors(text, sentences, lexicon), expected


def _surfaces(text: str, actor: Actor) -> set[str]:
    return {text[m.char_start:m.char_end].replace("\u2019", "'") for m in actor.mentions}


def _owner(text: str, actors: list[Actor], surface: str) -> Actor | None:
    exact = next((a for a in actors if surface in _surfaces(text, a)), None)
    return exact or next((a for a in actors if any(surface in s for s in _surfaces(text, a))), None)


def test_seed_every_expected_actor_with_type_country_and_surfaces(seed: tuple[str, list[Actor], dict]) -> None:
    text, actors, expected = seed
    for wanted in expected["actors"]:
        types = wanted["type"] if isinstance(wanted["type"], list) else [wanted["type"]]
        found = _owner(text, actors, wanted["match"][0])
        assert found is not None, wanted["name"]
        assert found.type in types, (wanted["name"], found.type)
        assert found.country_code == wanted["country"], (wanted["name"], found.country_code)
        surfaces = {s for a in actors if a.type in types and a.country_code == wanted["country"]
                    for s in _surfaces(text, a)}
        for surface in wanted["match"]:
            if surface in text:
                assert any(surface in s for s in surfaces), (wanted["name"], surface)


def test_seed_headline_fragments_are_not_actors(seed: tuple[str, list[Actor], dict]) -> None:
    text, actors, _ = seed
    every = {s for a in actors for s in _surfaces(text, a)}
    for fragment in ("Clashing Agendas", "Diplomatic Progress", "Show Up", "Seeking", "Faces", "However", "Both",
                     "Security"):
        assert not any(fragment in s for s in every), fragment


def test_seed_has_nothing_beyond_expected_and_also_ok(seed: tuple[str, list[Actor], dict]) -> None:
    text, actors, expected = seed
    allowed = {m for a in expected["actors"] for m in a["match"]} | set(expected["also_ok"])
    for actor in actors:
        assert any(any(ok in s or s in ok for ok in allowed) for s in _surfaces(text, actor)), actor


def test_seed_short_forms_in_headline_and_subtitle(seed: tuple[str, list[Actor], dict]) -> None:
    _, actors, _ = seed
    by_id = {a.actor_id: a for a in actors}
    assert {0, 1} <= {m.sentence_index for m in by_id["person:antony-blinken"].mentions}
    assert 1 in {m.sentence_index for m in by_id["person:xi-jinping"].mentions}


def test_real_lexicon_titles_and_people(real_lexicon: Lexicon) -> None:
    raw = ("Talks resume\n\nU.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in "
           "Jakarta. Blinken said Wang was frank.")
    text, sentences = sentences_of(raw)
    by_id = {a.actor_id: a for a in extract_actors(text, sentences, real_lexicon)}
    assert by_id["person:antony-blinken"].title == "Secretary of State"
    assert by_id["person:antony-blinken"].country_code == "USA"
    assert by_id["person:wang-yi"].country_code == "CHN"
    assert len(by_id["person:wang-yi"].mentions) == 2


GOLD = REPO / "tests" / "fixtures" / "wikinews" / "gold"
ARTICLES = REPO / "tests" / "fixtures" / "wikinews" / "articles"


def _tune_golds() -> list[dict]:
    """Only the "tune" split: the "heldout" files measure generalisation and are scored by the lead alone."""
    golds = [json.loads(path.read_text(encoding="utf-8")) for path in sorted(GOLD.glob("*.json"))]
    return [gold for gold in golds if gold.get("split") == "tune"]


def _same(a: str, b: str) -> bool:
    a, b = a.replace("\u2019", "'").lower(), b.replace("\u2019", "'").lower()
    return a == b or a in b or b in a


def test_wikinews_tune_split_document_f1(real_lexicon: Lexicon) -> None:
    golds = _tune_golds()
    assert len(golds) >= 30
    found = gold_total = correct = predicted = 0
    for gold in golds:
        text, sentences = sentences_of((ARTICLES / gold["file"]).read_text(encoding="utf-8"))
        actors = extract_actors(text, sentences, real_lexicon)
        surfaces = [_surfaces(text, a) | {a.name} for a in actors]
        allowed = [m for g in gold["actors"] for m in [g["name"], *g["match"]]] + gold.get("also_ok", [])
        gold_total += len(gold["actors"])
        found += sum(any(_same(m, s) for m in g["match"] for group in surfaces for s in group)
                     for g in gold["actors"])
        predicted += len(actors)
        correct += sum(any(_same(s, m) for s in group for m in allowed) for group in surfaces)
    precision, recall = correct / predicted, found / gold_total
    assert 2 * precision * recall / (precision + recall) >= 0.9
