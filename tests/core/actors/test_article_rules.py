"""Rules that need the whole article: its dominant country, ambiguous names, defined acronyms, affiliations."""

from __future__ import annotations

from collections import Counter

from flows.core.actors import Lexicon
from flows.core.actors.countries import dominant_country
from tests.core.actors.conftest import actors_of, named


def test_dominant_country_needs_a_clear_lead() -> None:
    assert dominant_country(Counter({"USA": 3})) == "USA"
    assert dominant_country(Counter({"USA": 4, "CHN": 3})) is None
    assert dominant_country(Counter({"USA": 6, "CHN": 2})) == "USA"
    assert dominant_country(Counter({"USA": 2, "CHN": 1})) == "USA"
    assert dominant_country(Counter({"USA": 2, "CHN": 2})) is None
    assert dominant_country(Counter({"USA": 1})) is None


def test_unplaced_local_actors_take_the_dominant_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(
        lexicon,
        "Hungary signed the deal on Monday. Hungarian officials said Hungary would pay.",
        "Zoltan Kovacsik, a spokesman, said the Defence Procurement Agency agreed.",
        title="Hungary buys helicopters",
    )
    assert named(text, actors, "Zoltan Kovacsik").country_code == "HUN"
    assert named(text, actors, "Defence Procurement Agency").country_code == "HUN"


def test_a_generic_government_body_belongs_to_the_article_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "The Ministry of Defence said Hungary would buy more. Hungary agreed.",
                             title="Hungary buys helicopters")
    assert named(text, actors, "Ministry of Defence").country_code == "HUN"


def test_a_country_possessive_places_an_organisation(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Kenya's Ministry of Defence and Kenya's Acme Holdings said so.")
    assert named(text, actors, "Ministry of Defence").country_code == "KEN"
    assert named(text, actors, "Acme Holdings").country_code == "KEN"


def test_the_registry_country_stays_when_the_article_names_it(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Hungary and Hungary and Hungary talked; the Ministry of Defence in Britain "
                                      "said Britain agreed.")
    assert named(text, actors, "Ministry of Defence").country_code == "GBR"


def test_georgia_in_an_american_story_is_the_state(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Voters in Georgia went to the polls as the United States watched. "
                                      "Officials in the United States said the count in Atlanta was slow.",
                             title="United States election")
    georgia = named(text, actors, "Georgia")
    assert (georgia.type, georgia.country_code, georgia.actor_id) == ("place", "USA", "place:georgia")


def test_georgia_stays_the_country_with_georgian_evidence(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Georgian troops left Georgia as the United States and the United States "
                                      "and the United States watched.")
    assert named(text, actors, "Georgia").actor_id == "GEO"


def test_people_of_international_bodies_carry_no_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Tedros Adhanom Ghebreyesus said the outbreak was serious.")
    assert named(text, actors, "Tedros Adhanom Ghebreyesus").country_code is None


def test_a_person_takes_the_country_of_the_body_they_are_introduced_with(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "The study was led by Maria Gonzalez of the University of Miami.")
    assert named(text, actors, "Maria Gonzalez").country_code == "USA"


def test_a_person_of_an_international_body_is_not_given_the_article_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Hungary and Hungary agreed. Hungary paid, said Anna Varga of the European "
                                      "Commission, and Peter Nagy, a farmer.", title="Hungary pays")
    assert named(text, actors, "Anna Varga").country_code is None
    assert named(text, actors, "Peter Nagy").country_code == "HUN"


def test_given_name_then_of_then_a_body_is_two_actors(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "It was led by Daniel Fallows of Apex Shark Expeditions, a company that "
                                      "runs tours.")
    assert named(text, actors, "Daniel Fallows").type == "person"
    assert named(text, actors, "Apex Shark Expeditions").type == "organization"


def test_an_acronym_the_article_defines_beats_the_registry(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Reporters Without Borders (RSF) condemned the killing. RSF said more.")
    owner = named(text, actors, "RSF")
    assert owner.name == "Reporters Without Borders" and owner.type == "organization"


def test_a_registry_name_running_past_lowercase_words_is_one_actor(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "The Ministry of Defence and Rapid Support Forces met.")
    assert named(text, actors, "Ministry of Defence").type == "organization"


def test_an_unknown_word_before_a_town_is_a_given_name(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Police named the attacker as Sudesh Amman, 20, of north London.")
    assert named(text, actors, "Sudesh Amman").type == "person"


def test_a_one_word_town_that_is_a_surname_here_is_the_person(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Officials said Ivan Magnitogorsk resigned. Magnitogorsk denied it, and "
                                      "later flew to a rally in Magnitogorsk.")
    person = named(text, actors, "Ivan Magnitogorsk")
    spans = [text[m.char_start:m.char_end] for m in person.mentions]
    assert spans.count("Magnitogorsk") == 1
    assert named(text, actors, "in Magnitogorsk"[3:]).type in {"person", "place"}


def test_an_organisation_name_followed_by_a_country_is_its_national_body(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Rights groups such as the Marriage Equality Coalition Taiwan and Jennifer Lu "
                                      "of Marriage Equality Coalition Taiwan welcomed the vote.")
    coalition = named(text, actors, "Marriage Equality Coalition Taiwan")
    assert (coalition.type, coalition.country_code) == ("organization", "TWN")
    assert named(text, actors, "Jennifer Lu").type == "person"
