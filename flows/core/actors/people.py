"""What the words around a person say about them: their country and their role.

"China's leader, Xi Jinping" (possessive), "Chinese dissident Ai Weiwei" (demonym), "Daniel J. Kritenbrink, the top
East Asia official in the State Department" (apposition), "Blinken ..., the first U.S. secretary of state to ..."
(a description elsewhere in the sentence), and finally the people registry.
"""

from __future__ import annotations

import re

from flows.core.actors.candidates import ArticleContext, Candidate
from flows.core.actors.lexicon import fold
from flows.core.actors.scan import Hit

_LOWER_GAP = re.compile(r"^[ a-z\-]{0,30}$")
_APPOSITION_START = re.compile(r"^, (?:the |a |an |then |now |his |her |[A-Z])")
_CLAUSE_END = re.compile(r"[.;:()\"\u201c\u201d]|, (?:who|which|and|but|said|says)\b")
_CODE_KINDS = ("country", "capital", "demonym", "institution")


def _hit_code(hit: Hit, kinds: tuple[str, ...] = _CODE_KINDS) -> str | None:
    entry = hit.of_kind(*kinds)
    return (entry.code or entry.stands_for) if entry else None


def _prefix_code(ctx: ArticleContext, person: Candidate, floor: int) -> str | None:
    hit = ctx.name_before(person.start, floor)
    if hit is None:
        return None
    gap = ctx.text[hit.end:person.start]
    if len(gap) > 60 or any(mark in gap for mark in ".;:!?"):
        return None
    code = _hit_code(hit, (*_CODE_KINDS, "place"))
    if gap.startswith(("'s", "\u2019s")) and gap.count(",") <= 1:
        return code
    if hit.of_kind("demonym") and _LOWER_GAP.match(gap):
        return code
    titled = any(hit.end <= t.start and t.end <= person.start for t in ctx.titles)
    return code if titled and "," not in gap else None


def _apposition_code(ctx: ArticleContext, person: Candidate) -> str | None:
    after = ctx.text[person.end:person.end + 160]
    if not _APPOSITION_START.match(after):
        return None
    end = _CLAUSE_END.search(after, 2)
    limit = person.end + (end.start() if end else len(after))
    hits = ctx.names_within(person.end, limit)
    return next((code for code in map(_hit_code, hits) if code), None)


def _described_code(ctx: ArticleContext, sentence_start: int, sentence_end: int,
                    persons: list[Candidate]) -> tuple[str, str] | None:
    """A "<country> <title>" phrase in the sentence that no name follows: "the first U.S. secretary of state"."""
    person_starts = {p.start for p in persons}
    for title in ctx.titles:
        if not sentence_start <= title.start < sentence_end:
            continue
        hit = ctx.name_before(title.start, sentence_start)
        if hit is None or ctx.text[hit.end:title.start].strip() != "":
            continue
        code = _hit_code(hit, ("country", "demonym"))
        follows = any(0 < start - title.end <= 2 for start in person_starts)
        if code and not follows:
            return code, ctx.text[title.start:title.end]
    return None


def _registry_code(ctx: ArticleContext, person: Candidate) -> None:
    words = person.name.split()
    entries = ctx.lexicon.person_surnames.get(fold(words[-1]), ()) if words else ()
    if len(entries) != 1:
        return
    entry = entries[0]
    if len(words) == 1 or fold(entry.name.split()[0]) == fold(words[0]):
        person.code = person.code or entry.code
        person.sector = person.sector or entry.sector
        if len(words) == 1:
            person.name, person.registry = entry.name, True


def _names_a_full_name(person: Candidate, full_name_words: set[str]) -> bool:
    """ "Nabil" where the article names "Nabil Hasan al-Quaety": not whoever the registry knows as Nabil."""
    return " " not in person.name and fold(person.name) in full_name_words


def attribute_people(ctx: ArticleContext, candidates: list[Candidate]) -> None:
    """Fill in country codes (and roles from descriptions) of person candidates, in place."""
    full_name_words = {
        fold(word) for c in candidates if c.type == "person" and " " in c.name for word in c.name.split()
    }
    by_sentence: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.type == "person":
            by_sentence.setdefault(ctx.sentence_at(candidate.start), []).append(candidate)
    for index, persons in by_sentence.items():
        sentence = ctx.sentences[index]
        for person in persons:
            if person.code is None:
                person.code = _prefix_code(ctx, person, sentence.char_start) or _apposition_code(ctx, person)
        untitled = [p for p in persons if p.code is None or p.title is None]
        described = _described_code(ctx, sentence.char_start, sentence.char_end, persons) if untitled else None
        if described and untitled[0].code in {None, described[0]}:
            untitled[0].code = described[0]
            untitled[0].title = untitled[0].title or described[1]
        for person in persons:
            if (person.code is None or not person.registry) and not _names_a_full_name(person, full_name_words):
                _registry_code(ctx, person)
