"""Find the raw material of names in a text: gazetteer hits, and the words of a capitalised run.

Hits are found for the whole text at once (one automaton pass); later stages only look at the places they point
to. Runs of capitalised words themselves are found by ``runs``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

import ahocorasick

from flows.core.actors.lexicon import Entry, Lexicon, fold, is_given_name_role
from flows.core.actors.vocabulary import NAME_CONNECTORS

_ACTOR_KINDS = frozenset({"country", "capital", "institution", "place", "person"})
_NAMED_KINDS = _ACTOR_KINDS | {"demonym"}
_TRIMMED_ENDINGS = "s'\u2019."  # the last characters _trim_token may cut
_KEEP_DOT = re.compile(r"^(?:[A-Z]\.|(?:[A-Za-z]\.){2,}|(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Sen|Rep|Gov|Gen)\.)$")


class Hit(NamedTuple):
    """A gazetteer surface found in the text."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    def of_kind(self, *kinds: str) -> Entry | None:
        for entry in self.entries:
            if entry.kind in kinds:
                return entry
        return None


class Token(NamedTuple):
    """One word of a capitalised run; ``possessive`` when the text had "'s" after it."""

    start: int
    end: int
    text: str
    possessive: bool = False
    final: bool = False  # a sentence-ending full stop followed it


def _looks_like_name(surface: str) -> bool:
    """Capitalised (each content word), or all capitals: how a name may appear; "china" or "the state" may not."""
    if surface.isupper():
        return True
    words = surface.split()
    return words[0][:1].isupper() and all(w[:1].isupper() or not w[:1].isalpha() or w in NAME_CONNECTORS or
                                          w in {"the", "and"} for w in words)


_TOWN_KINDS = frozenset({"city", "town"})
# "Pech-de-l'Azé", "Stratford-upon-Avon", "Saint-Martin-de-Ré": a known name opening a longer hyphenated place name
# is not itself named.
_COMPOUND_PLACE_LINK = re.compile(r"-(?:de|du|des|la|le|les|sur|sous|en|aux|upon|on|under|am|an|im|bei|di|del|della)-")


