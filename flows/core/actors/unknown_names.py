"""Judge a capitalised phrase no gazetteer knows: a person, an organisation, a place, or nothing.

The evidence is the phrase's shape (a known given name first, initials, an acronym, a web domain) and the words
around it ("X said in a statement", "shares of X", "the town of X", "X, the state oil company", "in X").
"""

from __future__ import annotations

import re
import string

from flows.core.actors.candidates import ArticleContext, Candidate
from flows.core.actors.lexicon import fold
from flows.core.actors.scan import Hit, Token
from flows.core.actors.vocabulary import (
    NAME_CONNECTORS,
    NAME_FOLLOWERS,
    NAME_PARTICLES,
    NEVER_NAMES,
    NON_ORGANISATION_ACRONYMS,
    ORGANISATION_APPOSITION_NOUNS,
    ORGANISATION_NOUNS_AFTER,
    ORGANISATION_PREFIX_CUES,
    ORGANISATION_VERB_CUES,
    PERSON_APPOSITION_NOUNS,
    PLACE_NOUNS_AFTER,
    PLACE_PREPOSITIONS,
    ROMAN_NUMERALS,
)

HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Prof", "Prof."})
_HONORIFIC_ENDINGS = tuple(sorted(HONORIFICS))
_EDGE_WORDS = NAME_CONNECTORS | NEVER_NAMES  # never the first or last word of a name
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
# "Reuters.com", "UOL.com.br", "Portfolio.hu": a web address names the site's owner ("Smith.he", a missing space,
# does not: no country's domain is an ordinary word).
_DOMAIN = re.compile(r"\w\.(?:com|org|net|gov|edu|info|news|io|(?!(?:an|as|at|be|by|do|go|he|if|in|is|it|me|my|no|of|"
                     r"on|or|so|to|up|us|we)$)[a-z]{2})$")
INITIAL = re.compile(r"^[A-Z]\.$")
_APPOSITION = re.compile(r"^, (?:the|a|an|its|his|her) ([^,.;:()]{1,80})")
NEXT_WORD = re.compile(r"^[ \u00a0]+([a-z]+)")
# "the town of Mokha", "the towns of Beni, Butembo, Mangina, and Katwa": a settlement noun before a list of names.
_SETTLEMENT_BEFORE = re.compile(
    r"\b(?:towns?|city|cities|villages?|ports?|districts?|municipalit(?:y|ies)|provinces?|regions?) of "
    r"(?:[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)*, (?:and |or )?)*(?:[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)* (?:and|or) )?$")
# Every match of _SETTLEMENT_BEFORE ends with one of these (a final newline aside): a cheap test first.
_SETTLEMENT_BEFORE_ENDS = ("of ", ", ", "and ", "or ")
_LONGEST_SETTLEMENT_NOUN = len("municipalities")
# "Makilala in the province of North Cotabato", "Mokha, a port town in Yemen".
_SETTLEMENT_AFTER = re.compile(
    r"^(?: in the (?:province|state|region|district|county) of |, an? (?:\w+ ){0,2}(?:town|city|village|port) )")
_POSTED_TO = re.compile(r" (?:to|for) $")
# "US Special Representative": capitalised words between a country and the title it qualifies.
_TITLE_MODIFIERS = re.compile(r" (?:[A-Z][a-z\-]+ ){0,2}")
# The word before a position (skipping "the"). It starts a word and never backtracks, so the search gives up fast
# at every other letter of the window.
_VERB_CUE_OPENINGS = ORGANISATION_VERB_CUES[:2]
_SPACES = " \u00a0"
_ASCII_LETTERS = string.ascii_letters
PREVIOUS_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]++)[ \u00a0]++(?:the[ \u00a0]++)?$")


def _is_media(hit: Hit) -> bool:
    body = hit.of_kind("institution")
    return body is not None and body.sector == "MED"


def hit_code(hit: Hit) -> str | None:
    entry = hit.of_kind("country", "capital", "demonym", "institution", "place")
    return (entry.code or entry.stands_for) if entry else None


_HYPHEN_PREFIXES = frozenset({"co", "ex", "non", "anti", "pro", "pre", "post", "self", "mid"})


