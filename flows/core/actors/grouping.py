"""Group candidates that name the same actor and give each actor its stable id.

Ids depend on the actor, not the article: a country is its alpha-3 code; a person is ``person:<slug>`` of the
full name without titles and middle initials; an organisation with a country is
``organization:<alpha-3 lower>:<slug>``; anything else is ``<type>:<slug>``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from flows.core.actors.candidates import Candidate
from flows.core.actors.lexicon import fold
from flows.core.actors.vocabulary import PLACE_PREPOSITIONS

T = TypeVar("T")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame"})
_CONNECTOR_WORDS = frozenset({"of", "for", "and", "the", "&"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True, eq=False)
class Group:
    """Candidates judged to name one actor (compared and hashed by identity)."""

    key: str
    type: str
    members: list[Candidate] = field(default_factory=list)

    @property
    def code(self) -> str | None:
        for member in self.members:  # a plain loop: this is asked very often
            if member.code:
                return member.code
        return None


@lru_cache(maxsize=8192)  # the same few names are slugged again and again within an article and a batch
def slug(name: str) -> str:
    """Lowercase ASCII words joined by hyphens; a name with no Latin letters gets a stable digest instead."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = _NOT_SLUG.sub("-", ascii_name.lower().replace("'", "")).strip("-")
    return words or "u" + hashlib.sha1(unicodedata.normalize("NFC", name).encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=8192)  # asked for the same names by the grouping, the propagation and the canonical name
def person_words(name: str) -> tuple[str, ...]:
    """The words of a person's name that identify them: no honorifics, no initials."""
    return tuple(w for w in name.replace("\u2019", "'").split() if fold(w) not in _HONORIFICS and not _INITIAL.match(w))


@lru_cache(maxsize=8192)
def _folded_person_words(name: str) -> tuple[str, ...]:
    return tuple(fold(word) for word in person_words(name))


@lru_cache(maxsize=8192)  # asked of every organisation's name for every acronym of the article
def initials(name: str) -> str:
    words = re.split(r"[\s\-]+", re.sub(r"['\u2019]s\b", "", name))
    return "".join(w[0] for w in words if w and w[0].isupper() and w.lower() not in _CONNECTOR_WORDS)


def strip_article(name: str) -> str:
    return name[4:] if name.startswith(("the ", "The ")) else name


def actor_key(candidate: Candidate) -> str:
    if candidate.type == "country" and candidate.code:
        return candidate.code
    if candidate.type == "person":
        return "person:" + slug(" ".join(person_words(candidate.name)) or candidate.name)
    name_slug = slug(strip_article(candidate.name))
    if candidate.type == "organization" and candidate.code:
        return f"organization:{candidate.code.lower()}:{name_slug}"
    return f"{candidate.type}:{name_slug}"


def _nearest_person(person: Candidate, full: list[tuple[Candidate, Group]], given: frozenset[str]) -> Group | None:
    """The full-named person a one-word name refers to: the last one before it, else the first after it."""
    word = fold(person.name.split()[-1])
    matches = []
    for candidate, group in full:
        words = _folded_person_words(candidate.name)
        if words[-1] == word or (words[0] == word and len(words) == 2 and len(word) <= 5):
            matches.append((candidate, group))
    if not matches:
        matches = [(c, g) for c, g in full if _folded_person_words(c.name)[0] == word]
    return nearest_by_start([(candidate.start, group) for candidate, group in matches], person.start)


def nearest_by_start(found: Sequence[tuple[int, T]], offset: int) -> T | None:
    """What a short form at ``offset`` most likely refers to, of ``found`` (start, value) in text order: the last
    one before it, else the first one after it (a headline names people before the body introduces them)."""
    before = [value for start, value in found if start < offset]
    if before:
        return before[-1]
    return found[0][1] if found else None


def group_people(people: list[Candidate], given: frozenset[str]) -> list[Group]:
    groups: dict[str, Group] = {}
    full: list[tuple[Candidate, Group]] = []
    for person in people:
        if len(person_words(person.name)) > 1:
            group = _person_group(groups, actor_key(person))
            group.members.append(person)
            full.append((person, group))
    for person in people:
        if len(person_words(person.name)) <= 1:
            group = _nearest_person(person, full, given) or _person_group(groups, actor_key(person))
            group.members.append(person)
    return list(groups.values())


def _person_group(groups: dict[str, Group], key: str) -> Group:
    group = groups.get(key)
    if group is None:
        group = groups[key] = Group(key, "person")
    return group


def _acronym_owner(acronym: Candidate, groups: list[Group], text: str) -> Group | None:
    word = text[acronym.start:acronym.end]
    bracketed = f" ({word})"
    for group in groups:
        for member in group.members:
            if text[member.end:member.end + len(bracketed)] == bracketed:
                return group
    return next((g for g in groups if initials(g.members[0].name) == word and len(word) >= 2), None)


