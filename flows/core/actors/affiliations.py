"""Country codes read from the words right around a name: where a place lies, who holds a body, whom a person
is introduced with.

"Palm Beach County in Florida", "the Florida company Ridgeback", "the Rosenstiel School ... at the University of
Miami", "London's Royal Veterinary College", "Neil Hammerschlag of the University of Miami". Each rule only fills a
code that is still missing; the article-level rules in ``countries`` come after.
"""

from __future__ import annotations

import re

from flows.core.actors.candidates import ArticleContext, Candidate, is_generic_name
from flows.core.actors.grouping import Group
from flows.core.actors.scan import Hit
from flows.core.actors.vocabulary import (
    ORGANISATION_APPOSITION_NOUNS,
)

_AFFILIATION = re.compile(r",? (?:of|from|at) (?:the )?")
# "Rosenstiel School of Marine and Atmospheric Science at the University of Miami": the rest of a cut name, then
# the body or place that holds it.
_HELD_BY = re.compile(r"(?: and [A-Z][\w\-]*(?: [A-Z][\w\-]*)*)?,? (?:at|of|in) (?:the )?")
# "Palm Beach County in Florida", "the College of Wooster in Ohio", "Mokha, Yemen", "Makilala in the province of X".
_LOCATED_IN = re.compile(r",? (?:in|near|outside) (?:the )?(?:(?:province|state|region|district|county) of )?")
_LOCATED_COMMA = re.compile(r", ")
_REGION_KINDS = frozenset({"state", "region", "province"})
# A descriptor between a placed name and an organisation: "the Florida company Ridgeback", "Dutch airline KLM".
_DESCRIBED_BY = re.compile(r"(?:-based)? (?:[a-z\-]+ ){0,2}$")
# Image credits name photographers, who act for no country: "(Image: Jane Doe)".
_CREDIT = re.compile(r"(?:Image|Photo|Picture|Credit|Photograph)s?: ?$")
_POSSESSIVE = frozenset({"'s ", "\u2019s "})
_OWNER_TYPES = frozenset({"person", "organization", "country", "group"})
# "X's spokesperson, <name>" (the role ends right before the name) and "<name>, one of President X's aides".
_ROLE_BEFORE = re.compile(r"['\u2019]s (?:[a-z\-]+ ){0,3}?[a-z\-]+, $")
_LAST_WORD = re.compile(r"(?<![\w.\-])[A-Z][\w\-]+$")
_ROLE_AFTER = re.compile(r", (?:one of |an? |the )?(?:[A-Z][\w.\-]* ){0,3}?([A-Z][\w.\-]*)['\u2019]s [a-z]")
# Overseas departments and regions that are legally part of a state are that state (France's five; Aland of
# Finland, Svalbard and Jan Mayen of Norway, the Caribbean municipalities of the Netherlands), as the reference
# annotations treat Martinique; dependencies with a government of their own (Puerto Rico, Greenland, Hong Kong)
# keep their own code. Antarctica belongs to no country.
PART_OF = {"MTQ": "FRA", "GLP": "FRA", "REU": "FRA", "GUF": "FRA", "MYT": "FRA", "ALA": "FIN", "SJM": "NOR",
           "BES": "NLD"}
NO_COUNTRY = frozenset({"ATA"})
INTERNATIONAL_SECTORS = frozenset({"IGO", "NGO"})
GOVERNMENT_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


def hit_at(ctx: ArticleContext, offset: int) -> Hit | None:
    return next(iter(ctx.names_starting_within(offset, offset + 1)), None)


def place_code(hit: Hit | None, regions_only: bool) -> str | None:
    """The country of a known country, capital or place hit (with ``regions_only``, of a country or region)."""
    if hit is None:
        return None
    entry = hit.of_kind("country", "capital", "place")
    if entry is None or not entry.code or hit.of_kind("person", "institution"):
        return None
    if regions_only and entry.kind != "country" and entry.place_kind not in _REGION_KINDS:
        return None
    return PART_OF.get(entry.code, entry.code) if entry.code not in NO_COUNTRY else None


