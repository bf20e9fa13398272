"""Compile the reference data once into an Aho–Corasick automaton and a few look-up tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import ahocorasick

from flows.core.actors.sources import LexiconSources

# Straight and curly apostrophes compare equal; both forms fold to the straight one, length unchanged.
_FOLD = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a surface can name.

    ``kind`` is country, capital, demonym, institution, place, person or title; ``type`` is the actor type it
    yields (None for demonyms and titles, which only describe).
    """

    kind: str
    name: str
    type: str | None
    code: str | None
    sector: str | None = None
    stands_for: str | None = None
    place_kind: str | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the extractor looks names up in, compiled once per process."""

    automaton: ahocorasick.Automaton  # folded lowercase key -> (key, tuple[Entry, ...])
    given_names: frozenset[str]  # lowercase
    common_words: frozenset[str]  # lowercase
    demonym_codes: Mapping[str, str]  # lowercase demonym -> alpha-3
    country_names: Mapping[str, str]  # alpha-3 -> canonical name
    person_surnames: Mapping[str, tuple[Entry, ...]]  # lowercase last name -> registry people


def fold(text: str) -> str:
    """Lowercase ``text`` without changing its length, so offsets stay valid."""
    folded = text.translate(_FOLD).lower()
    if len(folded) == len(text):
        return folded
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text.translate(_FOLD))


def _country_entries(sources: LexiconSources) -> Iterable[tuple[str, Entry]]:
    names = canonical_country_names(sources)
    for country in sources.countries:
        yield country.surface, Entry("country", names[country.code], country.type, country.code)
    for capital, code in sources.capitals:
        yield capital, Entry("capital", capital, "place", code, place_kind="city")
    for demonym, code in sources.demonyms:
        yield demonym, Entry("demonym", demonym, None, code)


def _registry_entries(sources: LexiconSources) -> Iterable[tuple[str, Entry]]:
    for inst in sources.institutions:
        entry = Entry("institution", inst.name, inst.type, inst.country_code, inst.sector, inst.stands_for)
        for surface in (inst.name, *inst.aliases):
            yield surface, entry
    for place in sources.places:
        yield place.name, Entry("place", place.name, "place", place.country_code, place_kind=place.kind)
    for person in sources.people:
        entry = Entry("person", person.name, "person", person.country_code, person.sector)
        for surface in (person.name, *person.aliases):
            yield surface, entry
    for title in sources.titles:
        yield title.phrase, Entry("title", title.phrase, None, None, title.sector)


def canonical_country_names(sources: LexiconSources) -> dict[str, str]:
    """The first surface listed for each code is its canonical name ("United States" before "U.S.")."""
    names: dict[str, str] = {}
    for country in sources.countries:
        names.setdefault(country.code, country.surface)
    return names


def _compile(pairs: Iterable[tuple[str, Entry]]) -> ahocorasick.Automaton:
    grouped: dict[str, list[Entry]] = {}
    for surface, entry in pairs:
        key = fold(surface.strip())
        if key and entry not in grouped.setdefault(key, []):
            grouped[key].append(entry)
    automaton = ahocorasick.Automaton()
    for key, entries in grouped.items():
        automaton.add_word(key, (key, tuple(entries)))
    automaton.make_automaton()
    return automaton


def _surname_index(sources: LexiconSources) -> dict[str, tuple[Entry, ...]]:
    index: dict[str, list[Entry]] = {}
    for person in sources.people:
        last = fold(person.name.split()[-1]) if person.name.split() else ""
        if last:
            index.setdefault(last, []).append(Entry("person", person.name, "person", person.country_code, person.sector))
    return {key: tuple(value) for key, value in index.items()}


def build_lexicon(sources: LexiconSources) -> Lexicon:
    """Compile ``sources`` into a :class:`Lexicon` (pure; call once per process)."""
    automaton = _compile([*_country_entries(sources), *_registry_entries(sources)])
    return Lexicon(
        automaton=automaton,
        given_names=frozenset(fold(name) for name in sources.given_names),
        common_words=frozenset(fold(word) for word in sources.common_words),
        demonym_codes=MappingProxyType({fold(d): code for d, code in sources.demonyms}),
        country_names=MappingProxyType(canonical_country_names(sources)),
        person_surnames=MappingProxyType(_surname_index(sources)),
    )


def demonyms(lexicon: Lexicon) -> Mapping[str, str]:
    """Lowercase demonym -> alpha-3 ("chinese" -> "CHN"), for the issue linker."""
    return lexicon.demonym_codes
