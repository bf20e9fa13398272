"""Read gazetteer hits inside a capitalised run, and the unknown words between them.

A hit names its actor unless the words around say otherwise: "Thai" is a demonym, not the Malaysian town;
"Beijing claims" is China acting; "John R. Bolton" is a person, not the town of Bolton; "North Cotabato" and
"Maidan Wardak province" are longer places than the hit inside them.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from flows.core.actors.candidates import ArticleContext, Candidate
from flows.core.actors.lexicon import Entry, fold
from flows.core.actors.scan import Hit, Token
from flows.core.actors.unknown_names import (
    INITIAL,
    NEXT_WORD,
    PREVIOUS_WORD,
    context_kind,
    hit_code,
    is_name_part,
    is_ordinary,
    judge_unknown,
)
from flows.core.actors.vocabulary import (
    ANY_ORGANISATION_HEAD,
    COMMON_NOUN_ACRONYMS,
    GENERIC_PLACE_WORDS,
    MONTHS_AND_DAYS,
    NEVER_NAMES,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS_AFTER,
    POLITICAL_OBJECT_VERBS,
    POLITICAL_VERBS,
    WATER_HEADS,
)

_NATURAL_FEATURE_AFTER = re.compile(r" (?:rainforest|jungle|basin|river|delta|estuary|rain forest)\b")
_BROADCASTER_CUE = re.compile(r"\b(?:broadcaster|television|channel|network|media|outlet)[ ,]+(?:the )?$")


def candidate_from_hit(ctx: ArticleContext, hit: Hit) -> Candidate | None:
    """The actor a gazetteer hit names, or None for demonyms and descriptions."""
    entry = hit.of_kind("person", "institution", "country", "capital", "place")
    if entry is None or entry.type is None:
        return None
    if _is_demonym_not_town(ctx, hit, entry) or _is_common_noun_acronym(ctx, hit, entry):
        return None
    if _abbreviates_words_before(ctx, hit, entry) or _is_word_not_alias(ctx, hit, entry):
        return None
    if entry.kind == "institution" and " " not in ctx.text[hit.start:hit.end] and _NATURAL_FEATURE_AFTER.match(
            ctx.text, hit.end):
        # "the Amazon rainforest": a body's name used for the land or water it is named after
        return Candidate(hit.start, hit.end, "place", ctx.text[hit.start:hit.end])
    if is_generic_place(ctx, hit):
        return Candidate(hit.start, hit.end, "place", ctx.text[hit.start:hit.end])
    if entry.kind in {"capital", "place"} and len(hit.entries) > 1:
        # "Melbourne and Victoria": the Australian state, not the Seychelles' capital
        entry = clued_reading(ctx, hit, {"capital", "place"}) or entry
    if entry.kind == "capital":
        return _capital_candidate(ctx, hit, entry)
    code = entry.code or entry.stands_for
    candidate = Candidate(hit.start, hit.end, entry.type, entry.name, code, entry.sector, registry=True)
    if entry.kind == "country":
        other = hit.of_kind("place")
        candidate.place_code = other.code if other is not None and other.code != code else None
    return candidate


def is_generic_place(ctx: ArticleContext, hit: Hit) -> bool:
    """ "North" (a region of Cameroon), "Coast" (of Kenya): in a longer name ("North Cotabato") the word is not
    that region, and alone ("the West") it names a direction or a part of the world, not one country's region."""
    return ctx.text[hit.start:hit.end] in GENERIC_PLACE_WORDS and all(e.kind == "place" for e in hit.entries)


def _is_demonym_not_town(ctx: ArticleContext, hit: Hit, entry: Entry) -> bool:
    """ "Thai" (also a town in Malaysia), "Kazakh": a word that is a demonym is one, unless it follows "in",
    "near", ... ("in Brits")."""
    if entry.kind != "place" or hit.of_kind("demonym") is None:
        return False
    previous = PREVIOUS_WORD.search(ctx.text[max(hit.start - 30, 0):hit.start])
    return previous is None or previous.group(1).lower() not in PLACE_PREPOSITIONS


def _is_common_noun_acronym(ctx: ArticleContext, hit: Hit, entry: Entry) -> bool:
    """ "CCTV captured their arrival": letters that are usually a thing (closed-circuit television) name a body
    (China Central Television) only where the article spells the body out or calls it a broadcaster."""
    if entry.kind != "institution":
        return False
    surface = ctx.text[hit.start:hit.end]
    if surface not in COMMON_NOUN_ACRONYMS:
        return False
    if entry.name != surface and entry.name in ctx.text:
        return False
    return not _BROADCASTER_CUE.search(ctx.text, max(hit.start - 30, 0), hit.start)


def _is_word_not_alias(ctx: ArticleContext, hit: Hit, entry: Entry) -> bool:
    """ "Who inspires you?", "Hospice Care", "Let's go": an ordinary word capitalised at a sentence's start or
    inside a longer name is that word, not a body the registry knows by it in capitals (WHO, CARE, LeT). Written
    alone mid-sentence ("the Fed said") it is the body."""
    surface = ctx.text[hit.start:hit.end]
    if entry.kind != "institution" or " " in surface or surface.isupper():
        return False
    name = entry.name[4:] if entry.name.startswith("The ") else entry.name
    if fold(surface) == fold(name) or fold(surface) not in ctx.lexicon.common_words:
        return False  # "Visa said on Tuesday": a body named by the word itself
    return ctx.is_sentence_initial(hit.start) or _next_to_capitalised(ctx, hit)


