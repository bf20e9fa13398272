"""Runs of capitalised words, and the words a text writes in lowercase.

``RUN_PATTERN`` and ``_LOWER_WORD`` say what is found; ``find_runs`` and ``LowercaseWords`` find the same thing
faster (the tests hold them to it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from flows.core.actors.vocabulary import NAME_CONNECTORS

_UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0x00C0, 0x0250)) if ch.isupper())
_PREFIXED = rf"(?:al|el|ad|as|bin|ibn)-[{_UPPER}]\w*(?:-\w+)*"  # "al-Assad", "bin-Laden"
_TOKEN = rf"(?:[{_UPPER}]\w*(?:[-'\u2019.&]\w+)*\.?|{_PREFIXED})"
_CONNECTOR = "|".join(sorted((re.escape(word) for word in NAME_CONNECTORS), key=len, reverse=True))
_MORE_TOKENS = rf"(?:[ \u00a0]+(?:(?:{_CONNECTOR})[ \u00a0]+)*{_TOKEN})*"
_NOT_AFTER = r"[\w'\u2019.]"  # a run never starts inside a word, an abbreviation or an elision
RUN_PATTERN = re.compile(rf"(?<!{_NOT_AFTER}){_TOKEN}{_MORE_TOKENS}")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z]+(?![\w'\u2019])")

# RUN_PATTERN split in two. A pattern that opens with a character class lets the regex engine skip quickly to
# the next capital letter; the prefixed runs are found from their rare "-" before a capital.
_CAPITALISED_RUN = re.compile(rf"[{_UPPER}](?<!{_NOT_AFTER}[\s\S])\w*(?:[-'\u2019.&]\w+)*\.?{_MORE_TOKENS}")
_PREFIXED_RUN = re.compile(rf"(?<!{_NOT_AFTER}){_PREFIXED}{_MORE_TOKENS}")
_HYPHEN_CAPITAL = re.compile(rf"-[{_UPPER}]")


def find_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans ``RUN_PATTERN.finditer(text)`` gives: the next run of either kind, then on from its end."""
    capitalised = _CAPITALISED_RUN.search(text)
    prefixed = _next_prefixed_run(text, 0)
    while capitalised is not None or prefixed is not None:
        if prefixed is None or (capitalised is not None and capitalised.start() < prefixed.start()):
            run = capitalised
        else:
            run = prefixed
        assert run is not None
        end = run.end()
        yield run.start(), end
        if capitalised is not None and capitalised.start() < end:
            capitalised = _CAPITALISED_RUN.search(text, end)
        if prefixed is not None and prefixed.start() < end:
            prefixed = _next_prefixed_run(text, end)


def _next_prefixed_run(text: str, pos: int) -> re.Match[str] | None:
    """The first run from ``pos`` on that starts with a prefixed name: its "-" before a capital comes 2 or 3
    letters after the start ("al-", "bin-")."""
    for hyphen in _HYPHEN_CAPITAL.finditer(text, pos + 2):
        for start in (hyphen.start() - 3, hyphen.start() - 2):
            run = _PREFIXED_RUN.match(text, start) if start >= pos else None
            if run is not None:
                return run
    return None


class LowercaseWords:
    """The all-lowercase words of a text (what ``_LOWER_WORD`` finds), as evidence that a capitalised word is an
    ordinary one. An article asks about a handful of words only, so each is looked up in the text when first
    asked, instead of listing every word."""

    __slots__ = ("_answers", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._answers: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        answer = self._answers.get(word)
        if answer is None:
            answer = self._answers[word] = _is_written_lowercase(self._text, word)
        return answer


def _is_written_lowercase(text: str, word: str) -> bool:
    """Whether ``word`` (ASCII small letters only) stands in ``text`` as a word of its own: not inside a longer
    word, not after a hyphen or an apostrophe, not before an apostrophe."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return False
    if len(word) <= 2:  # a short word hides inside many longer ones: leave the skipping to the regex engine
        return _standalone_pattern(word).search(text) is not None
    at = text.find(word)
    while at >= 0:
        after = at + len(word)
        if not (at and _is_word_char(text[at - 1], _JOINERS_BEFORE)) and not (
                after < len(text) and _is_word_char(text[after], _JOINERS_AFTER)):
            return True
        at = text.find(word, at + 1)
    return False


@lru_cache(maxsize=1024)  # for words of one or two letters only
def _standalone_pattern(word: str) -> re.Pattern[str]:
    # The word comes first, so that the engine jumps between its occurrences; the look-behind then checks the
    # character before it.
    return re.compile(rf"{word}(?<![\w'\u2019-]{word})(?![\w'\u2019])")


def _is_word_char(char: str, joiners: str) -> bool:
    return char.isalnum() or char in joiners


_JOINERS_BEFORE = "_'\u2019-"
_JOINERS_AFTER = "_'\u2019"


def lowercase_words(text: str) -> LowercaseWords:
    return LowercaseWords(text)
