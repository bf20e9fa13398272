"""What the words around a person say about them: their country and their role.

"China's leader, Xi Jinping" (possessive), "Chinese dissident Ai Weiwei" (demonym), "Daniel J. Kritenbrink, the top
East Asia official in the State Department" (apposition), "Blinken ..., the first U.S. secretary of state to ..."
(a description elsewhere in the sentence), and finally the people registry.
"""

from __future__ import annotations

import re

from flows.core.actors.candidates import ArticleContext, Candidate
from flows.core.actors.grouping import person_words
from flows.core.actors.lexicon import fold
from flows.core.actors.registry_people import (
    names_a_full_name,
    read_registry_code,
    release_namesake,
    release_uncurated,
)
from flows.core.actors.scan import Hit
from flows.core.actors.vocabulary import NAME_PARTICLES

_LOWER_GAP = re.compile(r"^[ a-z\-]{0,30}$")
# "UCL astronomer", "Lib Dem foreign affairs spokesman": a body, a few small words, and a role noun last.
_ROLE_WORDS = re.compile(r"^ (?:[a-z]{2,15} ){0,2}([a-z]{4,20}) $")
_NOT_ROLES = frozenset("said says told asked with from that when while after where than whom".split())
# Between a placed name and a title that names the person: "U.S. Deputy Secretary of State", "Kenyan acting".
_TITLE_GAP = re.compile(r"^[ \-]*(?:[A-Za-z\-]+ ){0,2}$")
# "An Australian, Brenton Tarrant, ...": a demonym used as a noun, then the name in apposition.
_DEMONYM_NOUN = re.compile(r"\b(?:[Aa]n?|[Tt]he) $")
# ", the top official", ", a UN rapporteur", ", Kenya's envoy", ", son of the late ...", ", director of news for".
_APPOSITION_START = re.compile(r"^, (?:the |a |an |then |now |his |her |[A-Z]|[a-z]+(?: [a-z]+)? (?:of|for|at) )")
# An apposition ends where a clause goes on: punctuation, "who", a lowercase word after a comma ("..., was
# killed"), or a verb of speaking ("told the Associated Press": whom one speaks to says nothing of one's country).
_CLAUSE_END = re.compile(
    r"[.;:()\"\u201c\u201d]|, (?:and|but)\b|\b(?:who|which|that)\b|, (?=[a-z])"
    r"|\b(?:told|tells|said|says|according to|reported|wrote|added|in an interview)\b")
# "the general manager of Abu Dhabi Media, Dr Ali bin Tamim": a role noun and "of", a body, a comma, the name.
_ROLE_OF = re.compile(r"\b[a-z]{3,}(?: [a-z]+)? (?:of|for|at) (?:the )?$")
_ROLE_THEN_NAME = re.compile(r", (?:(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir)\.? )?")
_PLAYER_WORDS = frozenset("signing striker midfielder defender goalkeeper keeper forward winger player star "
                          "captain recruit target loanee".split())
_FINITE_VERBS = frozenset("is was are were has had have will would said says told announced".split())
_CODE_KINDS = ("country", "capital", "demonym", "institution")
# Bodies that act for no one country: international and non-governmental organisations, and armed groups
# without a home state (al-Qaeda); a person described by one of them is not placed by the article's country.
_STATELESS_SECTORS = frozenset({"IGO", "NGO", "REB"})
_SETTLEMENT_KINDS = frozenset({"city", "state", "province", "region"})
# Between the names of a list after a plural demonym: "Russians, Igor Andreev and seventh seed Mikhail Youzhny".
# "two other Russians, Igor Andreev and ..." lists them; "after beating the Italians, Andy Robinson said" does not.
_COUNTED_BEFORE = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|other|fellow) $")
_FIRST_GAP = re.compile(r",? ")
_FIRST_GAP_NO_COMMA = re.compile(r" ")
_LIST_GAP = re.compile(r"(?:,? and |, )(?:[a-z]+ ){0,2}")
_STANCE_PREFIXES = ("pro-", "anti-", "Pro-", "Anti-")
_NOT_ALLEGIANCE_WORDS = frozenset("War war immigrant immigrants descent origin heritage ancestry roots "
                                  "parents".split())


