"""Turn one run of capitalised words into typed candidates (body sentences only).

Order of evidence: a gazetteer entry covering the whole phrase; a head noun ("... Ministry", "... Strait"); a
title before a name ("Health Minister Veronika Skvortsova"); then the pieces between gazetteer hits, judged by
the shape of the words and the words around them.
"""

from __future__ import annotations

import re
from itertools import pairwise

from flows.core.actors.candidates import ArticleContext, Candidate
from flows.core.actors.lexicon import Entry, fold
from flows.core.actors.scan import Hit, Token, run_tokens
from flows.core.actors.vocabulary import (
    LEADING_ORGANISATION_HEADS,
    MONTHS_AND_DAYS,
    NAME_CONNECTORS,
    NAME_FOLLOWERS,
    NAME_PARTICLES,
    NEVER_NAMES,
    NON_ORGANISATION_ACRONYMS,
    ORGANISATION_APPOSITION_NOUNS,
    ORGANISATION_HEADS,
    ORGANISATION_NOUNS_AFTER,
    ORGANISATION_PREFIX_CUES,
    ORGANISATION_VERB_CUES,
    PERSON_APPOSITION_NOUNS,
    PLACE_HEADS,
    PLACE_NOUNS_AFTER,
    PLACE_PREPOSITIONS,
    POLITICAL_OBJECT_VERBS,
    POLITICAL_VERBS,
    ROMAN_NUMERALS,
    WATER_HEADS,
    words,
)

HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Dame", "Prof", "Prof."})
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_DOMAIN = re.compile(r"\.(?:com|org|net|co|io|ru|uk|de|fr|cn|info|news)$", re.IGNORECASE)
_INITIAL = re.compile(r"^[A-Z]\.$")
_APPOSITION = re.compile(r"^, (?:the|a|an|its|his|her) ([^,.;:()]{1,80})")
_NEXT_WORD = re.compile(r"^[ \u00a0]+([a-z]+)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[ \u00a0]+(?:the[ \u00a0]+)?$")
_ANY_HEAD = ORGANISATION_HEADS | LEADING_ORGANISATION_HEADS
_SECTOR_BY_HEAD = {
    **dict.fromkeys(words("Ministry Department Agency Office Bureau Administration Cabinet Secretariat Directorate "
                    "Embassy Consulate Treasury Commission Authority"), "GOV"),
    **dict.fromkeys(words("Army Navy Corps Forces Force Brigade Battalion Regiment Division Command Guard"), "MIL"),
    **dict.fromkeys(words("Court Tribunal"), "JUD"),
    **dict.fromkeys(words("Parliament Assembly Congress Senate"), "LEG"),
    **dict.fromkeys(words("Party"), "PTY"),
    **dict.fromkeys(words("Police"), "COP"),
    **dict.fromkeys(words("University College School Academy Institute"), "EDU"),
    **dict.fromkeys(words("Times Post News Journal Herald Tribune Telegraph Gazette Press Broadcasting "
                          "Television Radio Media"), "MED"),
    **dict.fromkeys(words("Company Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC Plc PLC Co Co. Holdings Airlines "
                          "Airways "
                    "Motors Industries Bank Exchange"), "BUS"),
    **dict.fromkeys(words("Church Mission"), "REL"),
    **dict.fromkeys(words("Hospital"), "HLH"),
}


def candidate_from_hit(ctx: ArticleContext, hit: Hit) -> Candidate | None:
    """The actor a gazetteer hit names, or None for demonyms and descriptions."""
    entry = hit.of_kind("person", "institution", "country", "capital", "place")
    if entry is None or entry.type is None:
        return None
    if entry.kind == "capital":
        return _capital_candidate(ctx, hit, entry)
    code = entry.code or entry.stands_for
    candidate = Candidate(hit.start, hit.end, entry.type, entry.name, code, entry.sector, registry=True)
    if entry.kind == "country":
        other = hit.of_kind("place")
        candidate.place_code = other.code if other is not None and other.code != code else None
    return candidate


