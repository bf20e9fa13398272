"""Round-three country rules on invented sentences: the setting read from an article's actors, a posting abroad in
a title, a role held for someone else, a demonym before a state body, shared legislature names, namesake towns in
place names and bodies whose names claim an international reach."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from flows.core.actors import Lexicon, build_lexicon
from flows.core.actors.candidates import Candidate
from flows.core.actors.countries import actor_evidence
from flows.core.actors.grouping import Group
from flows.core.actors.sources import CountryName, Institution, Person, Place, Title
from tests.core.actors.conftest import actors_of, code_of, small_sources


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    sources = small_sources()
    return build_lexicon(dataclasses.replace(
        sources,
        countries=(*sources.countries, CountryName("Belarus", "BLR", "country"),
                   CountryName("Canada", "CAN", "country"), CountryName("Iran", "IRN", "country"),
                   CountryName("Hong Kong", "HKG", "country"), CountryName("Turkey", "TUR", "country")),
        capitals=(*sources.capitals, ("Victoria", "SYC")),
        demonyms=(*sources.demonyms, ("Belarusian", "BLR"), ("Canadian", "CAN"), ("Ukrainian", "UKR")),
        institutions=(*sources.institutions,
                      Institution("KGB", (), "organization", "RUS", "SPY"),
                      Institution("House of Commons", ("Commons",), "organization", "GBR", "LEG"),
                      Institution("Democratic Party", (), "organization", "USA", "PTY"),
                      Institution("White House", (), "organization", "USA", "GOV")),
        places=(*sources.places, Place("Minsk", "BLR", "city")),
        people=(*sources.people, Person("Donald Trump", ("Trump",), "USA", "GOV"),
                Person("Volodymyr Zelensky", ("Zelensky",), "UKR", "GOV"),
                Person("Angela Merkel", ("Merkel",), "DEU", "GOV")),
        titles=(*sources.titles, Title("Ambassador", "GOV"), Title("Representative", "GOV")),
    ))


def _group(kind: str, name: str, code: str | None) -> Group:
    member = Candidate(0, len(name), kind, name, code)
    return Group(name, kind, [member])


def test_actor_evidence_counts_each_placed_person_or_body_once() -> None:
    groups = [_group("person", "Ann Lee", "USA"), _group("organization", "Senate", "USA"),
              _group("country", "Ukraine", "UKR"), _group("person", "Bo Kim", None)]
    assert actor_evidence(groups) == Counter({"USA": 2})


_UKRAINE_IN_US_POLITICS = (
    "Ukraine and the United States were in the news. Ukraine asked the United States for aid. Ukrainian "
    "officials met US envoys.",
    "President Donald Trump spoke at the White House. The Democratic Party and the State Department objected.",
    "Representatives Elton Brask and Adam Schoff signed the subpoena.",
)


def test_a_setting_left_open_by_country_names_is_read_from_the_actors(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, *_UKRAINE_IN_US_POLITICS)
    assert code_of(text, actors, "Adam Schoff") == "USA"


def test_actors_of_several_countries_settle_nothing(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Ukraine and Russia met with Kenya and Russia in Ukraine.",
                             "President Donald Trump and Vladimir Putin spoke. Ivan Kostov, a witness, agreed.")
    assert code_of(text, actors, "Ivan Kostov") is None


def test_a_country_after_a_title_and_to_is_a_posting(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Germany banned the airline. Germany said so.",
                             "US Ambassador to Germany Richard Grenwald alleged, by way of example, that it was bad.")
    assert code_of(text, actors, "Richard Grenwald") == "USA"


def test_a_country_after_a_title_and_for_is_a_brief(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Iran rejected the claim. Iran said so.",
                             "US Special Representative for Iran Brian Hoek said it was a stunt.")
    assert code_of(text, actors, "Brian Hoek") == "USA"


def test_a_country_right_before_a_name_still_places_it(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Iran rejected the claim. Iran said so. Officials in Kenya met Iran.",
                             "The visitor met Iran Brian Hoek on Monday.")
    assert code_of(text, actors, "Brian Hoek") == "IRN"


def test_a_role_held_for_a_placed_person_before_the_name(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Iran rejected the claim. Iran said so.",
                             "Chancellor Angela Merkel's spokesperson, Steffen Seibold, said it was possible.")
    assert code_of(text, actors, "Steffen Seibold") == "DEU"


def test_a_role_held_for_a_placed_person_after_the_name(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Kenya hosted the talks. Kenya said so.",
                             "Andriy Yermo, one of President Zelensky's aides, attended the meeting.")
    assert code_of(text, actors, "Andriy Yermo") == "UKR"


def test_a_demonym_before_a_state_body_names_whose_body(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Belarus held an election. Protesters gathered in Minsk.",
                             "Belarusian KGB arrested 33 men. The KGB said they were mercenaries.")
    assert code_of(text, actors, "KGB") == "BLR"


def test_a_legislature_takes_the_setting_when_its_own_country_is_absent(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Canada voted on Monday. Canadian voters chose a new House of Commons.",
                             "Canada will count the votes.")
    assert code_of(text, actors, "House of Commons") == "CAN"
    text, actors = actors_of(lexicon, "Canada voted on Monday. Canada counted.",
                             "The House of Commons in London watched. The United Kingdom said so.")
    assert code_of(text, actors, "House of Commons") == "GBR"


def test_a_capital_naming_a_park_is_a_namesake(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Hong Kong saw protests. Hong Kong police said crowds grew in Hong Kong.",
                             "Marchers left from downtown Victoria Park toward the harbour.")
    assert code_of(text, actors, "Victoria Park") == "HKG"


def test_a_body_named_for_the_world_takes_no_setting(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Turkey objected. Turkey said so. Officials in Turkey met.",
                             "The World Heritage Committee met. The Istanbul Heritage Committee met.")
    assert code_of(text, actors, "World Heritage Committee") is None
    assert code_of(text, actors, "Istanbul Heritage Committee") == "TUR"
