"""Forms common in news that once went wrong: a registry namesake over the article's own person, a country in
brackets, a title at the start of a sentence, a party and a role before a name, a person "of" a university, events
named like actors."""

from __future__ import annotations

import dataclasses

import pytest

from flows.core.actors import Lexicon, build_lexicon
from flows.core.actors.sources import Institution, Person, Place, Title
from tests.core.actors.conftest import actors_of, code_of, named, small_sources


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    sources = small_sources()
    return build_lexicon(dataclasses.replace(
        sources,
        people=(*sources.people, Person("Dmitry Medvedev", ("Medvedev",), "RUS", "GOV"),
                Person("Donald Trump", ("Trump",), "USA", "GOV")),
        institutions=(*sources.institutions,
                      Institution("Liberal Democrats", ("Lib Dem", "Lib Dems"), "organization", "GBR", "PTY"),
                      Institution("Harvard University", ("Harvard",), "organization", "USA", "EDU"),
                      Institution("Conservative Party", ("Tories",), "organization", "GBR", "PTY"),
                      Institution("Labour Party", ("Labour",), "organization", "GBR", "PTY"),
                      Institution("Home Office", (), "organization", "GBR", "GOV"),
                      Institution("Organisation of Islamic Cooperation", ("OIC",), "organization", None, "IGO")),
        places=(*sources.places, Place("Centre", "BFA", "region")),
        titles=(*sources.titles, Title("Environment Secretary", "GOV"), Title("Secretary", "GOV"),
                Title("Chief Minister", "GOV")),
        given_names=sources.given_names | {"daniil", "rafael", "ivanka", "margaret", "mark", "menzies", "quentin",
                                           "doris", "yousef"},
        common_words=sources.common_words | {"author", "environment", "chief", "spokesman", "foreign", "affairs"},
    ))


def test_a_surname_names_the_person_the_article_introduced_not_a_registry_namesake(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Rafael Nadal beat Daniil Medvedev in the final. Medvedev, the Russian, "
                                      "said he was tired.")
    medvedev = named(text, actors, "Medvedev")
    assert medvedev.name == "Daniil Medvedev"
    assert medvedev.country_code == "RUS"  # from "the Russian", not from the registry's Dmitry Medvedev
    assert not any(actor.name == "Dmitry Medvedev" for actor in actors)


def test_a_titled_surname_keeps_the_registry_person(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Ivanka Trump spoke at the summit. Then President Trump said he backed her.")
    assert named(text, actors, "Trump").name == "Donald Trump"
    assert named(text, actors, "Ivanka Trump").name == "Ivanka Trump"


def test_a_country_in_brackets_after_a_name_is_the_persons(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Daniil Medvedev of Russia won. Quentin Fillon Maillet (France) was second.")
    assert code_of(text, actors, "Quentin Fillon Maillet") == "FRA"


def test_a_title_opening_a_sentence_is_not_part_of_the_name(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Environment Secretary Margaret Beckett spoke in London on Monday.")
    beckett = named(text, actors, "Margaret Beckett")
    assert beckett.name == "Margaret Beckett"
    assert beckett.title == "Environment Secretary"


def test_a_body_and_a_role_of_several_words_place_the_person(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "President Joe Biden spoke in Washington. Lib Dem foreign affairs spokesman "
                                      "Menzies Campbell said the result was bad.")
    assert code_of(text, actors, "Menzies Campbell") == "GBR"


def test_a_person_of_a_university_is_a_person_and_the_university(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Co-author Mark Davies of Harvard University said the study took years.")
    assert named(text, actors, "Mark Davies").type == "person"
    assert named(text, actors, "Harvard University").type == "organization"


@pytest.mark.parametrize("event", ["the Brazilian Grand Prix", "the US Open", "the World Cup",
                                   "the Commonwealth Games", "the Tour de France", "Hurricane Katrina",
                                   "Tropical Storm Imelda", "Australia Day"])
def test_an_event_names_no_actor(lexicon: Lexicon, event: str) -> None:
    _, actors = actors_of(lexicon, f"Daniil Medvedev played at {event} on Sunday.")
    assert [a.name for a in actors] == ["Daniil Medvedev"]


def test_a_registry_name_inside_a_hyphenated_surname_is_not_that_person(lexicon: Lexicon) -> None:
    _, actors = actors_of(lexicon, "Mark Lewis-Trump won the race.", title="Lewis-Trump Eyes Gold")
    assert [a.name for a in actors] == ["Mark Lewis-Trump"]


def test_people_belong_where_the_placed_actors_do_when_another_country_is_only_named_a_little(
        lexicon: Lexicon) -> None:
    text, actors = actors_of(
        lexicon,
        "The Tories met in Brighton. Labour and the Home Office said the Ministry of Defence was wrong.",
        "Peter Hain said the campaign borrowed its methods from Australia, where they won in Australia.",
    )
    assert code_of(text, actors, "Peter Hain") == "GBR"


def test_the_head_word_of_a_body_does_not_place_it(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Mary Ito of the International Longevity Centre in Tokyo said so.")
    assert code_of(text, actors, "International Longevity Centre") != "BFA"


def test_a_capital_after_in_is_a_place_even_before_said(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "An analyst at a bank in Tokyo said so. Later Beijing said it would reply.")
    assert named(text, actors, "Tokyo").type == "place"
    assert named(text, actors, "Beijing").type == "country"


def test_a_person_named_like_a_holiday_is_still_a_person(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "The singer Doris Day died in California.")
    assert named(text, actors, "Doris Day").type == "person"


def test_the_head_of_an_international_body_acts_for_no_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "The bombing in the Philippines killed 20 in the Philippines. OIC head "
                                      "Yousef Al-Othaimeen condemned it.")
    assert code_of(text, actors, "Yousef Al-Othaimeen") is None


def test_a_party_named_for_its_family_belongs_to_the_story_s_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Voters in Australia chose on Sunday. The Lib Dem candidate lost in Australia, "
                                      "where Australia's parties campaigned.")
    assert code_of(text, actors, "Lib Dem") == "AUS"


def test_a_party_word_before_a_name_is_not_part_of_it(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Under the law, Republican Mark Hogan, the governor, must act.")
    assert named(text, actors, "Mark Hogan").name == "Mark Hogan"
