"""The packaged actor gazetteers: they load fast, agree with ISO 3166-1 and carry what news text needs."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources
from pathlib import Path

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.core.actors.sources import LexiconSources
from flows.io.gazetteers import data_lines, load_lexicon_sources, read_gazetteer_text, tsv_rows

ACTORS_DIR = Path(str(resources.files("flows").joinpath("reference", "actors")))
DERIVED_FILES = (
    "countries.v1.tsv",
    "capitals.v1.tsv",
    "demonyms.v1.tsv",
    "institutions.v1.tsv",
    "places.v1.tsv",
    "people.v1.tsv",
    "titles.v1.tsv",
    "given_names.v1.txt",
    "common_words.v1.txt",
)
ISO_CODES = {country.alpha_3 for country in pycountry.countries}


@pytest.fixture(scope="module")
def sources() -> LexiconSources:
    return load_lexicon_sources()


def test_loading_is_memoised_and_versioned(sources: LexiconSources) -> None:
    assert load_lexicon_sources() is sources
    assert sources.version == "v1"


def test_every_field_is_filled_broadly(sources: LexiconSources) -> None:
    assert len(sources.countries) >= 400
    assert len(sources.capitals) >= 190
    assert len(sources.demonyms) >= 300
    assert len(sources.institutions) >= 600
    assert len(sources.places) >= 3000
    assert len(sources.people) >= 1000
    assert len(sources.titles) >= 300
    assert len(sources.given_names) >= 1500
    assert 10_000 <= len(sources.common_words) <= 30_000


def test_country_capital_and_demonym_surfaces_never_name_two_codes(sources: LexiconSources) -> None:
    codes: dict[str, set[str]] = defaultdict(set)
    for country in sources.countries:
        codes[country.surface].add(country.code)
    for surface, code in (*sources.capitals, *sources.demonyms):
        codes[surface].add(code)
    assert {surface: found for surface, found in codes.items() if len(found) > 1} == {}


def test_places_and_institution_surfaces_are_unique(sources: LexiconSources) -> None:
    place_names = [place.name for place in sources.places]
    assert len(place_names) == len(set(place_names))
    surfaces = [name.lower() for item in sources.institutions for name in (item.name, *item.aliases)]
    assert len(surfaces) == len(set(surfaces))


def test_every_alpha3_code_is_a_real_iso_code(sources: LexiconSources) -> None:
    codes = {country.code for country in sources.countries}
    codes |= {code for _, code in (*sources.capitals, *sources.demonyms)}
    codes |= {item.country_code for item in sources.institutions} | {item.stands_for for item in sources.institutions}
    codes |= {place.country_code for place in sources.places} | {person.country_code for person in sources.people}
    assert codes - {None} - ISO_CODES == set()


def test_every_iso_country_has_a_surface_and_every_state_a_capital(sources: LexiconSources) -> None:
    assert ISO_CODES - {country.code for country in sources.countries} == set()
    states = {country.code for country in sources.countries if country.type == "country"}
    assert len(states) == 195
    assert states - {code for _, code in sources.capitals} == set()


def test_every_state_has_a_demonym_but_the_documented_three(sources: LexiconSources) -> None:
    states = {country.code for country in sources.countries if country.type == "country"}
    assert states - {code for _, code in sources.demonyms} == {"COG", "DMA", "VAT"}


def test_types_and_kinds_come_from_the_agreed_sets(sources: LexiconSources) -> None:
    assert {country.type for country in sources.countries} == {"country", "place"}
    assert {item.type for item in sources.institutions} <= {"organization", "group", "place"}
    assert all(place.kind for place in sources.places)


@pytest.mark.parametrize(
    ("surface", "code", "kind"),
    [
        ("U.S.", "USA", "country"),
        ("US", "USA", "country"),
        ("America", "USA", "country"),
        ("United States of America", "USA", "country"),
        ("Britain", "GBR", "country"),
        ("U.K.", "GBR", "country"),
        ("South Korea", "KOR", "country"),
        ("North Korea", "PRK", "country"),
        ("Iran", "IRN", "country"),
        ("Russia", "RUS", "country"),
        ("Russian Federation", "RUS", "country"),
        ("Vietnam", "VNM", "country"),
        ("Turkey", "TUR", "country"),
        ("Türkiye", "TUR", "country"),
        ("Czechia", "CZE", "country"),
        ("Czech Republic", "CZE", "country"),
        ("Ivory Coast", "CIV", "country"),
        ("Côte d'Ivoire", "CIV", "country"),
        ("Burma", "MMR", "country"),
        ("the Netherlands", "NLD", "country"),
        ("DRC", "COD", "country"),
        ("UAE", "ARE", "country"),
        ("Bolivia", "BOL", "country"),
        ("State of Palestine", "PSE", "country"),
        ("Taiwan", "TWN", "place"),
        ("Hong Kong", "HKG", "place"),
        ("Puerto Rico", "PRI", "place"),
        ("Greenland", "GRL", "place"),
    ],
)
def test_country_spot_checks(sources: LexiconSources, surface: str, code: str, kind: str) -> None:
    assert (code, kind) in {(country.code, country.type) for country in sources.countries if country.surface == surface}


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("Beijing", "CHN"),
        ("Washington", "USA"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Moscow", "RUS"),
        ("New Delhi", "IND"),
        ("Canberra", "AUS"),
        ("Tehran", "IRN"),
        ("Brasília", "BRA"),
    ],
)
def test_capital_spot_checks(sources: LexiconSources, surface: str, code: str) -> None:
    assert (surface, code) in set(sources.capitals)


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("American", "USA"),
        ("Americans", "USA"),
        ("Chinese", "CHN"),
        ("British", "GBR"),
        ("Britons", "GBR"),
        ("Israelis", "ISR"),
        ("Palestinian", "PSE"),
        ("Filipino", "PHL"),
        ("Dutch", "NLD"),
        ("Swiss", "CHE"),
        ("Ukrainian", "UKR"),
    ],
)
def test_demonym_spot_checks(sources: LexiconSources, surface: str, code: str) -> None:
    assert (surface, code) in set(sources.demonyms)


def institution_named(sources: LexiconSources, surface: str) -> tuple[str, str | None, str | None, str | None]:
    found = [item for item in sources.institutions if surface in (item.name, *item.aliases)]
    assert len(found) == 1, surface
    return found[0].type, found[0].country_code, found[0].sector, found[0].stands_for


def test_institution_spot_checks(sources: LexiconSources) -> None:
    assert institution_named(sources, "Kremlin")[3] == "RUS"
    assert institution_named(sources, "White House")[3] == "USA"
    assert institution_named(sources, "Petrobras")[:3] == ("organization", "BRA", "BUS")
    assert institution_named(sources, "Taliban")[0] == "group"
    assert institution_named(sources, "ISIS")[0] == "group"
    assert institution_named(sources, "PLA")[1:3] == ("CHN", "MIL")
    assert institution_named(sources, "GOP")[2] == "PTY"
    assert institution_named(sources, "NATO")[2] == "IGO"
    assert institution_named(sources, "FIFA")[2] == "SPT"


def test_place_and_person_spot_checks(sources: LexiconSources) -> None:
    places = {place.name: place for place in sources.places}
    assert places["South China Sea"].kind == "sea"
    assert places["Strait of Hormuz"].kind == "strait"
    assert places["Mumbai"].country_code == "IND"
    assert places["California"].kind == "state"
    people = {person.name: person for person in sources.people}
    assert (people["Barack Obama"].country_code, people["Barack Obama"].sector) == ("USA", "GOV")
    assert people["John McCain"].country_code == "USA"
    assert "Putin" in people["Vladimir Putin"].aliases


def test_titles_cover_roles_and_ministries(sources: LexiconSources) -> None:
    phrases = {title.phrase: title.sector for title in sources.titles}
    for phrase in ("President", "Prime Minister", "Secretary of State", "Minister of Finance", "Sen.", "Ayatollah"):
        assert phrase in phrases
    assert phrases["Gen."] == "MIL"


def test_common_words_hold_no_country_capital_or_demonym(sources: LexiconSources) -> None:
    names = {country.surface.lower() for country in sources.countries}
    names |= {surface.lower() for surface, _ in (*sources.capitals, *sources.demonyms)}
    assert sources.common_words & names == set()
    assert {"will", "said", "government"} <= sources.common_words
    assert all(word == word.lower() for word in sources.common_words)


def test_given_names_are_not_common_words(sources: LexiconSources) -> None:
    assert {name.lower() for name in sources.given_names} & sources.common_words == set()
    assert {"John", "Barack", "Angela"} <= sources.given_names


def test_the_folder_stays_small_and_every_file_sorted() -> None:
    assert sum(path.stat().st_size for path in ACTORS_DIR.iterdir() if path.is_file()) < 3_000_000
    for name in DERIVED_FILES:
        lines = data_lines(read_gazetteer_text(name))
        body = lines[1:] if name.endswith(".tsv") else lines
        assert body == sorted(set(body)), name


def test_hand_written_institutions_survive_the_build(sources: LexiconSources) -> None:
    manual = tsv_rows((ACTORS_DIR / "institutions.manual.v1.tsv").read_text(encoding="utf-8"), 6)
    names = {item.name for item in sources.institutions}
    assert {row[0] for row in manual} <= names



def test_cameo_religion_codes_are_not_read_as_countries(sources: LexiconSources) -> None:
    """CAMEO's MUS is "Muslim" (not Mauritius) and SHN "Shinto": no Phoenix group or person lands in those states."""
    assert not [item.name for item in sources.institutions if item.country_code == "MUS" and item.type == "group"]
    names = {person.name for person in sources.people}
    assert "The Islamic State" not in names
    assert not [name for name in names if name.startswith("The ")]


def test_first_level_subdivisions_and_ambiguous_states_are_places(sources: LexiconSources) -> None:
    places = {place.name: place for place in sources.places}
    assert (places["Telangana"].country_code, places["Telangana"].kind) == ("IND", "region")
    assert places["Banten"].country_code == "IDN"
    # "Georgia" is a country surface and also the US state; the extractor decides from the article.
    assert (places["Georgia"].country_code, places["Georgia"].kind) == ("USA", "state")
    assert "GEO" in {country.code for country in sources.countries if country.surface == "Georgia"}
    regions = {name for name, place in places.items() if place.kind == "region" and place.country_code}
    assert not {name for name in regions if name.lower() in sources.common_words}


cells = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12).filter(
    lambda text: "\t" not in text and text.strip() == text and not text.startswith("#")
)


@given(st.lists(st.tuples(cells.filter(bool), cells, cells), max_size=8))
def test_tsv_rows_read_back_what_was_written(rows: list[tuple[str, str, str]]) -> None:
    text = "# credit line\nname\tcode\tkind\n" + "".join("\t".join(row) + "\n" for row in rows)
    assert [tuple(row) for row in tsv_rows(text, 3)] == rows