def _drop_acronym_places(text: str, start: int, end: int, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """ "ISNA reported": a short word in capitals inside a lowercase sentence is an acronym, not the town of Isna;
    a line opening with it ("ULSAN, South Korea") is a dateline and keeps the place, and so does a state or
    region ("parts of OHIO and UTAH")."""
    if end - start > 5 or not text[start:end].isupper() or start == 0 or text[start - 1] == "\n":
        return entries
    if not _in_lowercase_line(text, start):
        return entries  # a line in capitals ("FLOODS IN IOWA") writes every name so
    return tuple(e for e in entries if e.kind != "place" or e.name.isupper() or e.place_kind not in _TOWN_KINDS)


def _in_lowercase_line(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return sum(ch.islower() for ch in line) > sum(ch.isupper() for ch in line)


def _written_as_name(surface: str, entries: tuple[Entry, ...]) -> bool:
    """Written like a name, or exactly as the registry writes one that opens in lowercase ("arXiv", "eLife")."""
    return _looks_like_name(surface) or (surface[:1].islower() and any(e.name == surface for e in entries))


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda hit: (hit.start, -hit.end))
    chosen: list[Hit] = []
    last_end = -1
    for hit in hits:
        if hit.start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen


def iter_matches(automaton: ahocorasick.Automaton, text: str, padded: str) -> Iterator[tuple[int, int, tuple]]:
    """(start, end, payloads) of every automaton key found at word bounds of ``text`` (``padded`` is
    ``match_text(text)``); a key written with a final full stop takes the text's full stop with it."""
    for last, (key, dotted, payloads) in automaton.iter(padded):
        start, end = last - len(key) + 1, last - 1
        if dotted and text[end:end + 1] == ".":
            end += 1
        yield start, end, payloads


def find_hits(text: str, padded: str, lexicon: Lexicon) -> tuple[list[Hit], list[Hit]]:
    """Gazetteer hits at word boundaries: (names written like names, titles in any case)."""
    names: list[Hit] = []
    titles: list[Hit] = []
    for start, end, entries in iter_matches(lexicon.automaton, text, padded):
        if text[end:end + 1] == "-" and _COMPOUND_PLACE_LINK.match(text, end):
            continue
        if end - start <= 5:
            entries = _drop_acronym_places(text, start, end, entries)
            if not entries:
                continue
        if len(entries) == 1:  # most surfaces name one thing: no need to sort entries out
            if entries[0].kind == "title":
                if not _is_given_name_not_role(text, start, entries[0], lexicon.given_names):
                    titles.append(Hit(start, end, entries))
            elif entries[0].kind in _NAMED_KINDS and _written_as_name(text[start:end], entries) and not (
                    entries[0].kind == "person" and _ends_hyphenated_surname(text, start, lexicon.given_names)):
                names.append(Hit(start, end, entries))
            continue
        given = lexicon.given_names
        titled = tuple(e for e in entries if e.kind == "title" and not _is_given_name_not_role(text, start, e, given))
        if titled:
            titles.append(Hit(start, end, titled))
        hyphenated = _ends_hyphenated_surname(text, start, lexicon.given_names)
        named = tuple(e for e in entries if e.kind in _NAMED_KINDS and not (hyphenated and e.kind == "person"))
        if named and _written_as_name(text[start:end], named):
            names.append(Hit(start, end, named))
    return _leftmost_longest(names), _leftmost_longest(titles)


def _is_given_name_not_role(text: str, start: int, entry: Entry, given_names: frozenset[str]) -> bool:
    """ "Christian Eriksen", "Hunter Biden": a role noun that is also a given name, written with a capital, is
    the given name ("Attorney Reid Weingarten" keeps its title)."""
    return text[start:start + 1].isupper() and is_given_name_role(entry.name, given_names)


def _ends_hyphenated_surname(text: str, start: int, given_names: frozenset[str]) -> bool:
    """ "Francis" in "Mark Lewis-Francis": the second half of a hyphenated surname after a given name, not the person
    the registry knows by it. "Trump-Kim summit", "pro-Trump" and "Biden-Harris" still name their people."""
    if text[start - 1:start] != "-" or not text[start - 2:start - 1].isalpha():
        return False
    before = text[max(start - 40, 0):start - 1].split()
    return len(before) >= 2 and before[-1][:1].isupper() and fold(before[-2]) in given_names


def _trim_token(start: int, word: str) -> Token:
    if word[-1] not in _TRIMMED_ENDINGS:
        return Token(start, start + len(word), word)
    if word.endswith(("'s", "\u2019s")) and len(word) > 2:
        return Token(start, start + len(word) - 2, word[:-2], possessive=True)
    if word.endswith(("'", "\u2019")) and len(word) > 1:
        return Token(start, start + len(word) - 1, word[:-1], possessive=word[-2] == "s")
    if word.endswith(".") and not _KEEP_DOT.match(word):
        return Token(start, start + len(word) - 1, word[:-1], final=True)
    return Token(start, start + len(word), word)


def run_tokens(text: str, start: int, end: int) -> list[Token]:
    """The words of the run ``text[start:end]``, possessive endings and sentence-final dots split off."""
    run = text[start:end]
    if run and " " not in run and "\u00a0" not in run:  # half of all runs are one word
        return [_trim_token(start, run) if run[-1] in _TRIMMED_ENDINGS else Token(start, end, run)]
    tokens: list[Token] = []
    offset = start
    for word in run.replace("\u00a0", " ").split(" "):
        if word:  # most words end in a letter: nothing to trim
            tokens.append(_trim_token(offset, word) if word[-1] in _TRIMMED_ENDINGS else
                          Token(offset, offset + len(word), word))
        offset += len(word) + 1
    return tokens
