"""Turn one run of capitalised words into typed candidates (body sentences only).

Order of evidence: a gazetteer entry covering the whole phrase; a national branch ("CNN Philippines"); a head noun
("... Ministry", "... Strait"); a title before a name ("Health Minister Veronika Skvortsova"); a person "of" a body;
then the pieces between gazetteer hits (``known_names``), judged by the shape of the words and the words around
them (``unknown_names``).
"""

from __future__ import annotations

from itertools import pairwise

from flows.core.actors.candidates import ArticleContext, Candidate
from flows.core.actors.edges import NOT_NAME_WORDS, drop_leading, leading_title, names_an_event
from flows.core.actors.known_names import candidate_from_hit, clued_reading, split_by_hits
from flows.core.actors.lexicon import fold
from flows.core.actors.scan import Hit, Token, run_tokens
from flows.core.actors.unknown_names import is_name_part, judge_unknown
from flows.core.actors.vocabulary import (
    ANY_ORGANISATION_HEAD,
    GENERIC_PLACE_WORDS,
    INTERNATIONAL_FIRST_WORDS,
    MONTHS_AND_DAYS,
    NAME_CONNECTORS,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    SECTOR_BY_HEAD,
    STREET_HEADS,
    WATER_HEADS,
)


def _pieces(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[list[Token]]:
    """Split a run at sentence ends, after possessives and at month and day names, unless a gazetteer hit spans
    the break."""
    if len(tokens) == 1:  # half of all runs: one word is one piece, unless it is a month or a day
        return [] if tokens[0].text in MONTHS_AND_DAYS else [[tokens[0]]]
    pieces: list[list[Token]] = [[]]
    sentence_end = ctx.sentences[ctx.sentence_at(tokens[0].start)].char_end if tokens else 0
    for token in tokens:
        if token.text in MONTHS_AND_DAYS:
            pieces.append([])
            continue
        if token.start >= sentence_end:
            sentence_end = ctx.sentences[ctx.sentence_at(token.start)].char_end
            pieces.append([])
        pieces[-1].append(token)
        if token.final or (token.possessive and not any(h.start <= token.start and h.end > token.end + 2
                                                           for h in hits)):
            pieces.append([])
    return [piece for piece in pieces if piece]


# A run that is one of these words alone ("The", "However", "March") is dropped whole by drop_leading: a
# quarter of all runs, so they are ruled out before they are split into tokens.
_NEVER_ALONE = frozenset(word for word in NOT_NAME_WORDS if not word.endswith("."))


def classify_run(ctx: ArticleContext, start: int, end: int) -> list[Candidate]:
    """Candidates for the capitalised run ``text[start:end]`` of a body sentence."""
    if ctx.text[start:end] in _NEVER_ALONE:
        return []
    tokens = run_tokens(ctx.text, start, end)
    hits = ctx.names_within(start, tokens[-1].end) if tokens else []
    found: list[Candidate] = []
    for piece in _pieces(ctx, tokens, hits):
        piece = drop_leading(ctx, piece, hits)
        if piece:  # a piece that is the whole run holds all its hits
            inner = hits if piece == tokens else [
                hit for hit in hits if hit.start >= piece[0].start and hit.end <= piece[-1].end]
            found.extend(classify_piece(ctx, piece, inner))
    return found


def classify_piece(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Candidate]:
    if len(tokens) == 1 and not hits and tokens[0].text != "and":
        return judge_unknown(ctx, tokens, None)  # a lone unknown word: of the rules below, only the last applies
    if names_an_event(ctx, tokens):
        return []  # an event ("Brazilian Grand Prix", "US Open") names no actor, nor the place in its name
    start, end = tokens[0].start, tokens[-1].end
    whole = next((hit for hit in hits if hit.start == start and hit.end == end), None) if hits else None
    if whole is not None:
        candidate = candidate_from_hit(ctx, whole)
        return [candidate] if candidate else []
    branch = _national_branch(ctx, tokens, hits)
    if branch is not None:
        return [branch]
    affiliated = _person_of_body(ctx, tokens, hits)  # before the head noun: "Mark Davies of Harvard University"
    if affiliated is not None:
        return affiliated
    headed = _headed_candidate(ctx, tokens, hits)
    if headed is not None:
        return [headed]
    titled = _titled_person(ctx, tokens, hits)
    if titled is not None:
        return titled
    if any(token.text == "and" for token in tokens):
        return _split_at_and(ctx, tokens, hits)
    return split_by_hits(ctx, tokens, hits)


def _person_of_body(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Candidate] | None:
    """ "[Professor] Chris Fallows of Apex Shark Expeditions": a given name and a surname, then "of" and a body."""
    if len(tokens) < 4:  # dropping a title only shortens the phrase: settled before looking for one
        return None
    title = leading_title(ctx, tokens)
    if title is not None:
        tokens = [token for token in tokens if token.start > title.end]
    if len(tokens) < 4:  # two or three words, "of", one or more words
        return None
    cut = next((i for i, token in enumerate(tokens) if token.text in {"of", "from"}), None)
    if cut is None or not 2 <= cut <= 3 or cut == len(tokens) - 1:
        return None
    name = tokens[:cut]
    if fold(name[0].text) not in ctx.lexicon.given_names or any(h.start < name[-1].end for h in hits):
        return None
    if not all(is_name_part(ctx, token.text) for token in name[1:]) or name[-1].text in ANY_ORGANISATION_HEAD:
        return None
    rest = tokens[cut + 1:]
    person = _person_from_tokens(ctx, name, [], None)
    person.title = ctx.text[title.start:title.end] if title is not None else None
    return [person, *classify_piece(ctx, rest, [h for h in hits if h.start >= rest[0].start])]


def _national_branch(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> Candidate | None:
    """ "CNN Philippines", "Youth Forum Zimbabwe": an organisation's name followed by a country is its national
    branch or body, one organisation of that country."""
    last = hits[-1] if hits else None
    if last is None or last.end != tokens[-1].end or last.of_kind("country") is None:
        return None
    body = [token for token in tokens if token.end <= last.start]
    if not body or any(token.possessive for token in body):
        return None
    if fold(body[0].text) in ctx.lexicon.given_names and any(token.text in {"of", "from"} for token in body):
        return None  # "Jennifer Lu of Marriage Equality Coalition Taiwan": a person first
    inner = [hit for hit in hits if hit.end <= last.start]
    registry = len(inner) == 1 and (inner[0].start, inner[0].end) == (body[0].start, body[-1].end) and (
        inner[0].of_kind("institution") is not None)
    if not registry and (len(body) < 2 or body[-1].text not in ORGANISATION_HEADS or inner):
        return None
    country = last.of_kind("country")
    assert country is not None
    sector = inner[0].of_kind("institution").sector if registry else SECTOR_BY_HEAD.get(body[-1].text)  # type: ignore[union-attr]
    start, end = tokens[0].start, tokens[-1].end
    return Candidate(start, end, "organization", ctx.text[start:end], country.code, sector)


def _split_at_and(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Candidate]:
    found: list[Candidate] = []
    part: list[Token] = []
    for token in [*tokens, None]:
        if token is not None and token.text != "and":
            part.append(token)
            continue
        if part:
            inner = [hit for hit in hits if hit.start >= part[0].start and hit.end <= part[-1].end]
            found.extend(classify_piece(ctx, part, inner))
        part = []
    return found


def _first_code(hits: list[Hit], start: int) -> str | None:
    """The country a phrase names inside it ("Russian Emergencies Ministry", "University of Montreal"); a one-word
    town at the very start is more likely a person's name ("Kennedy Space Center"), a longer place is not
    ("Sunshine Coast Rugby Union")."""
    for hit in hits:
        at_start = hit.start == start and " " not in hit.entries[0].name
        kinds = ("country", "capital", "demonym", "institution") + (() if at_start else ("place",))
        entry = hit.of_kind(*kinds)
        if entry is not None and (entry.code or entry.stands_for):
            return entry.code or entry.stands_for
    return None


# Gazetteer readings of these words inside a body's name place nothing: "Centre" and "North" are also regions,
# "Valley" ("Thames Valley Police") is Anguilla's capital.
_WORDS_PLACING_NO_BODY = ANY_ORGANISATION_HEAD | GENERIC_PLACE_WORDS | PLACE_HEADS



def _headed_candidate(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> Candidate | None:
    if len(tokens) < 2:
        return None
    first, last = tokens[0].text, tokens[-1].text
    start, end = tokens[0].start, tokens[-1].end
    name = ctx.text[start:end]
    if last in ORGANISATION_HEADS or _is_headed_of(tokens):
        sector = SECTOR_BY_HEAD.get(last) or SECTOR_BY_HEAD.get(first)
        # A head word's own gazetteer reading ("Centre", a region of Burkina Faso) says nothing of the body, last
        # ("Research Centre") or before "of" and "for" ("MRC Centre for Disease Analysis").
        inner = [hit for hit in hits if ctx.text[hit.start:hit.end] not in _WORDS_PLACING_NO_BODY]
        code = _of_code(ctx, tokens, inner) or _first_code(inner, start)
        body = Candidate(start, end, "organization", name, code, sector)
        body.stateless = body.code is None and first in INTERNATIONAL_FIRST_WORDS  # "World Heritage Committee"
        return body
    if last in WATER_HEADS:
        return Candidate(start, end, "place", name, None)
    if last in PLACE_HEADS:
        # "Blyth Valley": a gazetteer reading of the head word itself ("The Valley", Anguilla) says nothing.
        before_head = [hit for hit in hits if hit.end <= tokens[-1].start] if last not in STREET_HEADS else []
        place = Candidate(start, end, "place", name, _first_code(before_head, start))
        # "Victoria Park": a capital or town in a place's name may be a namesake; a country or demonym is not.
        place.town_code = place.code is not None and not any(
            hit.of_kind("country", "demonym", "institution") for hit in before_head)
        return place
    return None


def _of_code(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> str | None:
    """ "Supreme Court of Puerto Rico": the country or place after "of" places the body, before any body named
    in front of it (the registry's "Supreme Court" is the United States')."""
    of = next((token for token in tokens if token.text == "of"), None)
    if of is None:
        return None
    for hit in hits:
        if hit.start < of.start or hit.of_kind("institution"):
            continue
        # "Supreme Court of Georgia ... in Atlanta": the reading the article's other names point at
        entry = clued_reading(ctx, hit, _OF_KINDS) or hit.of_kind(*_OF_KINDS)
        if entry is not None and entry.code:
            return entry.code
    return None


_OF_KINDS = ("country", "capital", "place")


def _is_headed_of(tokens: list[Token]) -> bool:
    """ "Ministry of Defence", "Centers for Disease Control": a head noun, then "of" or "for"."""
    return any(tok.text in ANY_ORGANISATION_HEAD and nxt.text in {"of", "for"} for tok, nxt in pairwise(tokens))


def _titled_person(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Candidate] | None:
    """ "[U.S.] [Deputy] Secretary of State Antony Blinken [of ...]": a title then a name inside one run."""
    end = tokens[-1].end
    inside = [t for t in ctx.titles_starting_within(tokens[0].start, end) if t.end < end]
    name_start = None
    title_hit = None
    for title in reversed(inside):
        following = [tok for tok in tokens if tok.start > title.end]
        if following and following[0].text not in NAME_CONNECTORS and following[0].start - title.end <= 2:
            title_hit, name_start = title, following[0].start
            break
    if title_hit is None or name_start is None:
        return None
    prefix_hits = [hit for hit in hits if hit.end <= title_hit.start]
    title_from = max([tokens[0].start, *(hit.end for hit in prefix_hits)])
    title_text = ctx.text[title_from:title_hit.end].strip(" ,") or ctx.text[title_hit.start:title_hit.end]
    rest = [tok for tok in tokens if tok.start >= name_start]
    person_tokens, after = _cut_at_connector(rest)
    found: list[Candidate] = [c for c in map(lambda h: candidate_from_hit(ctx, h), prefix_hits) if c]
    person_hits = [hit for hit in hits if hit.start >= name_start and hit.end <= person_tokens[-1].end]
    code = _first_code(prefix_hits, -1)
    tail = classify_piece(ctx, after, [h for h in hits if h.start >= after[0].start]) if after else []
    if code is None:
        code = next((c.code for c in tail if c.type in {"country", "organization"} and c.code), None)
    person = _person_from_tokens(ctx, person_tokens, person_hits, code)
    person.town_code = code is not None and code == person.code and _only_towns_place(prefix_hits)
    person.title = title_text
    person.sector = person.sector or (title_hit.entries[0].sector if title_hit.entries else None)
    return [*found, person, *tail]


def _only_towns_place(hits: list[Hit]) -> bool:
    """ "Santa Barbara County Sheriff Bill Brown": the code came from a town's name, not a country's or a body's."""
    return not any(hit.of_kind("country", "capital", "demonym", "institution") for hit in hits)


def _cut_at_connector(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    for index, token in enumerate(tokens):
        if index and token.text in {"of", "for", "&"}:
            return tokens[:index], tokens[index + 1:]
    return tokens, []


def _person_from_tokens(ctx: ArticleContext, tokens: list[Token], hits: list[Hit], code: str | None) -> Candidate:
    start, end = tokens[0].start, tokens[-1].end
    registry = next((hit for hit in hits if hit.start == start and hit.end == end and hit.of_kind("person")), None)
    if registry is not None:
        entry = registry.of_kind("person")
        assert entry is not None
        return Candidate(start, end, "person", entry.name, code or entry.code, entry.sector, registry=True)
    return Candidate(start, end, "person", ctx.text[start:end], code)
