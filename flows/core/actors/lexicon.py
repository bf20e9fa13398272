"""Compile the reference data once into an Aho-Corasick automaton and a few look-up tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import ahocorasick

from flows.core.actors.sources import LexiconSources, Person

# Straight and curly apostrophes compare equal; both forms fold to the straight one, length unchanged.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-"})
_FOLDABLE = re.compile("[\u2019\u2018\u2010\u2011]")


class Entry(NamedTuple):
    """One thing a surface can name (a named tuple: many thousands are built and hashed per process).

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
    curated: bool = True  # people only: see sources.Person


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the extractor looks names up in, compiled once per process."""

    automaton: ahocorasick.Automaton  # match_key(surface) -> (key, keeps_final_dot, tuple[Entry, ...])
    given_names: frozenset[str]  # lowercase
    common_words: frozenset[str]  # lowercase
    demonym_codes: Mapping[str, str]  # lowercase demonym -> alpha-3
    country_names: Mapping[str, str]  # alpha-3 -> canonical name
    person_surnames: Mapping[str, tuple[Entry, ...]]  # lowercase last name -> registry people


def fold(text: str) -> str:
    """Lowercase ``text`` without changing its length, so offsets stay valid."""
    if text.isascii():
        return text.lower()
    folded = text.lower()
    if len(folded) == len(text):
        return folded.translate(_FOLD) if _FOLDABLE.search(folded) else folded
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text.translate(_FOLD))


_NON_WORD = re.compile(r"\W")


# For ASCII text, folding and blanking out punctuation is one table look-up per character (done on bytes for a
# whole text: much faster than on a str).
_ASCII_MATCH_TABLE = str.maketrans({
    chr(code): " " if _NON_WORD.match(chr(code)) else chr(code).lower() for code in range(128)
})
_ASCII_MATCH_BYTES = bytes(ord(chr(code).translate(_ASCII_MATCH_TABLE)) for code in range(128)) + bytes(range(128, 256))
_LATIN_BLANKS = bytes(ord(" ") if _NON_WORD.match(chr(code)) else code for code in range(256))  # of folded text


def _blanked(surface: str) -> str:
    """Folded, every punctuation mark a space."""
    return surface.translate(_ASCII_MATCH_TABLE) if surface.isascii() else _NON_WORD.sub(" ", fold(surface))


def match_key(surface: str) -> str:
    """The automaton key of a surface: folded, punctuation as spaces, padded so that hits fall on word bounds."""
    return " " + " ".join(_blanked(surface).split()) + " "


def written_key(surface: str) -> str:
    """The key of a surface as ``match_text`` reads it written out: "Joseph R. Biden" and "Foreign, Commonwealth
    and Development Office" keep the extra space their punctuation leaves (``match_key`` closes it up, for
    "Joseph R Biden")."""
    return " " + _blanked(" ".join(surface.split())).strip() + " "


def match_text(text: str) -> str:
    """The text as the automaton reads it: ``match_text(text)[i + 1]`` stands for ``text[i]``."""
    if text.isascii():
        return " " + text.encode("ascii").translate(_ASCII_MATCH_BYTES).decode("ascii") + " "
    folded = fold(text)
    try:
        latin = folded.encode("latin-1")  # most other texts only add a "£" or an "é"
    except UnicodeEncodeError:
        return " " + _NON_WORD.sub(" ", folded) + " "
    return " " + latin.translate(_LATIN_BLANKS).decode("latin-1") + " "


def _country_entries(sources: LexiconSources) -> Iterable[tuple[str, Entry]]:
    names = canonical_country_names(sources)
    for country in sources.countries:
        yield country.surface, Entry("country", names[country.code], country.type, country.code)
    for capital, code in sources.capitals:
        yield capital, Entry("capital", capital, "place", code, place_kind="city")
    for demonym, code in sources.demonyms:
        yield demonym, Entry("demonym", demonym, None, code)


def _registry_entries(sources: LexiconSources, given_names: frozenset[str]) -> Iterable[tuple[str, Entry]]:
    for inst in sources.institutions:
        entry = Entry("institution", inst.name, inst.type, inst.country_code, inst.sector, inst.stands_for)
        for surface in (inst.name, *inst.aliases):
            yield surface, entry
    for place in sources.places:
        yield place.name, Entry("place", place.name, "place", place.country_code, place_kind=place.kind)
    # A role noun that is also a given name ("christian") opening a person's alias is the given name there.
    title_keys = frozenset(match_key(title.phrase) for title in sources.titles
                           if not is_given_name_role(title.phrase, given_names))
    title_starts = frozenset(key.split()[0] for key in title_keys if key.strip())
    for person in sources.people:
        entry = _person_entry(person)
        for surface in (person.name, *person.aliases):
            if not _starts_with_title(surface, title_keys, title_starts):
                yield surface, entry
    for title in sources.titles:
        yield title.phrase, Entry("title", title.phrase, None, None, title.sector)


def is_given_name_role(phrase: str, given_names: frozenset[str]) -> bool:
    """A title known only as one lowercase word ("christian", not "attorney") that is also a given name: written
    with a capital, the given name."""
    return phrase.islower() and " " not in phrase and phrase in given_names


def _person_entry(person: Person) -> Entry:
    """International civil servants (sector IGO: a UN or EU office) act for no country, whatever their passport."""
    code = None if person.sector == "IGO" else person.country_code
    return Entry("person", person.name, "person", code, person.sector, curated=person.curated)


_FORMAL_WORDS = ("Republic", "Federation", "Kingdom of", "State of", "Islamic", "Democratic", "People's", "Mainland",
                 " SAR", "Persia")


def _common_prefix(a: str, b: str) -> int:
    size = 0
    for left, right in zip(a.lower(), b.lower(), strict=False):
        if left != right:
            break
        size += 1
    return size


def _name_rank(surface: str, demonym_forms: list[str], all_demonyms: frozenset[str]) -> tuple[int, int, int, str]:
    """Lower is more canonical: everyday spelling, no formal words, several words, close to the demonym."""
    penalty = 0
    if surface.startswith(("the ", "The ")) or "." in surface or surface.isupper():
        penalty += 10
    if " of " in surface or any(word in surface for word in _FORMAL_WORDS):
        penalty += 5
    if any(word in all_demonyms for word in surface.split()):
        penalty += 5
    closeness = max((_common_prefix(surface, form) for form in demonym_forms), default=0)
    return penalty, -len(surface.split()), -closeness, surface


_ROYAL_TITLES = frozenset({"prince", "princess", "queen", "king", "sheikh", "emir", "sultan", "empress", "emperor"})


def _starts_with_title(surface: str, title_keys: frozenset[str], title_starts: frozenset[str]) -> bool:
    """ "Vice-President Joe Biden": an alias that carries a title would swallow the title into the name.
    ``title_starts`` (the first word of each title key) rules most surfaces out at once."""
    words = match_key(surface).split()
    if not words or words[0] not in title_starts:
        return False
    if len(words) == 2 and words[0] in _ROYAL_TITLES:
        return False  # "Prince Harry", "Queen Rania": a royal is known by the title and one name together
    return any(" " + " ".join(words[:size]) + " " in title_keys for size in range(1, min(len(words), 5)))


def canonical_country_names(sources: LexiconSources) -> dict[str, str]:
    """The everyday name of each code ("United States", "South Korea", "Taiwan"), chosen from its surfaces."""
    surfaces: dict[str, list[str]] = {}
    for country in sources.countries:
        surfaces.setdefault(country.code, []).append(country.surface)
    forms: dict[str, list[str]] = {}
    for demonym, code in sources.demonyms:
        forms.setdefault(code, []).append(demonym)
    all_demonyms = frozenset(demonym for demonym, _ in sources.demonyms)
    return {
        code: min(names, key=lambda name: _name_rank(name, forms.get(code, []), all_demonyms))
        for code, names in surfaces.items()
    }


def compile_automaton(pairs: Iterable[tuple[str, object]]) -> ahocorasick.Automaton:
    """An automaton over ``match_key`` of each surface; a value is (key, surface ends in ".", payloads)."""
    automaton = ahocorasick.Automaton()
    for key, value in keyed_payloads(pairs).items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


def keyed_payloads(pairs: Iterable[tuple[str, object]]) -> dict[str, tuple[str, bool, tuple[object, ...]]]:
    """``match_key`` of each surface -> (key, surface ends in ".", payloads of every surface with that key)."""
    grouped: dict[str, dict[object, None]] = {}
    dotted: set[str] = set()
    for surface, payload in pairs:
        keys, ends_in_dot = _surface_keys(surface)
        for key in keys:
            if len(key) > 2:
                payloads = grouped.get(key)
                if payloads is None:
                    payloads = grouped[key] = {}
                payloads[payload] = None
                if ends_in_dot:
                    dotted.add(key)
    return {key: (key, key in dotted, tuple(payloads)) for key, payloads in grouped.items()}


@lru_cache(maxsize=4096)  # an article's own names, keyed for its propagation automaton, recur across articles
def _surface_keys(surface: str) -> tuple[tuple[str, ...], bool]:
    """(match keys, written with a final full stop) of a surface; a leading "the" is no part of a key."""
    cleaned = surface.strip()
    cleaned = cleaned[4:] if cleaned[:4].lower() == "the " else cleaned
    key, written = match_key(cleaned), written_key(cleaned)
    return ((key,) if written == key else (key, written)), cleaned.endswith(".")


def _surname_index(sources: LexiconSources) -> dict[str, tuple[Entry, ...]]:
    index: dict[str, list[Entry]] = {}
    for person in sources.people:
        words = person.name.split()
        if words:
            entry = _person_entry(person)
            index.setdefault(fold(words[-1]), []).append(entry)
    return {key: tuple(value) for key, value in index.items()}


def build_lexicon(sources: LexiconSources) -> Lexicon:
    """Compile ``sources`` into a :class:`Lexicon` (pure; call once per process)."""
    given_names = frozenset(fold(name) for name in sources.given_names)
    automaton = compile_automaton([*_country_entries(sources), *_registry_entries(sources, given_names)])
    return Lexicon(
        automaton=automaton,
        given_names=given_names,
        common_words=frozenset(fold(word) for word in sources.common_words),
        demonym_codes=dict({fold(d): code for d, code in sources.demonyms}),
        country_names=dict(canonical_country_names(sources)),
        person_surnames=dict(_surname_index(sources)),
    )


def demonyms(lexicon: Lexicon) -> Mapping[str, str]:
    """Lowercase demonym -> alpha-3 ("chinese" -> "CHN"), for the issue linker."""
    return lexicon.demonym_codes