def _capital_candidate(ctx: ArticleContext, hit: Hit, entry: Entry) -> Candidate:
    """A capital stands for its country ("Beijing claims", "accuse Washington") unless it is where one goes."""
    before = _PREVIOUS_WORD.search(ctx.text[max(hit.start - 30, 0):hit.start])
    after = ctx.text[hit.end:hit.end + 30]
    following = _NEXT_WORD.match(after)
    acts = after.startswith(("'s", "\u2019s")) or (following is not None and following.group(1) in POLITICAL_VERBS)
    acted_on = before is not None and before.group(1).lower() in POLITICAL_OBJECT_VERBS
    if not (acts or acted_on) or entry.code is None:
        return Candidate(hit.start, hit.end, "place", entry.name, entry.code, registry=True)
    return Candidate(hit.start, hit.end, "country", ctx.lexicon.country_names.get(entry.code, entry.name),
                     entry.code, registry=True, stands_in=True)


def _hit_code(hit: Hit) -> str | None:
    entry = hit.of_kind("country", "capital", "demonym", "institution", "place")
    return (entry.code or entry.stands_for) if entry else None


def _is_ordinary(ctx: ArticleContext, word: str) -> bool:
    low = fold(word)
    return low in ctx.lexicon.common_words and low not in ctx.lexicon.given_names


def _drop_leading(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Token]:
    """Drop words that are not part of a name: "The", "However", a sentence-initial ordinary word."""
    starts = {hit.start for hit in hits if hit.of_kind("person", "institution", "country", "capital")}
    while tokens:
        word = tokens[0].text
        if word in NEVER_NAMES or word in MONTHS_AND_DAYS or word in NAME_CONNECTORS:
            tokens = tokens[1:]
            continue
        if tokens[0].start not in starts and ctx.is_sentence_initial(tokens[0].start) and (
            _is_ordinary(ctx, word) or word.lower() in ctx.lower_words or _precedes_given_name(ctx, tokens)
            or _precedes_connector(tokens)
        ):
            tokens = tokens[1:]
            continue
        break
    while tokens and (tokens[-1].text in NAME_CONNECTORS or tokens[-1].text in NEVER_NAMES):
        tokens = tokens[:-1]
    return tokens


def _precedes_given_name(ctx: ArticleContext, tokens: list[Token]) -> bool:
    """ "Later Laura Bush": an unknown first word before a given name is not part of the name."""
    given = ctx.lexicon.given_names
    return len(tokens) > 2 and fold(tokens[0].text) not in given and fold(tokens[1].text) in given


def _precedes_connector(tokens: list[Token]) -> bool:
    """ "Shares of Quixa": a sentence-initial word joined by "of" to a name, that is not itself an "X of" head."""
    return len(tokens) > 2 and tokens[1].text in {"of", "for"} and tokens[0].text not in LEADING_ORGANISATION_HEADS