def read_locations(ctx: ArticleContext, groups: list[Group]) -> None:
    """ "Palm Beach County in Florida", "Mokha, Yemen": an unknown place or body followed by where it lies takes
    that country, before the article's own country is guessed for it. After a bare comma only a country or a
    region counts ("Beni, Goma, Butembo" is a list)."""
    at = {m.start: g for g in groups if g.type in {"place", "country"} for m in g.members}
    for group in groups:
        if group.code or group.type not in {"organization", "place"} or any(m.registry for m in group.members):
            continue
        for member in group.members:
            found = _LOCATED_IN.match(ctx.text, member.end)
            owner = at.get(found.end()) if found else None
            code = owner.code if owner is not None and owner is not group else None
            if code is None:
                comma = _LOCATED_COMMA.match(ctx.text, member.end)
                owner = at.get(comma.end()) if comma else None
                if owner is not None and (owner.type == "country" or place_code(hit_at(ctx, comma.end()), True)):
                    code = owner.code
            if code is not None:
                member.code = code
                break


def read_descriptors(ctx: ArticleContext, groups: list[Group]) -> None:
    """ "the Florida company Ridgeback", "Dutch carrier KLM", "Denmark-based retailer Salling Group": a place or
    demonym, one or two lowercase words, then an unplaced organisation's name."""
    for group in groups:
        if group.code or group.type != "organization" or any(m.registry for m in group.members):
            continue
        for member in group.members:
            hit = ctx.name_before(member.start, max(member.start - 40, 0))
            gap = ctx.text[hit.end:member.start] if hit is not None else ""
            if hit is None or not _DESCRIBED_BY.fullmatch(gap):
                continue
            if not set(gap.split()) & ORGANISATION_APPOSITION_NOUNS:
                continue
            demonym = hit.of_kind("demonym")
            code = demonym.code if demonym is not None else place_code(hit, False)
            if code is not None:
                member.code = code
                break


def inherit_holders(ctx: ArticleContext, groups: list[Group]) -> None:
    """ "the Rosenstiel School ... at the University of Miami": an unplaced body takes the country of the placed
    body or place that holds it."""
    owners = {m.start: g for g in groups if g.type in {"organization", "place", "country"} for m in g.members}
    for group in groups:
        if group.code or group.type != "organization" or any(m.registry for m in group.members):
            continue
        for member in group.members:
            found = _HELD_BY.match(ctx.text, member.end)
            owner = owners.get(found.end()) if found else None
            if owner is not None and owner is not group and owner.code:
                member.code = owner.code
                break


def read_possessive_owners(ctx: ArticleContext, groups: list[Group]) -> None:
    """ "Kenya's Ministry of Defence", "London's Royal Veterinary College", "Imperial College London's MRC Centre":
    the country, the country of the city or the placed body owns the body, unless the registry knows the body
    under a name of its own (not a generic one)."""
    for group in groups:
        if group.type not in {"organization", "group"}:
            continue
        registry = next((m for m in group.members if m.registry), None)
        if registry is not None and (registry.stands_in or not is_generic_name(ctx, registry.name)):
            continue
        for member in group.members:
            hit = ctx.name_before(member.start, max(member.start - 40, 0))
            code = _owner_code(hit) if hit is not None else None
            if code is not None and hit is not None and ctx.text[hit.end:member.start] in _POSSESSIVE:
                for other in group.members:
                    other.code = code
                break


def _owner_code(hit: Hit) -> str | None:
    """The country of a possessive owner: a country, a place, or a body ("Imperial College London's MRC Centre")."""
    owner = hit.of_kind("country", "institution")
    return owner.code if owner is not None and owner.code else place_code(hit, False)