def _hit_code(hit: Hit, kinds: tuple[str, ...] = _CODE_KINDS) -> str | None:
    entry = hit.of_kind(*kinds)
    return (entry.code or entry.stands_for) if entry else None


def _prefix_code(ctx: ArticleContext, person: Candidate, floor: int) -> str | None:
    hit = ctx.name_before(person.start, floor)
    if hit is None:
        return None
    gap = ctx.text[hit.end:person.start]
    if len(gap) > 60 or any(mark in gap for mark in ".;:!?") or _is_no_allegiance(ctx, hit):
        return None
    code = _hit_code(hit, (*_CODE_KINDS, "place"))
    if gap.startswith(("'s", "\u2019s")) and gap.count(",") <= 1:
        return code
    if hit.of_kind("demonym") and ((_LOWER_GAP.match(gap) and not _FINITE_VERBS.intersection(gap.split())) or (
            gap == ", " and _follows_article(ctx, hit) and not _is_plural(ctx.text[hit.start:hit.end]))):
        return code  # "Chinese dissident Ai Weiwei", but not "the Russians said Mary Jones won"
    body = hit.of_kind("institution")
    town = _settlement_code(hit) if body is None else None
    role = _ROLE_WORDS.match(gap) if body is not None or town is not None else None
    if role and _is_role_word(role.group(1)) and not _NOT_ROLES.intersection(gap.split()):
        if body is not None and code is None and body.sector in _STATELESS_SECTORS:
            person.stateless = True  # "OIC head Yousef Al-Othaimeen": acting for no one state
        if town is not None:  # "Toowoomba coach Geoff Ingram", "Texas lawyer Ann Smith"; a town may be a namesake
            if role.group(1) in _PLAYER_WORDS or not (_stands_alone(ctx, hit) or ctx.is_sentence_initial(hit.start)):
                return None  # "Leicester signing Wilfred Ndidi": a club's player may come from anywhere
            place = hit.of_kind("place")
            person.town_code = place is not None and place.place_kind == "city"
            return town
        return code  # "UCL astronomer Angelos Tsiaras": the body's member
    titled = any(
        hit.end <= t.start and 0 <= person.start - t.end <= 2 and _TITLE_GAP.match(ctx.text[hit.end:t.start])
        for t in ctx.titles_near(person.start)
    )
    return code if titled else None


def _bracketed_code(ctx: ArticleContext, person: Candidate) -> str | None:
    """ "Quentin Fillon Maillet (France)", "Sam Kerr (AUS, 2 goals)": a country in brackets right after the name."""
    if ctx.text[person.end:person.end + 2] != " (":
        return None
    hit = next(iter(ctx.names_starting_within(person.end + 2, person.end + 3)), None)
    if hit is None or ctx.text[hit.end:hit.end + 1] not in {")", ","}:
        return None
    entry = hit.of_kind("country")
    return entry.code if entry else None


def _is_plural(demonym: str) -> bool:
    """ "Italians", "Britons", but not "Swiss": after "beating the Italians, Andy Robinson" names no Italian."""
    return demonym.endswith("s") and not demonym.endswith("ss")


def _follows_article(ctx: ArticleContext, hit: Hit) -> bool:
    return bool(_DEMONYM_NOUN.search(ctx.text, max(hit.start - 5, 0), hit.start))


def _is_role_word(word: str) -> bool:
    """ "astronomer", "spokesman": a noun for what someone does, not a verb ("described", "citing")."""
    return word not in _NOT_ROLES and not word.endswith(("ed", "ing"))