def _pieces(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[list[Token]]:
    """Split a run at sentence ends, after possessives and at month and day names, unless a gazetteer hit spans
    the break."""
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


def classify_run(ctx: ArticleContext, start: int, end: int) -> list[Candidate]:
    """Candidates for the capitalised run ``text[start:end]`` of a body sentence."""
    tokens = run_tokens(ctx.text, start, end)
    hits = ctx.names_within(start, tokens[-1].end) if tokens else []
    found: list[Candidate] = []
    for piece in _pieces(ctx, tokens, hits):
        piece = _drop_leading(ctx, piece, hits)
        if piece:
            inner = [hit for hit in hits if hit.start >= piece[0].start and hit.end <= piece[-1].end]
            found.extend(classify_piece(ctx, piece, inner))
    return found


def classify_piece(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Candidate]:
    start, end = tokens[0].start, tokens[-1].end
    whole = next((hit for hit in hits if hit.start == start and hit.end == end), None)
    if whole is not None:
        candidate = candidate_from_hit(ctx, whole)
        return [candidate] if candidate else []
    branch = _national_branch(ctx, tokens, hits)
    if branch is not None:
        return [branch]
    headed = _headed_candidate(ctx, tokens, hits)
    if headed is not None:
        return [headed]
    titled = _titled_person(ctx, tokens, hits)
    if titled is not None:
        return titled
    affiliated = _person_of_body(ctx, tokens, hits)
    if affiliated is not None:
        return affiliated
    if any(token.text == "and" for token in tokens):
        return _split_at_and(ctx, tokens, hits)
    return _split_by_hits(ctx, tokens, hits)


def _person_of_body(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Candidate] | None:
    """ "Chris Fallows of Apex Shark Expeditions": a given name and a surname, then "of" and a body."""
    cut = next((i for i, token in enumerate(tokens) if token.text in {"of", "from"}), None)
    if cut is None or not 2 <= cut <= 3 or cut == len(tokens) - 1:
        return None
    name = tokens[:cut]
    if fold(name[0].text) not in ctx.lexicon.given_names or any(h.start < name[-1].end for h in hits):
        return None
    if not all(_is_name_part(ctx, token.text) for token in name[1:]) or name[-1].text in _ANY_HEAD:
        return None
    rest = tokens[cut + 1:]
    person = _person_from_tokens(ctx, name, [], None)
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
    sector = inner[0].of_kind("institution").sector if registry else _SECTOR_BY_HEAD.get(body[-1].text)  # type: ignore[union-attr]
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
    """The country a phrase names inside it ("Russian Emergencies Ministry", "University of Montreal"); a town
    at the very start is more likely a person's name ("Kennedy Space Center")."""
    for hit in hits:
        kinds = ("country", "capital", "demonym", "institution") + (("place",) if hit.start > start else ())
        entry = hit.of_kind(*kinds)
        if entry is not None and (entry.code or entry.stands_for):
            return entry.code or entry.stands_for
    return None


def _headed_candidate(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> Candidate | None:
    if len(tokens) < 2:
        return None
    first, last = tokens[0].text, tokens[-1].text
    start, end = tokens[0].start, tokens[-1].end
    name = ctx.text[start:end]
    headed_of = any(tok.text in _ANY_HEAD and nxt.text in {"of", "for"} for tok, nxt in pairwise(tokens))
    if last in ORGANISATION_HEADS or headed_of:
        sector = _SECTOR_BY_HEAD.get(last) or _SECTOR_BY_HEAD.get(first)
        return Candidate(start, end, "organization", name, _first_code(hits, start), sector)
    if last in WATER_HEADS:
        return Candidate(start, end, "place", name, None)
    if last in PLACE_HEADS:
        return Candidate(start, end, "place", name, _first_code(hits, start))
    return None


def _titled_person(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Candidate] | None:
    """ "[U.S.] [Deputy] Secretary of State Antony Blinken [of ...]": a title then a name inside one run."""
    end = tokens[-1].end
    inside = [t for t in ctx.titles if t.start >= tokens[0].start and t.end < end]
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
    person.title = title_text
    person.sector = person.sector or (title_hit.entries[0].sector if title_hit.entries else None)
    return [*found, person, *tail]


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


def _split_by_hits(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> list[Candidate]:
    """Gazetteer hits become their actors; the words between them are judged on their own."""
    if _is_given_name_place(ctx, tokens, hits) or _is_place_surname(ctx, tokens, hits):
        return _judge_unknown(ctx, tokens, None)
    if _is_name_before_town(ctx, tokens, hits):
        return [Candidate(tokens[0].start, tokens[-1].end, "person", ctx.text[tokens[0].start:tokens[-1].end])]
    known = _known_person_in_full(ctx, tokens, hits)
    if known is not None:
        return [known]
    found: list[Candidate] = []
    pending: list[Token] = []
    previous: Hit | None = None
    for token in tokens:
        hit = next((h for h in hits if h.start <= token.start < h.end), None)
        if hit is None:
            pending.append(token)
            continue
        if pending:
            found.extend(_judge_unknown(ctx, pending, previous))
            pending = []
        if hit is not previous:
            candidate = candidate_from_hit(ctx, hit)
            if candidate:
                found.append(candidate)
            previous = hit
    if pending:
        found.extend(_judge_unknown(ctx, pending, previous))
    return found


def _known_person_in_full(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> Candidate | None:
    """ "Antony J. Blinken" where the registry knows "Blinken": one person, the registry's if the names agree."""
    if len(hits) != 1 or hits[0].of_kind("person") is None or hits[0].end != tokens[-1].end:
        return None
    before = [token for token in tokens if token.end <= hits[0].start]
    if not before or not all(_is_name_part(ctx, token.text) for token in before):
        return None
    entry = hits[0].of_kind("person")
    assert entry is not None
    start, end = tokens[0].start, tokens[-1].end
    given = [token.text for token in before if not _INITIAL.match(token.text)]
    if not given or fold(given[0]) == fold(entry.name.split()[0]):
        return Candidate(start, end, "person", entry.name, entry.code, entry.sector, registry=True)
    return Candidate(start, end, "person", ctx.text[start:end])


def _is_name_part(ctx: ArticleContext, word: str) -> bool:
    low = fold(word)
    return bool(_INITIAL.match(word)) or low in ctx.lexicon.given_names or (
        low not in ctx.lexicon.common_words and low not in ctx.lower_words and word not in NEVER_NAMES)


def _is_place_surname(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> bool:
    """ "John R. Bolton", "Chris Jordan": a given name (and initials) before a one-word place."""
    last = hits[-1] if hits else None
    if last is None or len(tokens) < 2 or last.start != tokens[-1].start or last.end != tokens[-1].end:
        return False
    if len(hits) > 1 or last.of_kind("person", "institution") or fold(tokens[0].text) not in ctx.lexicon.given_names:
        return False
    return all(_is_name_part(ctx, token.text) for token in tokens[:-1])


def _is_name_before_town(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> bool:
    """ "Sudesh Amman", "Xiaogang Wei": an unknown, unordinary word right before a one-word town or river is a
    given name, not part of the place ("Greater Amman", "Lake Victoria" and "in Wei" are not)."""
    if len(tokens) != 2 or len(hits) != 1 or (hits[0].start, hits[0].end) != (tokens[1].start, tokens[1].end):
        return False
    if hits[0].of_kind("country", "institution", "person", "demonym") or not hits[0].of_kind("place", "capital"):
        return False
    first = tokens[0].text
    if not first.isalpha() or not first[:1].isupper() or first.isupper() or first in _ANY_HEAD | PLACE_HEADS:
        return False
    if first in WATER_HEADS or first in NEVER_NAMES or first in MONTHS_AND_DAYS or tokens[0].possessive:
        return False
    ordinary = _is_ordinary(ctx, first) or first.lower() in ctx.lower_words
    return not ordinary and _context_kind(ctx, tokens[0].start, tokens[-1].end) != "place"


def _is_given_name_place(ctx: ArticleContext, tokens: list[Token], hits: list[Hit]) -> bool:
    """ "Jordan Henderson", "Georgia Smith": a one-word place that is also a given name, then unknown words."""
    if len(tokens) < 2 or not hits or hits[0].start != tokens[0].start or hits[0].end != tokens[0].end:
        return False
    if fold(tokens[0].text) not in ctx.lexicon.given_names or hits[0].of_kind("person", "institution"):
        return False
    return not any(hit.start >= tokens[1].start for hit in hits)


def _judge_unknown(ctx: ArticleContext, tokens: list[Token], previous: Hit | None) -> list[Candidate]:
    while tokens and tokens[0].text in NAME_CONNECTORS | NEVER_NAMES:
        tokens = tokens[1:]
    while tokens and tokens[-1].text in NAME_CONNECTORS | NEVER_NAMES:
        tokens = tokens[:-1]
    if not tokens:
        return []
    start, end = tokens[0].start, tokens[-1].end
    if any(title.start <= start and end <= title.end for title in ctx.titles_near(start)):
        return []
    kind = judge_kind(ctx, tokens)
    if kind is None:
        return []
    code = _hit_code(previous) if previous is not None and previous.end + 1 >= start else None
    if kind == "person":
        person = Candidate(start, end, "person", ctx.text[start:end], code)
        title = ctx.title_ending_before(start)
        if title is not None:
            person.title = ctx.text[title.start:title.end]
            person.sector = title.entries[0].sector if title.entries else None
        return [person]
    return [Candidate(start, end, kind, ctx.text[start:end], code if kind != "place" else None)]


def judge_kind(ctx: ArticleContext, tokens: list[Token]) -> str | None:
    """What an unknown capitalised phrase most likely names, from its shape and its neighbours."""
    start, end = tokens[0].start, tokens[-1].end
    words = [token.text for token in tokens]
    cue = _context_kind(ctx, start, end)
    if len(words) == 1:
        return _judge_single(ctx, words[0], start, cue)
    if cue == "organization":
        return cue
    given = fold(words[0]) in ctx.lexicon.given_names
    shaped = any(_INITIAL.match(w) or w in NAME_PARTICLES for w in words[1:-1])
    honorific = _has_honorific(ctx, start)
    if given or shaped or honorific or ctx.title_ending_before(start) is not None:
        return "person"
    if cue is not None:
        return cue
    content = [w for w in words if w not in NAME_CONNECTORS]
    if any(_is_ordinary(ctx, w) or w.lower() in ctx.lower_words or not w[:1].isalpha() for w in content):
        return None
    return "person"


def _judge_single(ctx: ArticleContext, word: str, start: int, cue: str | None) -> str | None:
    if _is_acronym(ctx, word):
        return None if _abbreviates_ordinary_words(ctx, start) else "organization"
    if len(word) <= 2:
        return None
    if _DOMAIN.search(word):
        return "organization"
    if cue == "organization" or _has_honorific(ctx, start) or ctx.title_ending_before(start) is not None:
        return cue or "person"
    if cue == "place" and not _is_ordinary(ctx, word) and word.lower() not in ctx.lower_words:
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
    following = _NEXT_WORD.match(after)
    return after[:1] in {",", ".", ";", ":", "'", "\u2019", ")"} or (
        following is not None and following.group(1) in NAME_FOLLOWERS)


def _has_honorific(ctx: ArticleContext, start: int) -> bool:
    before = ctx.text[max(start - 6, 0):start].rstrip()
    return any(before.endswith(h) for h in HONORIFICS)


def _context_kind(ctx: ArticleContext, start: int, end: int) -> str | None:
    """Cues around a phrase: "X said in a statement", "shares of X", "X, the state oil company", "in X"."""
    text = ctx.text
    after = text[end:end + 90]
    before = text[max(start - 25, 0):start].lower()
    if after.startswith(ORGANISATION_VERB_CUES[:2]) or before.endswith(ORGANISATION_PREFIX_CUES):
        return "organization"
    following = _NEXT_WORD.match(after)
    if following and following.group(1) in ORGANISATION_NOUNS_AFTER:
        return "organization"
    if following and following.group(1) in PLACE_NOUNS_AFTER and before.endswith("the "):
        return "place"
    apposition = _APPOSITION.match(after)
    if apposition:
        words = set(apposition.group(1).split())
        if words & ORGANISATION_APPOSITION_NOUNS:
            return "organization"
        if words & PERSON_APPOSITION_NOUNS:
            return "person"
    previous = _PREVIOUS_WORD.search(before)
    if previous and previous.group(1) in PLACE_PREPOSITIONS:
        return "place"
    return None
