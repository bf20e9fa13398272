"""The shared working types of the extractor: a located, typed candidate name and the per-article context."""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass, field

from flows.core.actors.lexicon import Lexicon, fold
from flows.core.actors.runs import LowercaseWords
from flows.core.actors.scan import Hit
from flows.core.actors.vocabulary import GENERIC_BODY_WORDS, NAME_CONNECTORS, ORGANISATION_HEADS, UNSHARED_BODY_NAMES
from flows.core.model import Sentence

# Kinds of gazetteer entry whose code is a clue to the countries an article is about.
_CLUE_KINDS = frozenset({"country", "capital", "demonym", "place", "institution"})
# What may stand before a sentence's first word: spaces, quotes, brackets, dashes, bullets.
_OPENING_MARKS = " \"\u201c\u201d'\u2018\u2019([\u2014\u2013-\u2022*\n\t"


@dataclass(slots=True)
class Candidate:
    """A name found at ``text[start:end]``, with what the rules could tell about it."""

    start: int
    end: int
    type: str
    name: str
    code: str | None = None
    sector: str | None = None
    title: str | None = None
    registry: bool = False  # the name came from a gazetteer
    stands_in: bool = False  # a capital standing for its country ("Beijing claims")
    place_code: str | None = None  # a country name that is also a place elsewhere: "Georgia" (GEO, or USA's state)
    town_code: bool = False  # the code was read from a town's name alone, and towns have namesakes abroad
    stateless: bool = False  # tied to no one state: "a UN rapporteur", the "World Heritage Committee"


def is_generic_name(ctx: ArticleContext, name: str) -> bool:
    """ "Ministry of Defence", "Interior Ministry", "Supreme Court": only head nouns, connectors, words many states'
    bodies share and ordinary words."""
    return name not in UNSHARED_BODY_NAMES and all(
        word in ORGANISATION_HEADS or word in NAME_CONNECTORS or word in GENERIC_BODY_WORDS
        or fold(word) in ctx.lexicon.common_words for word in name.split()
    )


@dataclass(slots=True)
class ArticleContext:
    """What every rule may consult about one article."""

    text: str
    padded: str  # match_text(text): folded, punctuation as spaces, one space of padding each side
    lexicon: Lexicon
    sentences: list[Sentence]
    names: list[Hit]
    titles: list[Hit]
    lower_words: LowercaseWords
    modes: list[str] = field(default_factory=list)  # per sentence: body, titlecase, caps
    _sentence_starts: list[int] = field(default_factory=list)
    _name_starts: list[int] = field(default_factory=list)
    _title_ends: dict[int, Hit] = field(default_factory=dict)
    _title_starts: list[int] = field(default_factory=list)
    _clues: dict[str, set[str]] | None = None  # code -> the surfaces of known names pointing at it

    def __post_init__(self) -> None:
        self._sentence_starts = [s.char_start for s in self.sentences]
        self._name_starts = [hit.start for hit in self.names]
        self._title_ends = {hit.end: hit for hit in self.titles}
        self._title_starts = [hit.start for hit in self.titles]

    def clues(self, code: str, besides: Collection[str] = ()) -> int:
        """How many known names other than those ``besides`` (countries, capitals, demonyms, places, bodies not
        generically named) point at ``code``, and only at it, in the article: "Supreme Court", or "Victoria" (the
        Seychelles' capital and an Australian state), is no clue."""
        surfaces = self._clue_table().get(code, set())
        return len(surfaces - set(besides)) if besides else len(surfaces)

    def is_clued(self, code: str, besides: Collection[str] = ()) -> bool:
        return self.clues(code, besides) > 0

    def most_clued(self) -> int:
        """The most names pointing at any one country."""
        return max((len(surfaces) for surfaces in self._clue_table().values()), default=0)

    def _clue_table(self) -> dict[str, set[str]]:
        if self._clues is None:
            self._clues = {}
            for hit in self.names:
                codes = {entry.code for entry in hit.entries if entry.code and entry.kind in _CLUE_KINDS
                         and not (entry.kind == "institution" and is_generic_name(self, entry.name))}
                if len(codes) == 1:
                    self._clues.setdefault(codes.pop(), set()).add(self.text[hit.start:hit.end])
        return self._clues

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the nearest one before it, if it falls between sentences)."""
        position = bisect.bisect_right(self._sentence_starts, offset)
        return position - 1 if position else 0

    def names_within(self, start: int, end: int) -> list[Hit]:
        """Gazetteer name hits lying wholly inside ``[start, end)``."""
        first = bisect.bisect_left(self._name_starts, start)
        found = []
        for hit in self.names[first:]:
            if hit.start >= end:
                break
            if hit.end <= end:
                found.append(hit)
        return found

    def names_starting_within(self, start: int, end: int) -> list[Hit]:
        """Gazetteer name hits that start inside ``[start, end)``, wherever they end."""
        first = bisect.bisect_left(self._name_starts, start)
        last = bisect.bisect_left(self._name_starts, end)
        return self.names[first:last]

    def name_before(self, offset: int, floor: int) -> Hit | None:
        """The last name hit ending at or before ``offset`` and starting at or after ``floor``."""
        index = bisect.bisect_right(self._name_starts, offset) - 1
        while index >= 0 and self.names[index].end > offset:
            index -= 1
        if index >= 0 and self.names[index].start >= floor:
            return self.names[index]
        return None

    def titles_starting_within(self, start: int, end: int) -> list[Hit]:
        """Title hits that start inside ``[start, end)``."""
        first = bisect.bisect_left(self._title_starts, start)
        last = bisect.bisect_left(self._title_starts, end)
        return self.titles[first:last]

    def titles_near(self, offset: int) -> list[Hit]:
        """Title hits that may cover ``offset`` (titles are short, so a window suffices)."""
        first = bisect.bisect_left(self._title_starts, offset - 80)
        last = bisect.bisect_right(self._title_starts, offset)
        return self.titles[first:last]

    def title_ending_before(self, offset: int) -> Hit | None:
        """A title hit separated from ``offset`` only by spaces ("governor Boris Dubrovsky")."""
        probe = offset
        while probe > 0 and self.text[probe - 1] == " ":
            probe -= 1
        return self._title_ends.get(probe) if probe < offset else None

    def is_sentence_initial(self, offset: int) -> bool:
        sentence = self.sentences[self.sentence_at(offset)] if self.sentences else None
        floor = sentence.char_start if sentence else 0
        if floor < offset and self.text[floor] not in _OPENING_MARKS:
            return False  # the sentence opens with a word: settled without copying its text
        return not self.text[floor:offset].strip(_OPENING_MARKS)
