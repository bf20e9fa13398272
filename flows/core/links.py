"""Who raises what: ties each issue hit to the actors of its sentence.

In a sentence with an issue, the grammatical subject raises it. Without a parser the subject is approximated from
the words before the main verb: actor mentions there that are not objects of a preposition ("from Blinken", "of
China's agenda"), together with those joined to them by "and", commas or a possessive ("China's leader, Xi Jinping,
has ..."). "American officials" counts as the country named by the demonym. A person or organisation speaking for
a government brings its country along. When a sentence has no such subject, the actor named alone in its section
heading ("What can we expect from China?") raises the issue. Every other actor of the sentence is mentioned_with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple

from flows.core.model import Actor, IssueHit, Link, Sentence


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


PREPOSITIONS = _word_set(
    "in at from to with of on by against for between across about among amid amidst over under into onto toward "
    "towards through during after before since without within near including like despite behind beyond via "
    "regarding concerning upon around than per beside besides alongside throughout unlike"
)
# Words that end the stretch before the main verb: auxiliaries, copulas and the usual reporting verbs.
VERB_MARKERS = _word_set(
    "is are was were be been am has have had will would shall should can could may might must do does did "
    "said says say told tells added announced stated claimed urged warned accused called insisted argued noted "
    "expects expected wants wanted believes believe hopes hoped plans planned intends intended seeks sought"
)
# Words that may sit inside a subject phrase without ending it: "the U.S. and other American officials".
SUBJECT_GLUE = _word_set(
    "and or , the its their his her other both also top senior officials official leader leaders president "
    "prime minister ministers government authorities diplomats diplomat spokesman spokeswoman spokesperson "
    "counterpart counterparts administration delegation negotiators envoy chief secretary foreign"
)
# Nouns after a demonym that make it speak for the country: "Chinese diplomats", "American officials".
SPEAKER_NOUNS = _word_set(
    "officials official diplomats diplomat leaders leader government authorities negotiators ministers minister "
    "president side delegation military army navy administration embassy spokesman spokeswoman spokesperson "
    "lawmakers legislators regulators prosecutors envoy envoys counterparts counterpart"
)
SPEAKING_TYPES = frozenset({"person", "organization", "group"})
_TOKEN = re.compile(r"[^\W_]+(?:[.'\u2019-][^\W_]+)*\.?|[,;:]")


class _Mention(NamedTuple):
    actor_id: str
    char_start: int
    char_end: int


def link_issues(
    text: str,
    sentences: Sequence[Sentence],
    actors: Sequence[Actor],
    hits: Sequence[IssueHit],
    demonyms: Mapping[str, str],
    demonyms_by_code: Mapping[str, Sequence[str]] | None = None,
) -> list[Link]:
    """Links from every actor of a sentence to every issue hit in it, ordered by sentence, issue, relation, actor.

    ``demonyms_by_code`` is ``group_demonyms(demonyms)``, for a caller that links many articles with one mapping.
    """
    if not hits:
        return []
    if demonyms_by_code is None:
        demonyms_by_code = group_demonyms(demonyms)
    by_id = {actor.actor_id: actor for actor in actors}
    countries = _country_actor_ids(actors)
    issues_by_sentence: dict[int, set[str]] = {}
    for hit in hits:
        issues_by_sentence.setdefault(hit.span.sentence_index, set()).add(hit.issue_id)
    headings = [s for s in sentences if s.kind == "heading"]
    read = [s for s in sentences if s.index in issues_by_sentence or s.kind == "heading"]  # all that is consulted
    mentions = _mentions_by_sentence(text, read, actors, demonyms_by_code, countries)
    by_index = {s.index: s for s in sentences}
    # Each link as a tuple in its sort order (False sorts before True, so "raises" first); no two are equal, since
    # a sentence's raisers and others are disjoint sets.
    keys: list[tuple[int, str, bool, str]] = []
    for index, issue_ids in issues_by_sentence.items():
        sentence = by_index.get(index)
        if sentence is None:
            continue
        here = mentions.get(index, [])
        raisers = _with_countries(_subject_ids(text, sentence, here), by_id, countries)
        if not raisers:
            raisers = _with_countries(_context_ids(sentence, headings, mentions), by_id, countries)
        others = {m.actor_id for m in here} - raisers
        for issue_id in issue_ids:
            keys += [(index, issue_id, False, actor_id) for actor_id in raisers]
            keys += [(index, issue_id, True, actor_id) for actor_id in others]
    keys.sort()
    return [
        Link(actor_id, issue_id, "mentioned_with" if mentioned else "raises", index)
        for index, issue_id, mentioned, actor_id in keys
    ]


def group_demonyms(demonyms: Mapping[str, str]) -> dict[str, list[str]]:
    """alpha-3 code -> the demonyms naming that country, in the mapping's order."""
    by_code: dict[str, list[str]] = {}
    for demonym, code in demonyms.items():
        by_code.setdefault(code, []).append(demonym)
    return by_code


def raised_by(links: Sequence[Link]) -> dict[str, list[str]]:
    """For each issue, the actors that raise it somewhere, both sorted."""
    raising: dict[str, set[str]] = {}
    for link in links:
        if link.relation == "raises":
            raising.setdefault(link.issue_id, set()).add(link.actor_id)
    return {issue_id: sorted(actor_ids) for issue_id, actor_ids in sorted(raising.items())}


