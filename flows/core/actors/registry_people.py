"""Which registry person a name in an article means, if any: a surname alone, a namesake of the article's own
person, a minor official the Phoenix dictionaries list under a name ordinary people share."""

from __future__ import annotations

from flows.core.actors.candidates import ArticleContext, Candidate
from flows.core.actors.grouping import nearest_by_start, person_words
from flows.core.actors.lexicon import Entry, fold
from flows.core.actors.scan import Hit
from flows.core.actors.vocabulary import HONOURS


def read_registry_code(ctx: ArticleContext, person: Candidate) -> None:
    """A name whose last word only one registry person bears, and that the article may mean: that person's
    country and role, and for a surname alone the person's full name. In place."""
    words = person.name.split()
    entries = ctx.lexicon.person_surnames.get(fold(words[-1]), ()) if words else ()
    if len(entries) != 1:
        return
    entry = entries[0]
    if len(words) == 1 and not _may_name_alone(ctx, words[0], entry):
        return
    if not _is_vouched_for(ctx, entry):
        return  # "the Criminal Justice Bill": no minor official of a state the article never names
    if len(words) == 1 or fold(entry.name.split()[0]) == fold(words[0]):
        person.code = person.code or entry.code
        person.sector = person.sector or entry.sector
        if len(words) == 1:
            person.name, person.registry = entry.name, True


def names_a_full_name(person: Candidate, full_name_words: set[str]) -> bool:
    """ "Nabil" where the article names "Nabil Hasan al-Quaety": not whoever the registry knows as Nabil."""
    return " " not in person.name and fold(person.name) in full_name_words


def _nearest_full_name(person: Candidate, word: str, introduced: list[tuple[int, tuple[str, ...]]]
                       ) -> tuple[str, ...] | None:
    """The words of the nearest full name with the surname ``word`` (see nearest_by_start)."""
    return nearest_by_start([(start, words) for start, words in introduced if words[-1] == word], person.start)


def release_namesake(ctx: ArticleContext, person: Candidate, introduced: list[tuple[int, tuple[str, ...]]]) -> None:
    """ "Daniil Medvedev ... Medvedev": a surname alone that the registry reads as someone else (Dmitry Medvedev)
    names the person of the article's nearest full name with that surname, unless a title goes with it
    ("President Trump" after "Ivanka Trump") or that full name is the registry's person ("Democrat John Kerry ...
    Mr Kerry"). In place: the candidate becomes a plain surname, for the words around it and the grouping."""
    surface = person_words(ctx.text[person.start:person.end])  # "Mr Howard" is a surname alone too
    if not person.registry or person.title or len(surface) != 1:
        return
    full_name = _nearest_full_name(person, fold(surface[0]), introduced)
    if full_name is not None and not {fold(word) for word in person.name.split()} <= set(full_name):
        person.name, person.code, person.sector, person.registry = surface[0], None, None, False


def _registry_person(ctx: ArticleContext, name: str) -> Entry | None:
    entries = ctx.lexicon.person_surnames.get(fold(name.split()[-1]), ()) if name else ()
    return next((entry for entry in entries if entry.name == name), None)


def _office_title_before(ctx: ArticleContext, person: Candidate) -> bool:
    title = ctx.title_ending_before(person.start) or next(
        (t for t in ctx.titles_near(person.start) if _titles_person(ctx, t, person)), None)
    if title is None or ctx.text[title.start:title.end] in HONOURS:
        return False
    return any(entry.sector for entry in title.entries)


def _titles_person(ctx: ArticleContext, title: Hit, person: Candidate) -> bool:
    """A title around the name, or right before it and a comma ("the Aid Commissioner, Louis Michel")."""
    return title.start <= person.start < title.end or (
        title.end == person.start - 2 and ctx.text[title.end:person.start] == ", ")


def _may_name_alone(ctx: ArticleContext, word: str, entry: Entry) -> bool:
    """ "Merkel said": a surname alone names the one registry person who bears it only where it is no given name
    ("Subs: Terry, Lauren") and the article points at that person's country ("the Palme d'Or" in a story about
    Cannes names no Swedish prime minister); an international civil servant has no country to point at."""
    if fold(word) in ctx.lexicon.given_names:
        return False
    return entry.sector == "IGO" if entry.code is None else ctx.is_clued(entry.code)


def _is_vouched_for(ctx: ArticleContext, entry: Entry) -> bool:
    """A registry person the article may mean: a hand-listed public figure, or a Phoenix one whose country the
    article's other names point at."""
    return entry.curated or (entry.code is not None and ctx.is_clued(entry.code))


def release_uncurated(ctx: ArticleContext, person: Candidate) -> None:
    """ "actor Richard Burton", "chief executive John Williams": a person the registry knows only from the Phoenix
    dictionaries (which list thousands of minor officials, one of New Zealand, one of Barbados) is more likely a
    namesake when the article names nothing of that country and no office title goes with the name. The name
    stays; the registry's country and role go, and the words around the name decide them. In place."""
    entry = _registry_person(ctx, person.name) if person.code else None
    if entry is None or _is_vouched_for(ctx, entry) or _office_title_before(ctx, person):
        return
    person.name = ctx.text[person.start:person.end]
    person.code, person.sector, person.registry = None, None, False