def bind_defined_acronyms(candidates: list[Candidate], text: str) -> None:
    """ "Reporters Without Borders (RSF)", "the RPF (Railway Police Force)": an acronym the article defines names that
    body everywhere in it, whatever a registry says the letters stand for elsewhere; in place."""
    if " (" not in text:  # no acronym is defined: most articles
        return
    bodies = [c for c in candidates if c.type in {"organization", "group"} and not text[c.start:c.end].isupper()]
    ends = {c.end: c for c in bodies}
    starts = {c.start: c for c in bodies}
    defined: dict[str, Candidate] = {}
    for candidate in candidates:
        surface = text[candidate.start:candidate.end]
        if not surface.isupper() or " " in surface:
            continue
        if text[candidate.start - 2:candidate.start] == " (" and text[candidate.end:candidate.end + 1] == ")":
            owner = ends.get(candidate.start - 2)
        elif text[candidate.end:candidate.end + 2] == " (" and candidate.type in {"organization", "group"}:
            owner = starts.get(candidate.end + 2)  # "the RPF (Railway Police Force)", but not "LONDON (Reuters)"
            if owner is None or text[owner.end:owner.end + 1] != ")" or initials(owner.name) != surface:
                owner = None
        else:
            continue
        if owner is not None:
            defined.setdefault(surface, owner)
    for candidate in candidates:
        owner = defined.get(text[candidate.start:candidate.end])
        if owner is not None and owner is not candidate:
            candidate.type, candidate.name, candidate.code = owner.type, owner.name, owner.code
            candidate.sector, candidate.registry = owner.sector, owner.registry


def group_others(candidates: list[Candidate], text: str) -> list[Group]:
    groups: dict[str, Group] = {}
    acronyms: list[Candidate] = []
    for candidate in candidates:
        surface = text[candidate.start:candidate.end]
        if candidate.type == "organization" and not candidate.registry and surface.isupper() and " " not in surface:
            acronyms.append(candidate)
            continue
        key = actor_key(candidate)
        group = groups.get(key)
        if group is None:
            group = groups[key] = Group(key, candidate.type)
        group.members.append(candidate)
    orgs = [g for g in groups.values() if g.type in {"organization", "group"}]
    for acronym in acronyms:
        owner = _acronym_owner(acronym, orgs, text)
        if owner is None:
            key = actor_key(acronym)
            owner = groups.setdefault(key, Group(key, "organization"))
            orgs.append(owner)
        owner.members.append(acronym)
    return list(groups.values())


def _may_be_surname_first(word: str, common: frozenset[str]) -> bool:
    """ "Xi Jinping", "Wang Yi", "Moon Jae-in": East Asian surnames come first and are short (and may double as
    given names elsewhere); a longer first word ("Antony") is more likely a given name."""
    return len(word) <= 5 and fold(word) not in common


def short_forms(group: Group, common: frozenset[str]) -> set[str]:
    """Surfaces that may name the actor again later: every surface, and for people the surname (and the
    first word of a surname-first name such as "Xi Jinping")."""
    forms: set[str] = set()
    for member in group.members:
        forms.add(member.name)
    if group.type == "person":
        for member in group.members:
            words = person_words(member.name)
            if len(words) > 1:
                forms.add(words[-1])
                if len(words) == 2 and _may_be_surname_first(words[0], common):
                    forms.add(words[0])
    return {form for form in forms if len(form) > 1}


def _after_place_preposition(text: str, start: int) -> bool:
    before = text[max(start - 12, 0):start].split()
    return bool(before) and before[-1].lower() in PLACE_PREPOSITIONS


def absorb_short_forms(people: list[Group], others: list[Group], text: str, common: frozenset[str]) -> list[Group]:
    """A one-word place or organisation guessed from context that is in fact a person's surname ("with Blinken")
    joins that person; returns the groups that remain."""
    forms: dict[str, Group] = {}
    for group in people:
        for form in short_forms(group, common):
            forms.setdefault(form, group)
    kept: list[Group] = []
    for group in others:
        surfaces = {text[m.start:m.end] for m in group.members}
        owner = forms.get(next(iter(surfaces))) if len(surfaces) == 1 else None
        if owner is None:
            kept.append(group)
            continue
        movable = group.members
        if any(m.registry for m in group.members):
            # A one-word town that is also the surname of a person in the article ("Bolton") is the person,
            # except where it follows "in", "near", ...
            if group.type != "place" or " " in next(iter(surfaces)):
                kept.append(group)
                continue
            movable = [m for m in group.members if not _after_place_preposition(text, m.start)]
            group.members = [m for m in group.members if m not in movable]
            if group.members:
                kept.append(group)
        for member in movable:
            owner.members.append(Candidate(member.start, member.end, "person", owner.members[0].name,
                                           owner.members[0].code, owner.members[0].sector))
    return kept


__all__ = ["Group", "actor_key", "group_others", "group_people", "initials", "short_forms", "slug"]