def _subject_ids(text: str, sentence: Sentence, mentions: Sequence[_Mention]) -> set[str]:
    if not mentions:
        return set()
    subjects: set[str] = set()
    in_phrase = False  # inside a prepositional phrase
    unread = len(mentions)  # only a mention can become a subject: with none left and none found, nothing will be
    for unit in _units(text, sentence, mentions):
        if isinstance(unit, _Mention):
            unread -= 1
            if not in_phrase:
                subjects.add(unit.actor_id)
            continue
        if not subjects and not unread:
            break
        word = unit.lower()
        if subjects:
            if word not in SUBJECT_GLUE:
                break
        elif word in VERB_MARKERS:
            break
        elif word in PREPOSITIONS:
            in_phrase = True
        elif word in {",", ";", ":"}:
            in_phrase = False
    return subjects


def _units(text: str, sentence: Sentence, mentions: Sequence[_Mention]) -> Iterator[_Mention | str]:
    """The sentence as a sequence of actor mentions and the words between them (a mention comes before a word
    at the same offset), read lazily: the subject is usually found long before the sentence ends.

    A word that overlaps a mention is left out. Words come in text order, so the mentions that start before a
    word's end only grow in number: one pass keeps the furthest end among them (``reach``), and the word overlaps
    a mention exactly when that reach lies past the word's start.
    """
    ordered = sorted(mentions, key=lambda m: (m.char_start, -m.char_end))
    count = len(ordered)
    waiting = 0  # the next mention to hand out
    reached = 0  # the mentions that start before the current word's end
    reach = -1
    for token in _TOKEN.finditer(text, sentence.char_start, sentence.char_end):
        start, end = token.span()
        while waiting < count and ordered[waiting].char_start <= start:
            yield ordered[waiting]
            waiting += 1
        while reached < count and ordered[reached].char_start < end:
            reach = max(reach, ordered[reached].char_end)
            reached += 1
        if reach <= start:
            yield token.group()
    yield from ordered[waiting:]


def _context_ids(
    sentence: Sentence, headings: Sequence[Sentence], mentions: Mapping[int, list[_Mention]]
) -> set[str]:
    """The one actor named in the heading of the sentence's section (among the article's ``headings``), if exactly
    one is."""
    own = [h for h in headings if h.section_index == sentence.section_index]
    named = {m.actor_id for h in own for m in mentions.get(h.index, [])}
    return named if len(named) == 1 else set()


def _with_countries(actor_ids: set[str], by_id: Mapping[str, Actor], countries: Mapping[str, str]) -> set[str]:
    """Add the country of each person or organisation that speaks for a government."""
    result = set(actor_ids)
    for actor_id in actor_ids:
        actor = by_id.get(actor_id)
        if actor is None or actor.type not in SPEAKING_TYPES or actor.country_code not in countries:
            continue
        if actor.title or actor.sector or actor.type == "group":
            result.add(countries[actor.country_code])
    return result


def _country_actor_ids(actors: Sequence[Actor]) -> dict[str, str]:
    """alpha-3 code -> the id of the first country actor with that code."""
    countries: dict[str, str] = {}
    for actor in actors:
        if actor.type == "country" and actor.country_code and actor.country_code not in countries:
            countries[actor.country_code] = actor.actor_id
    return countries


def _mentions_by_sentence(
    text: str,
    sentences: Sequence[Sentence],
    actors: Sequence[Actor],
    demonyms_by_code: Mapping[str, Sequence[str]],
    countries: Mapping[str, str],
) -> dict[int, list[_Mention]]:
    """The actor mentions of each of ``sentences`` (by sentence index), demonym speakers included."""
    found: dict[int, list[_Mention]] = {}
    indices = {sentence.index for sentence in sentences}
    for actor in actors:
        for span in actor.mentions:
            if span.sentence_index in indices:
                mention = _Mention(actor.actor_id, span.char_start, span.char_end)
                found.setdefault(span.sentence_index, []).append(mention)
    written = _written_demonyms(text, demonyms_by_code, countries)
    for sentence in sentences if written else ():
        if not _contains_any(text, sentence, written):  # no speaker without a demonym: spare the tokenising
            continue
        taken = found.get(sentence.index, [])
        for mention in _demonym_speakers(text, sentence, written, countries):
            if not any(m.char_start < mention.char_end and mention.char_start < m.char_end for m in taken):
                found.setdefault(sentence.index, []).append(mention)
    return found


def _written_demonyms(
    text: str, demonyms_by_code: Mapping[str, Sequence[str]], countries: Mapping[str, str]
) -> dict[str, str]:
    """The demonyms of the article's countries that occur in its text: no other can start a speaker mention."""
    return {demonym: code for code in countries for demonym in demonyms_by_code.get(code, ()) if demonym in text}


def _contains_any(text: str, sentence: Sentence, words: Iterable[str]) -> bool:
    """Whether any of the words occurs inside the sentence (as any part of a word, too)."""
    return any(text.find(word, sentence.char_start, sentence.char_end) >= 0 for word in words)


def _demonym_speakers(
    text: str, sentence: Sentence, demonyms: Mapping[str, str], countries: Mapping[str, str]
) -> list[_Mention]:
    """'American officials', 'Chinese diplomats': a demonym followed by a speaker noun, as a country mention."""
    speakers: list[_Mention] = []
    tokens = list(_TOKEN.finditer(text, sentence.char_start, sentence.char_end))
    for token, following in pairwise(tokens):
        code = demonyms.get(token.group())
        if code in countries and following.group().lower() in SPEAKER_NOUNS:
            speakers.append(_Mention(countries[code], token.start(), following.end()))
    return speakers
