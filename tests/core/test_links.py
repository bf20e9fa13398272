"""Who raises what: subject detection, prepositional objects, section context, and the seed article's links."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.core.compose import sentences_of
from flows.core.issues import compile_matcher, find_issue_hits
from flows.core.links import _Mention, _units, group_demonyms, link_issues, raised_by
from flows.core.model import Actor, IssueHit, Link, Sentence, Span
from flows.io.taxonomy import load_taxonomy

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "000_0fa8b2d5397bbe8a.txt"
DEMONYMS = {"American": "USA", "Chinese": "CHN", "Russian": "RUS", "French": "FRA", "German": "DEU"}


@pytest.fixture(scope="module")
def matcher():
    return compile_matcher(load_taxonomy())


def locate(text: str, sentences: Sequence[Sentence], spec: dict[str, tuple]) -> list[Actor]:
    """Actors built by hand: each surface is found in the text, longest surfaces first, without overlaps."""
    taken: list[tuple[int, int]] = []
    actors: dict[str, Actor] = {}
    surfaces = sorted(((s, actor_id) for actor_id, row in spec.items() for s in row[4]), key=lambda p: -len(p[0]))
    for surface, actor_id in surfaces:
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            name, kind, country, title, _ = spec[actor_id]
            actor = actors.setdefault(actor_id, Actor(actor_id, name, kind, country, title))
            index = next(s.index for s in sentences if s.char_start <= start < s.char_end)
            actor.mentions.append(Span(start, end, index))
    for actor in actors.values():
        actor.mentions.sort(key=lambda s: s.char_start)
    return sorted(actors.values(), key=lambda a: a.actor_id)


def links_for(raw: str, spec: dict[str, tuple], matcher) -> tuple[str, list[Sentence], list[IssueHit], list[Link]]:
    text, sentences = sentences_of(raw)
    actors = locate(text, sentences, spec)
    hits = find_issue_hits(text, sentences, matcher)
    return text, sentences, hits, link_issues(text, sentences, actors, hits, DEMONYMS)


def relations(links: Sequence[Link], issue_id: str, relation: str) -> set[str]:
    return {k.actor_id for k in links if k.issue_id == issue_id and k.relation == relation}


# ---- sentences of our own ------------------------------------------------------------------------------------

OWN = {
    "FRA": ("France", "country", "FRA", None, ["France", "Paris"]),
    "DEU": ("Germany", "country", "DEU", None, ["Germany", "Berlin"]),
    "RUS": ("Russia", "country", "RUS", None, ["Russia", "Moscow"]),
    "p_dupont": ("Marie Dupont", "person", "FRA", "Foreign Minister", ["Marie Dupont", "Dupont"]),
    "p_keller": ("Hans Keller", "person", "DEU", None, ["Hans Keller", "Keller"]),
}


def test_subject_raises_and_prepositional_object_is_only_mentioned(matcher) -> None:
    raw = "Talks in Paris\n\nGermany demanded new sanctions against Russia on Monday, officials said.\n"
    _, _, _, links = links_for(raw, OWN, matcher)
    assert relations(links, "SANCTIONS", "raises") == {"DEU"}
    assert relations(links, "SANCTIONS", "mentioned_with") == {"RUS"}


def test_actor_after_a_preposition_is_not_the_subject(matcher) -> None:
    raw = "Talks in Paris\n\nAfter a call with Germany, France announced a ceasefire proposal for the region.\n"
    _, _, _, links = links_for(raw, OWN, matcher)
    assert relations(links, "PEACE_PROCESS", "raises") == {"FRA"}
    assert relations(links, "PEACE_PROCESS", "mentioned_with") == {"DEU"}


def test_possessive_at_the_start_and_official_brings_country(matcher) -> None:
    raw = (
        "Talks in Paris\n\n"
        "France's foreign minister, Marie Dupont, has called for the release of detained aid workers in Russia.\n"
    )
    _, _, _, links = links_for(raw, OWN, matcher)
    assert relations(links, "DETAINED_NATIONALS", "raises") == {"FRA", "p_dupont"}
    assert relations(links, "DETAINED_NATIONALS", "mentioned_with") == {"RUS"}


def test_demonym_officials_speak_for_their_country(matcher) -> None:
    raw = "Talks in Paris\n\nGerman officials raised tariffs on steel with Dupont, a statement from Berlin said.\n"
    _, _, _, links = links_for(raw, OWN, matcher)
    assert relations(links, "TARIFFS", "raises") == {"DEU"}
    assert relations(links, "TARIFFS", "mentioned_with") == {"p_dupont"}


def test_demonym_needs_a_country_actor_and_a_speaker_noun(matcher) -> None:
    raw = "Talks\n\nGerman officials raised tariffs.\n\nFrench cheese faces tariffs in Paris.\n"
    _, _, _, links = links_for(raw, OWN, matcher)
    assert relations(links, "TARIFFS", "raises") == set()
    assert relations(links, "TARIFFS", "mentioned_with") == {"FRA"}


def test_person_without_title_or_sector_does_not_bring_country(matcher) -> None:
    raw = "Talks in Paris\n\nHans Keller criticised the tariffs imposed by France.\n"
    _, _, _, links = links_for(raw, OWN, matcher)
    assert relations(links, "TARIFFS", "raises") == {"p_keller"}
    assert relations(links, "TARIFFS", "mentioned_with") == {"FRA"}


def test_section_heading_actor_raises_when_the_sentence_has_no_subject(matcher) -> None:
    raw = (
        "Talks in Paris\n\nA busy week for Europe.\n\nWhat does Germany want?\n\n"
        "The main demand is cheaper energy bills for households.\n\n"
        "It may also ask for a trade deal with France.\n"
    )
    _, _, _, links = links_for(raw, OWN, matcher)
    assert relations(links, "FUEL_PRICES", "raises") == {"DEU"}
    assert relations(links, "TRADE_AGREEMENTS", "raises") == {"DEU"}
    assert relations(links, "TRADE_AGREEMENTS", "mentioned_with") == {"FRA"}


def test_heading_naming_two_actors_gives_no_context(matcher) -> None:
    raw = "Talks in Paris\n\nA busy week.\n\nWill Dupont meet Keller?\n\nThe question of tariffs remains open.\n"
    _, _, _, links = links_for(raw, OWN, matcher)
    assert relations(links, "TARIFFS", "raises") == set()


def test_never_raises_and_mentioned_with_in_one_sentence(matcher) -> None:
    raw = "Talks in Paris\n\nFrance and Dupont urged France to end the sanctions on Russia.\n"
    _, _, _, links = links_for(raw, OWN, matcher)
    pairs = {(k.actor_id, k.issue_id, k.sentence_index) for k in links if k.relation == "raises"}
    assert pairs
    assert not any((k.actor_id, k.issue_id, k.sentence_index) in pairs for k in links if k.relation != "raises")


def test_links_are_sorted_and_unique(matcher) -> None:
    raw = "Talks in Paris\n\nGermany and France discussed sanctions, tariffs and a ceasefire with Russia.\n"
    _, _, _, links = links_for(raw, OWN, matcher)
    key = [(k.sentence_index, k.issue_id, k.relation != "raises", k.actor_id) for k in links]
    assert key == sorted(key) and len(set(links)) == len(links)
    assert raised_by(links) == {"PEACE_PROCESS": ["DEU", "FRA"], "SANCTIONS": ["DEU", "FRA"], "TARIFFS": ["DEU", "FRA"]}


def test_group_demonyms_keeps_each_country_s_demonyms_in_order() -> None:
    grouped = group_demonyms({"American": "USA", "French": "FRA", "Americans": "USA"})
    assert grouped == {"USA": ["American", "Americans"], "FRA": ["French"]}


def test_demonyms_grouped_beforehand_link_as_the_mapping_does(matcher) -> None:
    raw = (
        "Talks in Paris\n\nFrench officials and Hans Keller demanded sanctions.\n\n"
        "German diplomats in Berlin urged a ceasefire with Russia. The French side said sanctions would follow.\n"
    )
    text, sentences = sentences_of(raw)
    actors = locate(text, sentences, OWN)
    hits = find_issue_hits(text, sentences, matcher)
    links = link_issues(text, sentences, actors, hits, DEMONYMS)
    assert links == link_issues(text, sentences, actors, hits, DEMONYMS, group_demonyms(DEMONYMS))
    assert {"FRA", "DEU"} <= {k.actor_id for k in links if k.relation == "raises"}


def test_raised_by_ignores_mentions() -> None:
    links = [
        Link("b", "X", "raises", 0),
        Link("a", "X", "raises", 2),
        Link("c", "X", "mentioned_with", 0),
        Link("c", "Y", "mentioned_with", 1),
    ]
    assert raised_by(links) == {"X": ["a", "b"]}


# ---- the seed article -----------------------------------------------------------------------------------------

SEED_ACTORS = {
    "p_blinken": ("Antony J. Blinken", "person", "USA", "Secretary of State", ["Antony J. Blinken", "Blinken"]),
    "p_xi": ("Xi Jinping", "person", "CHN", "President", ["Xi Jinping", "Xi"]),
    "p_kritenbrink": ("Daniel J. Kritenbrink", "person", "USA", "Assistant Secretary", ["Daniel J. Kritenbrink"]),
    "p_biden": ("Joe Biden", "person", "USA", "President", ["Joe Biden", "Biden"]),
    "CHN": ("China", "country", "CHN", None, ["China", "Beijing"]),
    "USA": ("United States", "country", "USA", None, ["United States", "U.S.", "Washington"]),
    "TWN": ("Taiwan", "place", "TWN", None, ["Taiwan"]),
    "RUS": ("Russia", "country", "RUS", None, ["Russia"]),
    "UKR": ("Ukraine", "country", "UKR", None, ["Ukraine"]),
    "JPN": ("Japan", "country", "JPN", None, ["Japan"]),
    "KOR": ("South Korea", "country", "KOR", None, ["South Korea"]),
    "PHL": ("Philippines", "country", "PHL", None, ["Philippines"]),
    "AUS": ("Australia", "country", "AUS", None, ["Australia"]),
    "IND": ("India", "country", "IND", None, ["India"]),
    "o_pentagon": ("Pentagon", "organization", "USA", None, ["Pentagon"]),
    "o_state": ("State Department", "organization", "USA", None, ["State Department"]),
    "o_pla": ("People's Liberation Army", "organization", "CHN", None, ["People\u2019s Liberation Army"]),
    "l_scs": ("South China Sea", "place", None, None, ["South China Sea"]),
    "l_strait": ("Taiwan Strait", "place", None, None, ["Taiwan Strait"]),
}

needs_seed = pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is not available")


@pytest.fixture(scope="module")
def seed_links(matcher):
    return links_for(SEED.read_text(encoding="utf-8"), SEED_ACTORS, matcher)


def issues_with(text: str, hits: Sequence[IssueHit], word: str) -> set[str]:
    return {h.issue_id for h in hits if word.lower() in text[h.span.char_start : h.span.char_end].lower()}


@needs_seed
@pytest.mark.parametrize(
    ("country", "keyword"),
    [
        ("USA", "fentanyl"),
        ("USA", "imprisoned"),
        ("USA", "journalist visas"),
        ("CHN", "Taiwan"),
        ("CHN", "semiconductor"),
    ],
)
def test_seed_issue_is_raised_by_its_country(seed_links, country: str, keyword: str) -> None:
    text, _, hits, links = seed_links
    codes = issues_with(text, hits, keyword)
    assert codes, f"no issue hit covers {keyword!r}"
    assert any(country in raised_by(links).get(code, []) for code in codes)


@needs_seed
def test_seed_issues_the_other_side_only_hears_about(seed_links) -> None:
    text, _, hits, links = seed_links
    for hit in [h for h in hits if text[h.span.char_start : h.span.char_end] == "Taiwan"]:
        here = [k for k in links if k.sentence_index == hit.span.sentence_index and k.issue_id == hit.issue_id]
        assert "CHN" in {k.actor_id for k in here if k.relation == "raises"}
        assert "USA" not in {k.actor_id for k in here if k.relation == "raises"}
    for keyword, listener in (("semiconductor", "USA"), ("fentanyl", "CHN")):
        (hit,) = [h for h in hits if keyword in text[h.span.char_start : h.span.char_end]]
        here = [k for k in links if k.sentence_index == hit.span.sentence_index and k.issue_id == hit.issue_id]
        assert {k.relation for k in here if k.actor_id == listener} == {"mentioned_with"}


@needs_seed
def test_seed_prepositional_objects_do_not_raise(seed_links) -> None:
    text, sentences, _, links = seed_links
    sentence = next(s for s in sentences if "lethal military aid" in text[s.char_start : s.char_end])
    here = [k for k in links if k.sentence_index == sentence.index]
    assert {k.actor_id for k in here if k.relation == "raises"} == {"USA"}
    assert {"CHN", "RUS", "UKR"} <= {k.actor_id for k in here if k.relation == "mentioned_with"}


# ---- the subject scan reads mentions and words in text order ---------------------------------------------------


def units_in_order(text: str, sentence: Sentence, mentions: list[_Mention]) -> list[_Mention | str]:
    """The plain definition: every mention, every word no mention overlaps, sorted by offset (mentions first)."""
    ordered = sorted(mentions, key=lambda m: (m.char_start, -m.char_end))
    units: list[tuple[int, _Mention | str]] = [(m.char_start, m) for m in ordered]
    for token in re.finditer(r"[^\W_]+(?:[.'\u2019-][^\W_]+)*\.?|[,;:]", text[: sentence.char_end]):
        if token.start() >= sentence.char_start and not any(
            m.char_start < token.end() and token.start() < m.char_end for m in ordered
        ):
            units.append((token.start(), token.group()))
    units.sort(key=lambda u: u[0])
    return [unit for _, unit in units]


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=5))
def test_units_are_mentions_and_uncovered_words_in_text_order(places: list[tuple[int, int]]) -> None:
    text = "Germany, and the French side, met U.S. envoys on Monday in Paris."
    sentence = Sentence(0, 0, len(text), "body", 0, 0, None)
    mentions = [_Mention(f"a{n}", start, min(start + size, len(text))) for n, (start, size) in enumerate(places)]
    assert list(_units(text, sentence, mentions)) == units_in_order(text, sentence, mentions)
