"""Country codes the article as a whole decides: its dominant country, and the readings it settles.

A careful reader places an unplaced local actor ("the Interior Ministry", "Sharif Hotak of the provincial council")
in the country the article is about; reads "Georgia" as the US state in a story about American politics; and takes
a generically named government body ("Ministry of Defence") to be that country's, unless the registry's country
is itself named in the article.
"""

from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

from flows.core.actors.affiliations import (
    GOVERNMENT_SECTORS,
    NO_COUNTRY,
    PART_OF,
    credited_people,
    hit_at,
    inherit_affiliations,
    inherit_holders,
    is_generic_name,
    read_demonym_owners,
    read_descriptors,
    read_locations,
    read_possessive_owners,
    read_possessor_roles,
)
from flows.core.actors.candidates import ArticleContext, Candidate
from flows.core.actors.grouping import Group, actor_key
from flows.core.actors.vocabulary import PARTY_NAME_WORDS, WATER_HEADS

_TITLE_BONUS = 2
_SHARED_OFFICES = frozenset({"Ministry", "Court"})
_CLEAR_SETTING = 4  # mentions of the dominant country that outweigh one passing mention of another
_OVERWHELMING = 4  # times as many placed actors of another country as of the most named one
_FEW_NAMES = 3  # country names, places and demonyms: below this, the placed actors may say otherwise
_SITE_CUE = re.compile(r"(?:\b(?:in|at|near|outside|inside)|known as|dubbed|nicknamed|called) (?:the )?[\"\u201c']?$")


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


def actor_evidence(groups: list[Group]) -> Counter[str]:
    """People and bodies already placed, one vote per actor: a story about Ukraine's role in American politics
    names Ukraine more often than the United States, but its officials, parties and newspapers are American."""
    return Counter(g.code for g in groups if g.type in {"person", "organization"} and g.code)


def _dominant_by_actors(counts: Counter[str], actors: Counter[str]) -> str | None:
    """Where the country names leave the setting open, a country whose people and bodies clearly lead, and lead
    the names and actors together too, is the setting."""
    leader = dominant_country(actors)
    return leader if leader is not None and dominant_country(counts + actors) == leader else None


def _overwhelming_actors(dominant: str | None, counts: Counter[str], actors: Counter[str]) -> str | None:
    """The country the article's placed people and bodies belong to overwhelmingly, and which it names at least
    half as often as the most named one: a story about an impeachment inquiry names Ukraine most, but its 17 actors
    are American, and so are its unplaced people and parties (its places still lie in Ukraine). A strike on Syria
    that quotes eight American officials and names America twice is still set in Syria."""
    leader = dominant_country(actors)
    if dominant is None or leader is None or leader == dominant or 2 * counts[leader] < counts[dominant]:
        return None
    return leader if actors[leader] >= max(_OVERWHELMING * actors[dominant], 2 * _OVERWHELMING) else None


def _people_setting(counts: Counter[str], actors: Counter[str], dominant: str | None) -> str | None:
    """Where unplaced people belong: the dominant country, unless it is named only a few times and the placed
    people and bodies clearly belong to another country, at least twice as often as to it; without a dominant
    country, the one the placed people and bodies lead with, or the only one they belong to."""
    by_actors = dominant_country(actors)
    if dominant is None:
        return by_actors or _only_country(actors, counts)
    if by_actors is None or by_actors == dominant or counts[dominant] > _FEW_NAMES:
        return dominant
    return by_actors if actors[by_actors] >= max(2 * actors[dominant], 4) else dominant


def _only_country(actors: Counter[str], counts: Counter[str]) -> str | None:
    """ "Dr Valeria Gazzola, of the Netherlands Institute for Neuroscience": the one country of the article's placed
    people and bodies, when no other country is named, is still where its unplaced people most likely belong. A
    passing mention of a country alone ("the steel was made in Germany") places nobody."""
    if len(actors) != 1 or not set(counts) <= set(actors):
        return None
    return next(iter(actors))


def dominant_country(counts: Counter[str]) -> str | None:
    """The country that clearly leads the evidence, if one does."""
    # What counts.most_common(2) gives (ties in first-seen order), without its heap: there are only a few.
    ranked = sorted(counts.items(), key=itemgetter(1), reverse=True)[:2]
    if not ranked or ranked[0][1] < 2:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0
    if 2 * ranked[0][1] < 3 * second or (ranked[0][1] < 3 and ranked[0][1] < 2 * second):
        return None
    return ranked[0][0]


def settle_countries(ctx: ArticleContext, groups: list[Group]) -> None:
    """Apply every article-level country rule to ``groups``, in place."""
    apply_sovereignty(groups)
    read_possessive_owners(ctx, groups)
    read_demonym_owners(ctx, groups)
    counts = country_evidence(ctx, groups)
    actors = actor_evidence(groups)
    dominant = dominant_country(counts) or _dominant_by_actors(counts, actors)
    actors_home = _overwhelming_actors(dominant, counts, actors)
    read_locations(ctx, groups)
    read_descriptors(ctx, groups)
    inherit_holders(ctx, groups)
    read_possessor_roles(ctx, groups)
    if dominant is not None:
        _read_ambiguous_countries(groups, counts, dominant)
        _localise_generic_bodies(ctx, groups, counts, dominant, actors_home or dominant)
        _localise_foreign_metonyms(ctx, groups, counts, dominant)
        _fill_unplaced(groups, dominant, {"place"} if actors_home else {"organization", "place"})
        if actors_home:
            _fill_unplaced(groups, actors_home, {"organization"})
        _localise_town_namesakes(groups, counts, dominant)
    settled = inherit_affiliations(ctx, groups) + credited_people(ctx, groups)
    # People go where the article's placed people and bodies clearly belong, which may not be the country it names
    # most: a story about Britain's opposition leader that quotes Australia's prime minister names Australia more.
    setting = actors_home or _people_setting(counts, actors, dominant)
    if setting is not None:
        _fill_unplaced([g for g in groups if not any(g is s for s in settled)], setting, {"person"})


