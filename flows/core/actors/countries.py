"""Country codes the article as a whole decides: its dominant country, and the readings it settles.

A careful reader places an unplaced local actor ("the Interior Ministry", "Sharif Hotak of the provincial council")
in the country the article is about; reads "Georgia" as the US state in a story about American politics; and takes
a generically named government body ("Ministry of Defence") to be that country's, unless the registry's country
is itself named in the article.
"""

from __future__ import annotations

import re
from collections import Counter

from flows.core.actors.candidates import ArticleContext
from flows.core.actors.grouping import Group, actor_key
from flows.core.actors.lexicon import fold
from flows.core.actors.vocabulary import NAME_CONNECTORS, ORGANISATION_HEADS, WATER_HEADS

_TITLE_BONUS = 2
_AFFILIATION = re.compile(r",? (?:of|from|at) (?:the )?")
_INTERNATIONAL_SECTORS = frozenset({"IGO", "NGO"})
_GOVERNMENT_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def country_evidence(ctx: ArticleContext, groups: list[Group]) -> Counter[str]:
    """Mentions pointing at each country: its names, its known places, its demonyms; a country in the headline
    counts extra. Country names that may also be a place elsewhere ("Georgia") are left out."""
    counts: Counter[str] = Counter()
    for group in groups:
        known_place = group.type == "place" and any(m.registry for m in group.members)
        if not (group.type == "country" or known_place) or not group.code:
            continue
        if any(m.place_code for m in group.members):
            continue
        counts[group.code] += len(group.members)
        if any(ctx.sentence_at(m.start) == 0 for m in group.members):
            counts[group.code] += _TITLE_BONUS
    for hit in ctx.names:
        demonym = hit.of_kind("demonym")
        if demonym is not None and demonym.code and len(hit.entries) == 1:
            counts[demonym.code] += 1
    return counts


def dominant_country(counts: Counter[str]) -> str | None:
    """The country that clearly leads the evidence, if one does."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0
    if 2 * ranked[0][1] < 3 * second or (ranked[0][1] < 3 and ranked[0][1] < 2 * second):
        return None
    return ranked[0][0]


def settle_countries(ctx: ArticleContext, groups: list[Group]) -> None:
    """Apply every article-level country rule to ``groups``, in place."""
    _read_possessive_owners(ctx, groups)
    counts = country_evidence(ctx, groups)
    dominant = dominant_country(counts)
    if dominant is not None:
        _read_ambiguous_countries(groups, counts, dominant)
        _localise_generic_bodies(ctx, groups, counts, dominant)
        _fill_unplaced(groups, dominant, {"organization", "place"})
    settled = _inherit_affiliations(ctx, groups)
    if dominant is not None:
        _fill_unplaced([g for g in groups if not any(g is s for s in settled)], dominant, {"person"})


def _read_possessive_owners(ctx: ArticleContext, groups: list[Group]) -> None:
    """ "Kenya's Ministry of Defence", "Kenya's Acme Holdings": the country owns the body, unless the registry
    knows the body under a name of its own (not a generic one)."""
    for group in groups:
        if group.type not in {"organization", "group"}:
            continue
        registry = next((m for m in group.members if m.registry), None)
        if registry is not None and (registry.stands_in or not _is_generic_name(ctx, registry.name)):
            continue
        for member in group.members:
            hit = ctx.name_before(member.start, max(member.start - 40, 0))
            entry = hit.of_kind("country") if hit is not None else None
            if entry is not None and entry.code and ctx.text[hit.end:member.start] in {"'s ", "\u2019s "}:
                for other in group.members:
                    other.code = entry.code
                break


def _read_ambiguous_countries(groups: list[Group], counts: Counter[str], dominant: str) -> None:
    """ "Georgia" in an American story, with nothing else Georgian in it, is the US state."""
    for group in groups:
        if group.type != "country" or not group.code or counts[group.code]:
            continue
        if not all(m.place_code == dominant for m in group.members):
            continue
        for member in group.members:
            member.type, member.code, member.place_code = "place", dominant, None
        group.type = "place"
        group.key = actor_key(group.members[0])


def _is_generic_name(ctx: ArticleContext, name: str) -> bool:
    """ "Ministry of Defence", "Interior Ministry": only head nouns, connectors and ordinary words."""
    return all(
        word in ORGANISATION_HEADS or word in NAME_CONNECTORS or fold(word) in ctx.lexicon.common_words
        for word in name.split()
    )


def _localise_generic_bodies(ctx: ArticleContext, groups: list[Group], counts: Counter[str], dominant: str) -> None:
    for group in groups:
        code = group.code
        if group.type != "organization" or code in {None, dominant} or counts[code]:
            continue
        registry = [m for m in group.members if m.registry]
        if not registry or any(m.stands_in for m in registry) or registry[0].sector not in _GOVERNMENT_SECTORS:
            continue
        if not _is_generic_name(ctx, registry[0].name):
            continue
        for member in group.members:
            member.code = dominant


def _inherit_affiliations(ctx: ArticleContext, groups: list[Group]) -> list[Group]:
    """ "Neil Hammerschlag of the University of Miami", "Jane Doe from Acme": a person takes the country of the
    body they are introduced with; someone "of the World Health Organization" acts for no country. Returns the
    people settled either way."""
    owners = {m.start: g for g in groups if g.type in {"organization", "place", "country", "group"} for m in g.members}
    settled: list[Group] = []
    for group in groups:
        if group.type != "person" or group.code:
            continue
        for member in group.members:
            found = _AFFILIATION.match(ctx.text, member.end)
            owner = owners.get(found.end()) if found else None
            if owner is None:
                continue
            if owner.code:
                member.code = owner.code
                settled.append(group)
                break
            if any(m.sector in _INTERNATIONAL_SECTORS for m in owner.members):
                settled.append(group)
                break
    return settled


def _fill_unplaced(groups: list[Group], dominant: str, types: set[str]) -> None:
    for group in groups:
        if group.code or group.type not in types:
            continue
        if any(m.registry for m in group.members) or group.members[0].name.split()[-1] in WATER_HEADS:
            continue
        group.members[0].code = dominant
