"""The plain reference data the actor extractor is built from.

`flows.io.gazetteers.load_lexicon_sources()` fills it from packaged files and pycountry; tests may build a small
one by hand. Everything here is plain data, so building a lexicon stays a pure function.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CountryName:
    """A surface naming a country or territory: "China", "U.S.", "South Korea", "Taiwan"."""

    surface: str
    code: str  # ISO 3166-1 alpha-3
    type: str  # "country" for sovereign states, "place" for territories (Taiwan, Hong Kong, Puerto Rico)


@dataclass(frozen=True, slots=True)
class Institution:
    """A named organisation (or a building standing for one) with its known aliases."""

    name: str
    aliases: tuple[str, ...]
    type: str  # "organization", "group" or "place"
    country_code: str | None
    sector: str | None  # CAMEO-style: GOV, MIL, JUD, LEG, BUS, MED, EDU, NGO, IGO, ...
    stands_for: str | None = None  # alpha-3 when the name is a metonym for a government ("the Kremlin" -> RUS)


@dataclass(frozen=True, slots=True)
class Place:
    """A named place that is not a country: a city, region, sea, strait, mountain range, continent."""

    name: str
    country_code: str | None
    kind: str  # city, region, state, sea, strait, continent, island, river, ...


@dataclass(frozen=True, slots=True)
class Person:
    """A known person of a registry (dated office holders are history, not who holds an office today).

    ``curated``: listed by hand as a public figure, known by name beyond their own country's news; the Phoenix
    dictionaries also list thousands of minor officials whose names ordinary people share."""

    name: str
    aliases: tuple[str, ...]
    country_code: str | None
    sector: str | None
    curated: bool = True


@dataclass(frozen=True, slots=True)
class Title:
    """A role word or phrase that precedes or describes a person: "Secretary of State", "President-elect"."""

    phrase: str
    sector: str | None


@dataclass(frozen=True, slots=True)
class LexiconSources:
    """Everything the actor lexicon is compiled from."""

    version: str
    countries: tuple[CountryName, ...]
    capitals: tuple[tuple[str, str], ...]  # (capital city, alpha-3): "Beijing" can stand for China's government
    demonyms: tuple[tuple[str, str], ...]  # (demonym, alpha-3), plural forms included: "American", "Americans"
    institutions: tuple[Institution, ...]
    places: tuple[Place, ...]
    people: tuple[Person, ...]
    titles: tuple[Title, ...]
    given_names: frozenset[str] = field(default_factory=frozenset)
    common_words: frozenset[str] = field(default_factory=frozenset)  # lowercase words of ordinary English prose
