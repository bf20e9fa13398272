"""Country codes read from the words around a place, a body or a person, on invented sentences."""

from __future__ import annotations

import dataclasses

import pytest

from flows.core.actors import Lexicon, build_lexicon
from flows.core.actors.candidates import Candidate
from flows.core.actors.countries import apply_sovereignty
from flows.core.actors.grouping import Group
from flows.core.actors.sources import CountryName, Place
from tests.core.actors.conftest import actors_of, named, small_sources

_EXTRA_PLACES = (
    Place("North", "CMR", "region"), Place("Northeast", "CMR", "region"), Place("Velmora", "PHL", "region"),
    Place("Korvo", "UKR", "city"), Place("Tarsa", "AFG", "region"), Place("Ohio", "USA", "state"),
)


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    sources = small_sources()
    return build_lexicon(dataclasses.replace(
        sources,
        countries=(*sources.countries, CountryName("Afghanistan", "AFG", "country")),
        capitals=(*sources.capitals, ("The Valley", "AIA")),
        places=(*sources.places, *_EXTRA_PLACES),
    ))


_KENYA = "Kenya's government met on Monday. Officials in Kenya said Kenya would act."


def test_direction_word_before_a_known_place_names_part_of_it(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Rain fell on forty villages in North Velmora and in Northeast Kenya.")
    place = named(text, actors, "North Velmora")
    assert (place.type, place.country_code) == ("place", "PHL")
    region = named(text, actors, "Northeast Kenya")
    assert (region.type, region.country_code) == ("place", "KEN")
    assert all(a.country_code != "CMR" for a in actors)


def test_direction_word_alone_is_no_country_region(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Floods hit the Northeast on Friday.")
    region = named(text, actors, "Northeast")
    assert (region.type, region.country_code) == ("place", None)


def test_known_place_that_only_starts_a_longer_place_name(lexicon: Lexicon) -> None:
    text, actors = actors_of(
        lexicon,
        "Afghanistan mourned. A bomb hit a base in Korvo Dashti in the east of Afghanistan's Korvo Tarsa province.",
        "Ahmad Zaki, of the Korvo Tarsa provincial council, counted the dead.",
    )
    assert named(text, actors, "Korvo Tarsa").country_code == "AFG"
    assert named(text, actors, "Korvo Dashti").country_code == "AFG"
    assert named(text, actors, "Ahmad Zaki").country_code == "AFG"
    assert all(a.country_code != "UKR" for a in actors)


def test_a_reading_of_the_head_word_alone_says_nothing(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, "Britain voted. Voters in Brannock Valley chose a new member for Britain.")
    assert named(text, actors, "Brannock Valley").country_code == "GBR"


def test_place_followed_by_where_it_lies(lexicon: Lexicon) -> None:
    text, actors = actors_of(
        lexicon, _KENYA, "Researchers from the College of Fenwick in Ohio joined them.",
        "A storm reached the port town of Tessa, Japan, on Tuesday.",
    )
    assert named(text, actors, "College of Fenwick").country_code == "USA"
    tessa = named(text, actors, "Tessa")
    assert (tessa.type, tessa.country_code) == ("place", "JPN")


def test_settlement_nouns_before_a_list_of_towns(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "Patients came from the towns of Oruba, Tessa, and Kalo in Kenya.")
    for town in ("Oruba", "Tessa", "Kalo"):
        assert (named(text, actors, town).type, named(text, actors, town).country_code) == ("place", "KEN")


def test_descriptor_places_an_organisation(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "The drug is made by the Ohio company Brightwater Therapeutics.")
    assert named(text, actors, "Brightwater Therapeutics").country_code == "USA"


def test_body_held_by_a_placed_body_and_its_member(lexicon: Lexicon) -> None:
    text, actors = actors_of(
        lexicon, _KENYA,
        "The study was led by Mary Holm of the Halvorsen School of Reef Studies at the University of Miami.",
    )
    assert named(text, actors, "Halvorsen School of Reef Studies").country_code == "USA"
    assert named(text, actors, "Mary Holm").country_code == "USA"


def test_metonym_used_as_a_site_in_an_unrelated_story(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, 'He was given a villa, known as the "Kremlin", near the coast.')
    villa = named(text, actors, "Kremlin")
    assert (villa.type, villa.country_code) == ("place", "KEN")


def test_metonym_that_acts_keeps_its_government(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "The Kremlin said it would send observers.")
    kremlin = named(text, actors, "Kremlin")
    assert (kremlin.type, kremlin.country_code) == ("organization", "RUS")


def test_people_named_only_in_an_image_credit_get_no_country(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, "The team won the final. (Image: Peter Vance)",
                             "Anna Kirui said the team would celebrate.")
    assert named(text, actors, "Peter Vance").country_code is None
    assert named(text, actors, "Anna Kirui").country_code == "KEN"


def test_body_and_role_word_before_a_name(lexicon: Lexicon) -> None:
    text, actors = actors_of(lexicon, _KENYA, '"It will pass," said Pentagon analyst Mary Dunmore.')
    assert named(text, actors, "Mary Dunmore").country_code == "USA"


def test_places_legally_part_of_a_state_take_its_code() -> None:
    def group(code: str) -> Group:
        return Group("place:x", "place", [Candidate(0, 1, "place", "x", code)])

    groups = [group("MTQ"), group("REU"), group("ATA"), group("TWN")]
    apply_sovereignty(groups)
    assert [g.code for g in groups] == ["FRA", "FRA", None, "TWN"]