def read_demonym_owners(ctx: ArticleContext, groups: list[Group]) -> None:
    """ "Belarusian KGB", "Afghan Army": a demonym right before a state body the registry places elsewhere names
    the country whose body of that name is meant; many states have a KGB, a parliament or an army."""
    for group in groups:
        registry = next((m for m in group.members if m.registry), None)
        if group.type != "organization" or registry is None or registry.sector not in GOVERNMENT_SECTORS:
            continue
        for member in group.members:
            hit = ctx.name_before(member.start, max(member.start - 30, 0))
            demonym = hit.of_kind("demonym") if hit is not None and hit.end + 1 == member.start else None
            if demonym is not None and demonym.code and ctx.text[hit.end] == " " and demonym.code != group.code:
                for other in group.members:
                    other.code = demonym.code
                break


def read_possessor_roles(ctx: ArticleContext, groups: list[Group]) -> None:
    """ "German Chancellor Angela Merkel's spokesperson, Steffen Seibert", "Andriy Yermak, one of President
    Zelensky's aides": someone's aide, or a body's director, acts for that person's or body's country."""
    owners = {m.end: g for g in groups if g.type in _OWNER_TYPES and g.code for m in g.members}
    short = _short_names(groups)
    for group in groups:
        if group.type != "person" or group.code:
            continue
        for member in group.members:
            owner = _possessor_before(ctx, member, owners, short) or _possessor_after(ctx, member, owners)
            if owner is not None and owner is not group:
                member.code = owner.code
                break


def _possessor_before(ctx: ArticleContext, member: Candidate, owners: dict[int, Group],
                      short: dict[str, Group]) -> Group | None:
    if not ctx.text.endswith((", ", ", \n"), 0, member.start):
        return None  # _ROLE_BEFORE ends with the comma before the name
    found = _ROLE_BEFORE.search(ctx.text, max(member.start - 50, 0), member.start)
    if found is None:
        return None
    word = _LAST_WORD.search(ctx.text, max(found.start() - 40, 0), found.start())
    return owners.get(found.start()) or (short.get(word.group(0)) if word else None)


def _short_names(groups: list[Group]) -> dict[str, Group]:
    """ "Mahan" for "Mahan Air", "Merkel" for "Angela Merkel": a placed body's first word, a person's surname,
    where no other placed actor shares it."""
    found: dict[str, list[Group]] = {}
    for group in groups:
        words = group.members[0].name.split()
        if group.code and len(words) > 1 and group.type in {"organization", "person"}:
            found.setdefault(words[0] if group.type == "organization" else words[-1], []).append(group)
    return {word: owners[0] for word, owners in found.items() if len(owners) == 1}


def _possessor_after(ctx: ArticleContext, member: Candidate, owners: dict[int, Group]) -> Group | None:
    found = _ROLE_AFTER.match(ctx.text, member.end)
    return owners.get(found.end(1)) if found else None


def credited_people(ctx: ArticleContext, groups: list[Group]) -> list[Group]:
    """People named only in an image credit ("(Image: Jane Doe)") get no country from the article."""
    credited = []
    for group in groups:
        if group.type == "person" and not group.code and all(
                _CREDIT.search(ctx.text, max(m.start - 12, 0), m.start) for m in group.members):
            credited.append(group)
    return credited


def inherit_affiliations(ctx: ArticleContext, groups: list[Group]) -> list[Group]:
    """ "Neil Hammerschlag of the University of Miami", "Jane Doe from Acme": a person takes the country of the
    body they are introduced with; someone "of the World Health Organization" acts for no country, like someone
    already described as holding an international office. Returns the people settled either way."""
    owners = {m.start: g for g in groups if g.type in {"organization", "place", "country", "group"} for m in g.members}
    settled: list[Group] = []
    for group in groups:
        if group.type != "person" or group.code:
            continue
        if any(m.stateless for m in group.members):
            settled.append(group)
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
            if any(m.sector in INTERNATIONAL_SECTORS for m in owner.members):
                settled.append(group)
                break
    return settled