def is_ordinary(ctx: ArticleContext, word: str) -> bool:
    """A dictionary word, not a given name; a hyphenated word whose every part is one ("Co-author", "Long-time")."""
    low = fold(word)
    if low in ctx.lexicon.common_words:
        return low not in ctx.lexicon.given_names
    parts = low.split("-")
    return len(parts) > 1 and all(part in ctx.lexicon.common_words or part in _HYPHEN_PREFIXES for part in parts)


def is_name_part(ctx: ArticleContext, word: str) -> bool:
    low = fold(word)
    return bool(INITIAL.match(word)) or low in ctx.lexicon.given_names or (
        low not in ctx.lexicon.common_words and low not in ctx.lower_words and word not in NEVER_NAMES)


def judge_unknown(ctx: ArticleContext, tokens: list[Token], previous: Hit | None) -> list[Candidate]:
    while tokens and tokens[0].text in _EDGE_WORDS:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in _EDGE_WORDS:
        tokens = tokens[:-1]
    if not tokens:
        return []
    start, end = tokens[0].start, tokens[-1].end
    titles = ctx.titles_near(start)
    if titles and any(title.start <= start and end <= title.end for title in titles):
        return []
    kind = judge_kind(ctx, tokens)
    if kind is None:
        return []
    code = hit_code(previous) if previous is not None and previous.end + 1 >= start else None
    if kind == "person" and previous is not None and _is_media(previous):
        code = None  # "told NPR Hamza bin Laden": nothing says the person works there
    if kind == "person" and code is not None and previous is not None:
        code = _posting_holder_code(ctx, previous, code)
    if kind == "person":
        person = Candidate(start, end, "person", ctx.text[start:end], code)
        title = ctx.title_ending_before(start)
        if title is not None:
            person.title = ctx.text[title.start:title.end]
            person.sector = title.entries[0].sector if title.entries else None
        return [person]
    return [Candidate(start, end, kind, ctx.text[start:end], code if kind != "place" else None)]


def _posting_holder_code(ctx: ArticleContext, previous: Hit, code: str) -> str | None:
    """ "US Ambassador to Germany Richard Grenell", "Special Representative for Iran Brian Hook": a country after
    a title and "to" or "for" is where the person is posted or what they deal with, not whom they act for; the
    country before the title is."""
    posted = _POSTED_TO.search(ctx.text, max(previous.start - 5, 0), previous.start)
    title = ctx.title_ending_before(posted.start() + 1) if posted else None
    if title is None:
        return code
    holder = ctx.name_before(title.start, max(title.start - 30, 0))
    if holder is None or not _TITLE_MODIFIERS.fullmatch(ctx.text, holder.end, title.start):
        return None
    entry = holder.of_kind("country", "demonym")
    return entry.code if entry is not None else None


def judge_kind(ctx: ArticleContext, tokens: list[Token]) -> str | None:
    """What an unknown capitalised phrase most likely names, from its shape and its neighbours."""
    start, end = tokens[0].start, tokens[-1].end
    if len(tokens) == 1:
        return _judge_single(ctx, tokens[0].text, start, end)
    words = [token.text for token in tokens]
    cue = context_kind(ctx, start, end)
    if cue == "organization":
        return cue
    if _shaped_like_person(ctx, words, start):
        return "person"
    if cue is not None:
        return cue
    content = [w for w in words if w not in NAME_CONNECTORS]
    if any(is_ordinary(ctx, w) or w.lower() in ctx.lower_words or not w[:1].isalpha() for w in content):
        return None
    return "person"


def _shaped_like_person(ctx: ArticleContext, words: list[str], start: int) -> bool:
    """A known given name first, an initial or a particle inside ("John F. Kennedy", "Ludwig van Beethoven"), an
    honorific or a title before: each settles it, so the cheaper come first."""
    return (fold(words[0]) in ctx.lexicon.given_names
            or any(INITIAL.match(w) or w in NAME_PARTICLES for w in words[1:-1])
            or _has_honorific(ctx, start) or ctx.title_ending_before(start) is not None)