def _apposition_code(ctx: ArticleContext, person: Candidate, bodies: list[Candidate]) -> str | None:
    """ "Jasim Uddin, a spokesperson for the fire service, told ...": the first placed name in the apposition; an
    international body there ("Agnès Callamard, a UN rapporteur") marks the person as acting for no country."""
    after = ctx.text[person.end:person.end + 160]
    start = _APPOSITION_START.match(after)
    if not start:
        return None
    end = _CLAUSE_END.search(after, 2)
    limit = person.end + (end.start() if end else len(after))
    hits = ctx.names_within(person.end, limit)
    if hits and _starts_a_clause(ctx, hits[0], person.end + start.end()):
        return None
    described = start.group(0)[-1:] == " "  # ", a Toronto lawyer", not a list of names ", Daniel Pereira"
    for hit in hits:
        body = _enclosing_body(bodies, hit)
        if _starts_longer_name(ctx, hit) or _is_no_allegiance(ctx, hit):
            continue
        if body is not None:  # "Forum" inside "Youth Forum Zimbabwe": the whole name speaks
            if body.code:
                return body.code
            continue
        code = _hit_code(hit) or (_settlement_code(hit) if described and _stands_alone(ctx, hit) else None)
        if code:
            return code
        body = hit.of_kind("institution")
        if body is not None and body.sector in _STATELESS_SECTORS and _is_whole_name(ctx, hit):
            person.stateless = True
            return None
    return None


def _is_no_allegiance(ctx: ArticleContext, hit: Hit) -> bool:
    """ "from the pro-Beijing camp", "an Iraq War veteran", "the son of Indian immigrants": a country named for a
    stance, a war or a family's origin, not the one the person acts for."""
    if ctx.text.endswith(_STANCE_PREFIXES, max(hit.start - 5, 0), hit.start):
        return True
    following = ctx.text[hit.end:hit.end + 24].split()
    return bool(following) and following[0].rstrip(",.;") in _NOT_ALLEGIANCE_WORDS


def _starts_longer_name(ctx: ArticleContext, hit: Hit) -> bool:
    """A registry body's word that only begins a longer capitalised name ("Youth" in "Youth Forum Zimbabwe")."""
    following = ctx.text[hit.end:hit.end + 30].split()
    return hit.of_kind("institution") is not None and not ctx.text[hit.start:hit.end].isupper() and bool(
        following) and following[0][:1].isupper()


def _preceding_role_code(ctx: ArticleContext, person: Candidate, bodies: list[Candidate]) -> str | None:
    """ "the general manager of Abu Dhabi Media, Dr Ali bin Tamim": a role of a placed body, then the name."""
    for body in bodies:
        if not 0 < person.start - body.end <= 16 or not _ROLE_THEN_NAME.fullmatch(ctx.text, body.end, person.start):
            continue
        if _ROLE_OF.search(ctx.text, max(body.start - 40, 0), body.start) is None:
            return None
        if body.code is None and body.registry and body.sector in _STATELESS_SECTORS:
            person.stateless = True
        return body.code
    return None


def _enclosing_body(bodies: list[Candidate], hit: Hit) -> Candidate | None:
    longer = (b for b in bodies if b.start <= hit.start and hit.end <= b.end and b.end - b.start > hit.end - hit.start)
    return next(longer, None)


def _settlement_code(hit: Hit) -> str | None:
    """ "Howard Rubel, a Toronto lawyer": a city or region in the description places the person."""
    entry = hit.of_kind("place")
    if entry is None or entry.place_kind not in _SETTLEMENT_KINDS or hit.of_kind("person", "institution"):
        return None
    return entry.code


def _is_whole_name(ctx: ArticleContext, hit: Hit) -> bool:
    """ "UN" in "a UN rapporteur", but not "Commission" in "Bengali Anti-Corruption Commission"."""
    before = ctx.text[max(hit.start - 30, 0):hit.start].split()
    return not before or not before[-1][:1].isupper()


def _stands_alone(ctx: ArticleContext, hit: Hit) -> bool:
    """ "Toronto" in "a Toronto lawyer", but not "Sur" in "Surigao del Sur" nor "Santa" in "Santa Ana Winds"."""
    before = ctx.text[max(hit.start - 30, 0):hit.start].split()
    after = ctx.text[hit.end:hit.end + 30].split()
    if before and (before[-1][:1].isupper() or before[-1] in NAME_PARTICLES):
        return False
    return not after or not after[0][:1].isupper()


