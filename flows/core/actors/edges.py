"""The edges of a capitalised run: words before a name that are not part of it, a title the run opens with, and
phrases that name no actor at all (events).
"""

from __future__ import annotations

import re

from flows.core.actors.candidates import ArticleContext
from flows.core.actors.lexicon import fold
from flows.core.actors.scan import Hit, Token
from flows.core.actors.unknown_names import is_ordinary
from flows.core.actors.vocabulary import (
    EVENT_HEADS,
    GAMES_QUALIFIERS,
    HOLIDAY_WORDS,
    LEADING_ORGANISATION_HEADS,
    MONTHS_AND_DAYS,
    NAME_CONNECTORS,
    NEVER_NAMES,
    STORM_WORDS,
)

NOT_NAME_WORDS = NEVER_NAMES | MONTHS_AND_DAYS | NAME_CONNECTORS

_STORM_NAME = re.compile(rf"\b(?:{'|'.join(sorted(STORM_WORDS))})(?: Storm)? ([A-Z][a-z]+)\b")
_PARTY_MEMBERS = frozenset({"Republican", "Democrat", "Tory", "Labour", "Liberal", "Conservative", "Socialist"})


def drop_leading(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Token]:
    """Drop words that are not part of a name: "The", "However", a sentence-initial ordinary word."""
    while tokens:
        word = tokens[0].text
        if word in NOT_NAME_WORDS:
            tokens = tokens[1:]
            continue
        if word in _PARTY_MEMBERS and len(tokens) > 2 and fold(tokens[1].text) in ctx.lexicon.given_names:
            tokens = tokens[1:]  # "Republican Larry Hogan": the party says what he is, not who
            continue
        if ctx.is_sentence_initial(tokens[0].start) and not _opens_name(ctx, tokens, hits) and (
            is_ordinary(ctx, word) or word.lower() in ctx.lower_words or _precedes_given_name(ctx, tokens)
            or _precedes_connector(tokens)
        ):
            tokens = tokens[1:]
            continue
        break
    while tokens and (tokens[-1].text in NAME_CONNECTORS or tokens[-1].text in NEVER_NAMES) and not _ends_known_name(
            tokens[-1], hits):
        tokens = tokens[:-1]
    return tokens


def _ends_known_name(token: Token, hits: list[Hit]) -> bool:
    """ "Watch" in "Human Rights Watch": the last word of a known name is no stray word."""
    return any(hit.start < token.start and hit.end == token.end for hit in hits)


def _opens_name(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> bool:
    """The run's first word begins a known actor's name, or a title with a name after it ("Environment Secretary
    Margaret Beckett"): not an ordinary word to drop."""
    start = tokens[0].start
    known = any(hit.start == start and hit.of_kind("person", "institution", "country", "capital") for hit in hits)
    return known or leading_title(ctx, tokens) is not None


def _precedes_given_name(ctx: ArticleContext, tokens: list[Token]) -> bool:
    """ "Later Laura Bush": an unknown first word before a given name is not part of the name."""
    given = ctx.lexicon.given_names
    return len(tokens) > 2 and fold(tokens[0].text) not in given and fold(tokens[1].text) in given


def _precedes_connector(tokens: list[Token]) -> bool:
    """ "Shares of Quixa": a sentence-initial word joined by "of" to a name, that is not itself an "X of" head."""
    return len(tokens) > 2 and tokens[1].text in {"of", "for"} and tokens[0].text not in LEADING_ORGANISATION_HEADS


def leading_title(ctx: ArticleContext, tokens: list[Token]) -> Hit | None:
    """A title the run opens with ("Professor Michael Siegel of ..."), if words follow it."""
    titles = ctx.titles_starting_within(tokens[0].start, tokens[0].end)
    return next((t for t in titles if t.start == tokens[0].start and t.end < tokens[-1].start), None)


def storm_names(text: str) -> frozenset[str]:
    """ "Hurricane Dorian ... Dorian hit the Bahamas": the names an article gives its storms, which name no one
    when they stand alone later."""
    if not any(word in text for word in STORM_WORDS):
        return frozenset()
    return frozenset(found.group(1) for found in _STORM_NAME.finditer(text))


def names_an_event(ctx: ArticleContext, tokens: list[Token]) -> bool:
    """A competition, a storm or a holiday: "US Open", "Hurricane Katrina", "Labour Day" (but "Doris Day")."""
    if len(tokens) < 2:
        return False
    first, last = tokens[0].text, tokens[-1].text
    if last == "Games":
        return tokens[-2].text in GAMES_QUALIFIERS
    if last == "Day":  # "Labour Day", "Independence Day", but not "Doris Day" or "Stockwell Day"
        return len(tokens) == 2 and (first in HOLIDAY_WORDS or is_ordinary(ctx, first))
    return last in EVENT_HEADS or first in STORM_WORDS or (first == "Tour" and tokens[1].text == "de")
