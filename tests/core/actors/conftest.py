"""A small hand-made lexicon for rule tests, independent of the packaged reference data."""

from __future__ import annotations

import pytest

from flows.core.actors import Lexicon, build_lexicon, extract_actors
from flows.core.actors.sources import CountryName, Institution, LexiconSources, Person, Place, Title
from flows.core.actors.vocabulary import words
from flows.core.compose import sentences_of
from flows.core.model import Actor

_COUNTRIES = {
    "CHN": ["China", "People's Republic of China"],
    "USA": ["United States", "U.S.", "US", "USA", "America", "United States of America"],
    "RUS": ["Russia", "Russian Federation"],
    "UKR": ["Ukraine"],
    "JPN": ["Japan"],
    "KOR": ["South Korea", "Korea"],
    "PHL": ["Philippines"],
    "AUS": ["Australia"],
    "IND": ["India"],
    "KEN": ["Kenya"],
    "GBR": ["United Kingdom", "UK", "Britain"],
    "QAT": ["Qatar"],
    "JOR": ["Jordan"],
    "DEU": ["Germany"],
    "FRA": ["France"],
    "GEO": ["Georgia"],
    "HUN": ["Hungary"],
}
_DEMONYMS = {
    "CHN": ["Chinese"], "USA": ["American", "Americans"], "RUS": ["Russian", "Russians"], "KEN": ["Kenyan"],
    "QAT": ["Qatari"], "GBR": ["British"], "DEU": ["German"], "FRA": ["French"], "GEO": ["Georgian"],
    "HUN": ["Hungarian"],
}
_CAPITALS = [("Beijing", "CHN"), ("Washington", "USA"), ("Moscow", "RUS"), ("Kyiv", "UKR"), ("Tokyo", "JPN"),
             ("Doha", "QAT"), ("Nairobi", "KEN"), ("London", "GBR"), ("Paris", "FRA"), ("Berlin", "DEU"),
             ("Amman", "JOR")]
_INSTITUTIONS = [
    Institution("State Department", ("Department of State", "U.S. State Department"), "organization", "USA", "GOV"),
    Institution("Pentagon", ("the Pentagon",), "organization", "USA", "MIL"),
    Institution("People's Liberation Army", ("PLA",), "organization", "CHN", "MIL"),
    Institution("Kremlin", ("the Kremlin",), "organization", "RUS", "GOV", stands_for="RUS"),
    Institution("European Commission", (), "organization", None, "IGO"),
    Institution("Taliban", (), "group", "AFG", "REB"),
    Institution("Ministry of Defence", ("MoD",), "organization", "GBR", "MIL"),
    Institution("Rapid Support Forces", ("RSF",), "group", "SDN", "MIL"),
    Institution("University of Miami", (), "organization", "USA", "EDU"),
    Institution("Reporters Without Borders", (), "organization", None, "NGO"),
]
_PLACES = [
    Place("Asia", None, "continent"), Place("Africa", None, "continent"), Place("Middle East", None, "region"),
    Place("East Asia", None, "region"), Place("South China Sea", None, "sea"), Place("Taiwan Strait", None, "strait"),
    Place("Magnitogorsk", "RUS", "city"), Place("Georgia", "USA", "state"), Place("Atlanta", "USA", "city"),
    Place("Reading", "GBR", "city"), Place("Chelyabinsk", "RUS", "city"),
]
_PEOPLE = [
    Person("Xi Jinping", ("Xi",), "CHN", "GOV"),
    Person("Joe Biden", ("Joseph Biden", "Joseph R. Biden"), "USA", "GOV"),
    Person("Vladimir Putin", (), "RUS", "GOV"),
    Person("Tedros Adhanom Ghebreyesus", ("Tedros",), "ETH", "IGO"),
]
_TITLES = ["President", "Vice President", "President-elect", "Secretary of State", "Sen.", "Senator", "Minister",
           "Prime Minister", "Governor", "Deputy Governor", "Health Minister", "Foreign Minister", "Chancellor",
           "King", "Emir", "Sheikh", "Commissioner"]
_GIVEN = words(
    "antony daniel joe joseph ursula mohammed vladimir ted brigid oleg boris ivan george laura jordan "
    "emmanuel angela john mary ned jennifer maria anna peter "
)
_COMMON = words(
    "the a an and or but however security both initially despite furthermore clashing agendas diplomatic "
    "progress show up seeking will question faces arrives in on of to officials matters reading split "
    "leader said department state army party court major general world cup new old big red black white "
    "north south east west breaking news report today what where when who how key issues can we expect "
    "from meet with personally defence "
)


def small_sources() -> LexiconSources:
    countries = tuple(CountryName(s, code, "country") for code, names in _COUNTRIES.items() for s in names)
    countries += (CountryName("Taiwan", "TWN", "place"),)
    demonyms = tuple((d, code) for code, forms in _DEMONYMS.items() for d in forms)
    return LexiconSources(
        version="test",
        countries=countries,
        capitals=tuple(_CAPITALS),
        demonyms=demonyms,
        institutions=tuple(_INSTITUTIONS),
        places=tuple(_PLACES),
        people=tuple(_PEOPLE),
        titles=tuple(Title(t, "GOV") for t in _TITLES),
        given_names=frozenset(_GIVEN),
        common_words=frozenset(_COMMON),
    )


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return build_lexicon(small_sources())


def actors_of(lexicon: Lexicon, *paragraphs: str, title: str = "A Report From the Wires") -> tuple[str, list[Actor]]:
    """The text of an invented article (a headline, then the paragraphs) and the actors extracted from it."""
    text, sentences = sentences_of("\n\n".join([title, *paragraphs]))
    return text, extract_actors(text, sentences, lexicon)


def named(text: str, actors: list[Actor], surface: str) -> Actor:
    """The actor one of whose mentions reads ``surface``."""
    return next(a for a in actors if surface in {text[m.char_start:m.char_end] for m in a.mentions})


def code_of(text: str, actors: list[Actor], surface: str) -> str | None:
    return named(text, actors, surface).country_code