def _starts_a_clause(ctx: ArticleContext, hit: Hit, apposition_start: int) -> bool:
    """ "..., Senator Juan Dalmau, the Senate cancelled its hearing": a name opening the words after the comma and
    followed by a verb is the subject of a new clause, not a description of the person."""
    if hit.start > apposition_start + 1:
        return False
    following = ctx.text[hit.end:hit.end + 30].split()
    word = following[0] if following else ""
    return word in _FINITE_VERBS or (word.islower() and word.endswith("ed"))


def _described_code(ctx: ArticleContext, sentence_start: int, sentence_end: int,
                    persons: list[Candidate]) -> tuple[str, str] | None:
    """A "<country> <title>" phrase in the sentence that no name follows: "the first U.S. secretary of state"."""
    person_starts = {p.start for p in persons}
    for title in ctx.titles_starting_within(sentence_start, sentence_end):
        hit = ctx.name_before(title.start, sentence_start)
        if hit is None or ctx.text[hit.end:title.start].strip() != "" or _is_no_allegiance(ctx, hit):
            continue
        code = _hit_code(hit, ("country", "demonym"))
        follows = any(0 < start - title.end <= 2 for start in person_starts)
        if code and not follows:
            return code, ctx.text[title.start:title.end]
    return None


def _read_plural_demonym_lists(ctx: ArticleContext, persons: list[Candidate]) -> None:
    """ "two other Russians, Igor Andreev and seventh seed Mikhail Youzhny", "Kenyans Evans Rutto and Margaret
    Okayo": a plural demonym, then a list of names, places every name of the list. In place."""
    by_start = {p.start: p for p in persons}
    for hit in ctx.names:
        demonym = hit.of_kind("demonym")
        if demonym is None or not demonym.code or not _is_plural(ctx.text[hit.start:hit.end]):
            continue
        counted = _COUNTED_BEFORE.search(ctx.text, max(hit.start - 20, 0), hit.start) is not None
        gap = (_FIRST_GAP if counted else _FIRST_GAP_NO_COMMA).match(ctx.text, hit.end)
        person = by_start.get(gap.end()) if gap else None
        while person is not None:
            person.code = person.code or demonym.code
            gap = _LIST_GAP.match(ctx.text, person.end)
            if gap is None or _FINITE_VERBS.intersection(gap.group(0).split()):
                break
            person = by_start.get(gap.end())


def attribute_people(ctx: ArticleContext, candidates: list[Candidate]) -> None:
    """Fill in country codes (and roles from descriptions) of person candidates, in place."""
    full_name_words = {
        fold(word) for c in candidates if c.type == "person" and " " in c.name for word in c.name.split()
    }
    introduced = [(c.start, tuple(fold(w) for w in c.name.split())) for c in candidates
                  if c.type == "person" and len(person_words(ctx.text[c.start:c.end])) > 1]
    for candidate in candidates:
        if candidate.type == "person" and candidate.registry:
            release_namesake(ctx, candidate, introduced)
            release_uncurated(ctx, candidate)
    bodies = [c for c in candidates if c.type in {"organization", "group"}]
    _read_plural_demonym_lists(ctx, [c for c in candidates if c.type == "person"])
    by_sentence: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.type == "person":
            by_sentence.setdefault(ctx.sentence_at(candidate.start), []).append(candidate)
    for index, persons in by_sentence.items():
        sentence = ctx.sentences[index]
        for person in persons:
            if person.code is None:
                person.code = (_prefix_code(ctx, person, sentence.char_start) or _bracketed_code(ctx, person)
                               or _apposition_code(ctx, person, bodies) or _preceding_role_code(ctx, person, bodies))
        untitled = [p for p in persons if p.code is None or p.title is None]
        described = _described_code(ctx, sentence.char_start, sentence.char_end, persons) if untitled else None
        if described and untitled[0].code in {None, described[0]}:
            untitled[0].code = described[0]
            untitled[0].title = untitled[0].title or described[1]
        for person in persons:
            if (person.code is None or not person.registry) and not names_a_full_name(person, full_name_words):
                read_registry_code(ctx, person)