def _judge_single(ctx: ArticleContext, word: str, start: int, end: int) -> str | None:
    if _is_acronym(ctx, word):
        return None if _abbreviates_ordinary_words(ctx, start) else "organization"
    if len(word) <= 2:
        return None
    if _DOMAIN.search(word):
        return "organization"
    cue = context_kind(ctx, start, end)  # only now: the word's shape alone has settled the cases above
    if cue == "organization" or _has_honorific(ctx, start) or ctx.title_ending_before(start) is not None:
        return cue or "person"
    if cue == "place" and not is_ordinary(ctx, word) and word.lower() not in ctx.lower_words:
        return "place"
    low = fold(word)
    if low in ctx.lexicon.given_names and low not in ctx.lexicon.common_words and low not in ctx.lower_words:
        return "person" if _used_as_name(ctx, start + len(word)) else None
    return cue if cue == "person" else None


def _is_acronym(ctx: ArticleContext, word: str) -> bool:
    return (
        bool(_ACRONYM.match(word))
        and word not in NON_ORGANISATION_ACRONYMS
        and word not in ROMAN_NUMERALS
        and word not in ctx.lexicon.country_names
    )


def _abbreviates_ordinary_words(ctx: ArticleContext, start: int) -> bool:
    """ "Ebola virus disease (EVD)": an acronym defined by lowercase words is not an organisation."""
    before = ctx.text[max(start - 3, 0):start]
    return before.endswith(" (") and before[:1].islower()


def _used_as_name(ctx: ArticleContext, end: int) -> bool:
    after = ctx.text[end:end + 12]
    following = NEXT_WORD.match(after)
    return after[:1] in {",", ".", ";", ":", "'", "\u2019", ")"} or (
        following is not None and following.group(1) in NAME_FOLLOWERS)


def _has_honorific(ctx: ArticleContext, start: int) -> bool:
    return ctx.text[max(start - 6, 0):start].rstrip().endswith(_HONORIFIC_ENDINGS)


def _follows_settlement_noun(text: str, start: int) -> bool:
    """What ``_SETTLEMENT_BEFORE.search(text, max(start - 120, 0), start)`` says, found faster: no name in the
    list can be "of", so a match's " of " is the window's last one and its noun ends right there."""
    if not text[max(start - 6, 0):start].rstrip("\n").endswith(_SETTLEMENT_BEFORE_ENDS):
        return False
    floor = max(start - 120, 0)
    of = text.rfind(" of ", floor, start)
    return of >= 0 and _SETTLEMENT_BEFORE.search(text, max(of - _LONGEST_SETTLEMENT_NOUN, floor), start) is not None


def previous_word(window: str) -> str | None:
    """What ``PREVIOUS_WORD.search(window)`` captures, with string methods instead of a search from every
    letter: the letters before the final spaces, or before a final "the" if spaces and letters precede it."""
    window = window[:-1] if window.endswith("\n") else window  # "$" may stand before a final newline
    head = window.rstrip(_SPACES)
    word = head[len(head.rstrip(_ASCII_LETTERS)):]
    if len(head) == len(window) or not word:
        return None
    if word == "the":
        rest = head[:-3]
        spaced = rest.rstrip(_SPACES)
        earlier = spaced[len(spaced.rstrip(_ASCII_LETTERS)):]
        if earlier and len(spaced) < len(rest):
            return earlier
    return word


def context_kind(ctx: ArticleContext, start: int, end: int) -> str | None:
    """Cues around a phrase: "X said in a statement", "shares of X", "X, the state oil company", "in X"."""
    text = ctx.text
    after = text[end:end + 90]
    before = text[max(start - 25, 0):start].lower()
    # Every cue after the phrase opens with a space or a comma: other phrases skip those patterns.
    spaced, comma = after[:1] in _SPACES, after[:1] == ","
    if (spaced and after.startswith(_VERB_CUE_OPENINGS)) or before.endswith(ORGANISATION_PREFIX_CUES):
        return "organization"
    if ((spaced or comma) and _SETTLEMENT_AFTER.match(after)) or _follows_settlement_noun(text, start):
        return "place"
    following = NEXT_WORD.match(after) if spaced else None
    next_word = following.group(1) if following else None
    if next_word in ORGANISATION_NOUNS_AFTER:
        return "organization"
    if next_word in PLACE_NOUNS_AFTER and before.endswith("the "):
        return "place"
    apposition = _APPOSITION.match(after) if comma else None
    if apposition:
        words = set(apposition.group(1).split())
        if words & ORGANISATION_APPOSITION_NOUNS:
            return "organization"
        if words & PERSON_APPOSITION_NOUNS:
            return "person"
    if previous_word(before) in PLACE_PREPOSITIONS:
        return "place"
    return None
