"""Country codes of people and organisations on invented sentences: what ties a person to a country, and what
does not (whom they speak to, an international office, a town's namesake abroad)."""

from __future__ import annotations

import dataclasses

import pytest

from flows.core.actors import Lexicon, build_lexicon
from flows.core.actors.sources import CountryName, Institution, Place, Title
from tests.core.actors.conftest import actors_of, code_of, small_sources

_EXTRA_INSTITUTIONS = (
    Institution("Associated Press", ("AP",), "organization", "USA", "MED"),
    Institution("NPR", (), "organization", "USA", "MED"),
    Institution("United Nations", ("UN",), "organization", None, "IGO"),
    Institution("al-Qaeda", ("Al-Qaeda",), "group", None, "REB"),
    Institution("Senate", (), "organization", "USA", "LEG"),
    Institution("CCTV", ("China Central Television",), "organization", "CHN", "MED"),
    Institution("Youth", (), "group", "FRA", "REB"),
)
_EXTRA_PLACES = (
    Place("Toronto", "CAN", "city"), Place("Santa Barbara", "HND", "city"), Place("Thai", "MYS", "city"),
    Place("Ohio", "USA", "state"),
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    sources = small_sources()
    return build_lexicon(dataclasses.replace(
        sources,
        countries=(*sources.countries, *(CountryName(name, code, "country") for name, code in
                                         (("Canada", "CAN"), ("Thailand", "THA"), ("Zimbabwe", "ZWE")))),
        demonyms=(*sources.demonyms, ("Thai", "THA"), ("Australian", "AUS")),
        institutions=(*sources.institutions, *_EXTRA_INSTITUTIONS),
        places=(*sources.places, *_EXTRA_PLACES),
        titles=(*sources.titles, Title("Sheriff", "COP"), Title("County Sheriff", "COP")),
    ))


_KENYA = "Kenya's government met on Monday. Officials in Kenya said Kenya would act."
_OHIO = "Ohio officials met on Monday. Officials in Ohio said the United States would act."


def test_whom_a_person_talks_to_says_nothing_of_their_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "Jasim Odhiambo, a spokesman for the fire service, told the "
                             "Associated Press the fire was out.")
    assert code_of(text, actors, "Jasim Odhiambo") == "KEN"


def test_a_news_outlet_right_before_a_name_is_not_their_employer(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "An analyst told NPR Omar Wekesa had appeared in videos.")
    assert code_of(text, actors, "Omar Wekesa") == "KEN"


def test_an_international_office_gives_no_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "Agnes Callamard, a UN rapporteur, said the inquiry was weak.")
    assert code_of(text, actors, "Agnes Callamard") is None


def test_a_member_of_an_armed_group_without_a_state_gets_no_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "Hamza Salim, son of the late Al-Qaeda founder, was killed.")
    assert code_of(text, actors, "Hamza Salim") is None


def test_a_clause_after_a_comma_is_not_an_apposition(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "According to Senator Juan Mwangi, the Senate cancelled its hearing.")
    assert code_of(text, actors, "Juan Mwangi") == "KEN"


def test_a_demonym_noun_before_a_name_in_apposition(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "An Australian, Brenton Tallis, aged 28, appeared in court.")
    assert code_of(text, actors, "Brenton Tallis") == "AUS"


def test_a_verb_between_a_body_and_a_name_is_no_role(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "The State Department described Omar Kalif as a leader.")
    assert code_of(text, actors, "Omar Kalif") == "KEN"


def test_a_city_in_the_description_places_the_person(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "Howard Rubel, a Toronto lawyer, said the verdict was fair.")
    assert code_of(text, actors, "Howard Rubel") == "CAN"


def test_a_role_of_a_placed_body_before_the_name(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "The dean of the University of Miami, Dr Ali Tamim, said so.")
    assert code_of(text, actors, "Ali Tamim") == "USA"


def test_a_town_namesake_abroad_gives_way_to_the_story_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _OHIO, '"It is tragic," said Santa Barbara County Sheriff Bill Brown.')
    assert code_of(text, actors, "Bill Brown") == "USA"


def test_a_city_that_owns_a_body(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "John Hale, a biologist at London's Royal Veterinary College, agreed.")
    assert code_of(text, actors, "Royal Veterinary College") == "GBR"


def test_a_word_that_is_a_demonym_is_no_town(lexicon: Lexicon) -> None:
    _, actors = actors_of(lexicon, "Thailand's king spoke. Thai officials said the Thai party would comply.")
    assert all(a.name != "Thai" for a in actors)


def test_letters_that_are_usually_a_thing_name_no_body(lexicon: Lexicon) -> None:
    _, actors = actors_of(lexicon, _KENYA, "CCTV captured their arrival at the building.")
    assert all(a.name != "CCTV" for a in actors)
    text, actors = actors_of(lexicon, _KENYA, "The state broadcaster CCTV reported the visit.")
    assert code_of(text, actors, "CCTV") == "CHN"


def test_a_registry_word_that_only_starts_a_longer_name(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, '"We are tired," said Ashton Bumhira, director of Youth Forum Zimbabwe.')
    assert code_of(text, actors, "Ashton Bumhira") == "ZWE"