def _next_to_capitalised(ctx: ArticleContext, hit: Hit) -> bool:
    before = ctx.text[max(hit.start - 30, 0):hit.start].split()
    after = ctx.text[hit.end:hit.end + 30].split()
    return bool(before and before[-1][:1].isupper() and before[-1] not in {"The", "A", "An"}) or bool(
        after and after[0][:1].isupper())


def _abbreviates_words_before(ctx: ArticleContext, hit: Hit, entry: Entry) -> bool:
    """ "Grand Master (GM)", "Internet Relay Chat (IRC)": letters in brackets spelling the capitalised words right
    before them abbreviate those words, not a body the registry knows by the same letters (General Motors)."""
    surface = ctx.text[hit.start:hit.end]
    if entry.kind != "institution" or not surface.isupper() or ctx.text[hit.start - 2:hit.start] != " (":
        return False
    window = ctx.text[max(hit.start - 80, 0):hit.start - 2]
    words = window.split()[-len(surface):]
    if "".join(word[:1] for word in words) != surface or words[-1] in ANY_ORGANISATION_HEAD:
        return False  # a body's own acronym ("Electronic Frontier Foundation (EFF)") names that body
    first = hit.start - 2 - len(window) + window.rfind(words[0])
    return not ctx.names_within(first, hit.start - 2)  # nor does one spelling a known name ("Human Rights Watch")


def clued_reading(ctx: ArticleContext, hit: Hit, kinds: Collection[str]) -> Entry | None:
    """Of a hit's readings of ``kinds`` in different countries, the one whose country the article's other names
    point at, if only one is and none points more at another country; else None."""
    readings = [e for e in hit.entries if e.kind in kinds and e.code]
    if len({e.code for e in readings}) < 2:
        return None
    surface = (ctx.text[hit.start:hit.end],)
    clued = [e for e in readings if e.code and ctx.is_clued(e.code, surface)]
    if not clued or any(e.code != clued[0].code for e in clued):
        return None
    # "the Victoria Palace Theatre in London ... Newcastle": the reading must lead the clues, not trail them
    return clued[0] if clued[0].code and ctx.clues(clued[0].code, surface) >= ctx.most_clued() else None


def _capital_candidate(ctx: ArticleContext, hit: Hit, entry: Entry) -> Candidate:
    """A capital stands for its country ("Beijing claims", "accuse Washington") unless it is where one goes."""
    before = PREVIOUS_WORD.search(ctx.text[max(hit.start - 30, 0):hit.start])
    after = ctx.text[hit.end:hit.end + 30]
    following = NEXT_WORD.match(after)
    located = before is not None and before.group(1).lower() in PLACE_PREPOSITIONS  # "the centre in Tokyo said"
    acts = after.startswith(("'s", "\u2019s")) or (
        not located and following is not None and following.group(1) in POLITICAL_VERBS)
    acted_on = before is not None and before.group(1).lower() in POLITICAL_OBJECT_VERBS
    if not (acts or acted_on) or entry.code is None:
        return Candidate(hit.start, hit.end, "place", entry.name, entry.code, registry=True)
    return Candidate(hit.start, hit.end, "country", ctx.lexicon.country_names.get(entry.code, entry.name),
                     entry.code, registry=True, stands_in=True)


def split_by_hits(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Candidate]:
    """Gazetteer hits become their actors; the words between them are judged on their own."""
    if not hits:  # most pieces: every rule below needs a hit, so the words are judged as they are
        return judge_unknown(ctx, tokens, None)
    if _is_directed_place(tokens, hits):
        start, end = tokens[0].start, tokens[-1].end
        return [Candidate(start, end, "place", ctx.text[start:end], hit_code(hits[-1]))]
    if _is_given_name_place(ctx, tokens, hits) or _is_place_surname(ctx, tokens, hits):
        return judge_unknown(ctx, tokens, None)
    if _is_name_before_town(ctx, tokens, hits):
        return [Candidate(tokens[0].start, tokens[-1].end, "person", ctx.text[tokens[0].start:tokens[-1].end])]
    longer_place = _place_before_unknown(ctx, tokens, hits)
    if longer_place is not None:
        return [longer_place]
    known = _known_person_in_full(ctx, tokens, hits)
    if known is not None:
        return [known]
    found: list[Candidate] = []
    pending: list[Token] = []
    previous: Hit | None = None
    for token in tokens:
        hit = next((h for h in hits if h.start <= token.start < h.end), None) if hits else None
        if hit is None:
            pending.append(token)
            continue
        if pending:
            found.extend(judge_unknown(ctx, pending, previous))
            pending = []
        if hit is not previous:
            candidate = candidate_from_hit(ctx, hit)
            if candidate:
                found.append(candidate)
            previous = hit
    if pending:
        found.extend(judge_unknown(ctx, pending, previous))
    return found