def apply_sovereignty(groups: list[Group]) -> None:
    """Codes of places legally part of a state become that state's; Antarctica's becomes none; in place."""
    for group in groups:
        for member in group.members:
            if member.code in NO_COUNTRY:
                member.code = None
            elif member.code in PART_OF:
                member.code = PART_OF[member.code]


def _is_metonym(ctx: ArticleContext, member: Candidate) -> bool:
    hit = hit_at(ctx, member.start)
    entry = hit.of_kind("institution") if hit is not None else None
    return entry is not None and entry.stands_for is not None


def _names_a_site(ctx: ArticleContext, member: Candidate) -> bool:
    """ "at the Blue House", "a home known as the 'Blue House'": a building as a site or a nickname, not as a
    government that speaks or acts."""
    return bool(_SITE_CUE.search(ctx.text, max(member.start - 24, 0), member.start))


def _localise_foreign_metonyms(ctx: ArticleContext, groups: list[Group], counts: Counter[str],
                               dominant: str) -> None:
    """ "a home known as the Blue House" in a story about Zimbabwe where nothing else is South Korean: a local
    building of that name, not the seat of a government the article has no other word about."""
    for group in groups:
        code = group.code
        registry = [m for m in group.members if m.registry]
        if group.type != "organization" or code in {None, dominant} or counts[code] or not registry:
            continue
        if _shares_code(groups, group):
            continue
        if not all(_is_metonym(ctx, m) for m in registry) or not all(_names_a_site(ctx, m) for m in group.members):
            continue
        for member in group.members:
            member.type, member.code = "place", dominant
        group.type = "place"
        group.key = actor_key(group.members[0])


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


def _localise_generic_bodies(ctx: ArticleContext, groups: list[Group], counts: Counter[str], dominant: str,
                             party_home: str) -> None:
    """ "Ministry of Defence" in a story about Hungary is Hungary's. So is a legislature ("House of Commons" in a
    Canadian election story) or a generically named party when nothing else of the registry's country appears:
    legislatures and parties share names."""
    for group in groups:
        code = group.code
        registry = [m for m in group.members if m.registry]
        if group.type != "organization" or code == dominant or not registry or any(m.stands_in for m in registry):
            continue
        if registry[0].sector == "PTY" and _is_foreign_namesake_party(ctx, groups, group, registry[0]):
            for member in group.members:
                member.code = party_home
            continue
        if code is None or counts[code] > 1 or registry[0].sector not in GOVERNMENT_SECTORS:
            continue
        # A ministry or court with a generic name yields to a clear setting even where its registry country is named
        # once in passing; an agency ("National Security Agency") does not: its name is seldom shared.
        generic = is_generic_name(ctx, registry[0].name) and (not counts[code] or (
            counts[dominant] >= _CLEAR_SETTING and not _SHARED_OFFICES.isdisjoint(registry[0].name.split())))
        if not (generic or (not counts[code] and _is_lone_legislature(groups, group, registry[0]))):
            continue
        for member in group.members:
            member.code = dominant


def _is_foreign_namesake_party(ctx: ArticleContext, groups: list[Group], group: Group, registry: Candidate) -> bool:
    """ "the Labour Party" in a story about Australia, "the Green Party" in one about the United States: a party
    with a generic name is the local one, unless anything else in the article (a name, a place, a person or body)
    belongs to the registry party's country."""
    if not all(word in PARTY_NAME_WORDS or word == "Party" for word in registry.name.split()):
        return False
    surfaces = [ctx.text[m.start:m.end] for m in group.members]
    if not any("Party" in surface or surface.endswith("s") for surface in surfaces):
        return False  # "Labour markets firmed": the word alone may not be the party at all
    code = group.code
    if code is None:
        return True  # the registry knows the name but not which country's party: here, the local one
    return not ctx.is_clued(code, surfaces) and not _shares_code(groups, group)


def _is_lone_legislature(groups: list[Group], group: Group, registry: Candidate) -> bool:
    return registry.sector == "LEG" and not _shares_code(groups, group)


def _shares_code(groups: list[Group], group: Group) -> bool:
    """Another actor of the article has the group's country."""
    return any(other is not group and other.code == group.code for other in groups)


def _fill_unplaced(groups: list[Group], dominant: str, types: set[str]) -> None:
    for group in groups:
        if group.code or group.type not in types:
            continue
        if any(m.registry for m in group.members) or group.members[0].name.split()[-1] in WATER_HEADS:
            continue
        if any(m.stateless for m in group.members):
            continue
        group.members[0].code = dominant


def _localise_town_namesakes(groups: list[Group], counts: Counter[str], dominant: str) -> None:
    """ "Santa Barbara County Sheriff Bill Brown" in an American story, "Victoria Park" in Hong Kong: a person
    or place placed only by a town whose country the article gives no other sign of is placed by the article's
    country (the town is a namesake)."""
    for group in groups:
        if group.type not in {"person", "place"} or group.code in {None, dominant} or counts[group.code] > 1:
            continue
        if any(m.town_code for m in group.members):
            for member in group.members:
                member.code = dominant if member.code else None