def _known_person_in_full(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> Candidate | None:
    """ "Antony J. Blinken" where the registry knows "Blinken": one person, the registry's if the names agree."""
    if len(hits) != 1 or hits[0].of_kind("person") is None or hits[0].end != tokens[-1].end:
        return None
    before = [token for token in tokens if token.end <= hits[0].start]
    if not before or not all(is_name_part(ctx, token.text) for token in before):
        return None
    entry = hits[0].of_kind("person")
    assert entry is not None
    start, end = tokens[0].start, tokens[-1].end
    given = [token.text for token in before if not INITIAL.match(token.text)]
    if not given or fold(given[0]) == fold(entry.name.split()[0]):
        return Candidate(start, end, "person", entry.name, entry.code, entry.sector, registry=True)
    return Candidate(start, end, "person", ctx.text[start:end])


def _is_place_surname(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> bool:
    """ "John R. Bolton", "Chris Jordan": a given name (and initials) before a one-word place."""
    last = hits[-1] if hits else None
    if last is None or len(tokens) < 2 or last.start != tokens[-1].start or last.end != tokens[-1].end:
        return False
    if len(hits) > 1 or last.of_kind("person", "institution") or fold(tokens[0].text) not in ctx.lexicon.given_names:
        return False
    return all(is_name_part(ctx, token.text) for token in tokens[:-1])


def _is_name_before_town(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> bool:
    """ "Sudesh Amman", "Xiaogang Wei": an unknown, unordinary word right before a one-word town or river is a
    given name, not part of the place ("Greater Amman", "Lake Victoria" and "in Wei" are not)."""
    if len(tokens) != 2 or len(hits) != 1 or (hits[0].start, hits[0].end) != (tokens[1].start, tokens[1].end):
        return False
    if hits[0].of_kind("country", "institution", "person", "demonym") or not hits[0].of_kind("place", "capital"):
        return False
    first = tokens[0].text
    if not first.isalpha() or not first[:1].isupper() or first.isupper():
        return False
    if first in ANY_ORGANISATION_HEAD or first in PLACE_HEADS:
        return False
    if first in WATER_HEADS or first in NEVER_NAMES or first in MONTHS_AND_DAYS or tokens[0].possessive:
        return False
    ordinary = is_ordinary(ctx, first) or first.lower() in ctx.lower_words
    return not ordinary and context_kind(ctx, tokens[0].start, tokens[-1].end) != "place"


def _is_directed_place(tokens: list[Token], hits: list[Hit]) -> bool:
    """ "North Cotabato", "East Java", "Central U.S.": a direction word before a known place or country names a
    part of it."""
    if len(tokens) != 2:
        return False
    hits = [hit for hit in hits if hit.start >= tokens[-1].start]
    if len(hits) != 1 or (hits[0].start, hits[0].end) != (tokens[1].start, tokens[1].end):
        return False
    return tokens[0].text in GENERIC_PLACE_WORDS and hits[0].of_kind("place", "capital", "country") is not None and (
        hits[0].of_kind("person", "institution") is None)


def _place_before_unknown(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> Candidate | None:
    """ "in Maidan Shahr", "Maidan Wardak province": a known one-word place ("Maidan", Kyiv's square) that only
    starts a longer name which the words around call a place is not that place. A known place inside the rest
    ("Wardak") gives the whole its country: two places never stand side by side without a comma."""
    first = hits[0] if hits else None
    if len(tokens) < 2 or first is None or (first.start, first.end) != (tokens[0].start, tokens[0].end):
        return None
    if any(not hit.of_kind("place", "capital") or hit.of_kind("country", "institution", "person", "demonym")
           for hit in hits):
        return None
    covered = {token.start for token in tokens for hit in hits if hit.start <= token.start < hit.end}
    rest = [token.text for token in tokens[1:] if token.start not in covered]
    if any(word in ANY_ORGANISATION_HEAD or word in PLACE_HEADS or word in WATER_HEADS or is_ordinary(ctx, word)
           or word.lower() in ctx.lower_words or not word.isalpha() for word in rest):
        return None
    start, end = tokens[0].start, tokens[-1].end
    following = NEXT_WORD.match(ctx.text[end:end + 20])
    if not ((following is not None and following.group(1) in PLACE_WORDS_AFTER)
            or context_kind(ctx, start, end) == "place"):
        return None
    code = next((hit_code(hit) for hit in reversed(hits[1:]) if hit_code(hit)), None)
    return Candidate(start, end, "place", ctx.text[start:end], code)


def _is_given_name_place(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> bool:
    """ "Jordan Henderson", "Georgia Smith": a one-word place that is also a given name, then unknown words."""
    if len(tokens) < 2 or not hits or hits[0].start != tokens[0].start or hits[0].end != tokens[0].end:
        return False
    if fold(tokens[0].text) not in ctx.lexicon.given_names or hits[0].of_kind("person", "institution"):
        return False
    return not any(hit.start >= tokens[1].start for hit in hits)
