"""Value types that pass between the pure stages: sentences, actors, issue hits and links.

Every offset is a character index into the article's canonical ``text``; ``text[char_start:char_end]``
is the surface that was found there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SentenceKind = Literal["title", "subtitle", "heading", "body"]
ActorType = Literal["person", "organization", "country", "place", "group"]
Relation = Literal["raises", "mentioned_with"]

ACTOR_TYPES: tuple[ActorType, ...] = ("person", "organization", "country", "place", "group")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the canonical text, with where it sits in the article's layout."""

    index: int
    char_start: int
    char_end: int
    kind: SentenceKind
    section_index: int
    paragraph_index: int | None
    heading: str | None


@dataclass(frozen=True, slots=True)
class Span:
    """A located surface: ``text[char_start:char_end]`` inside sentence ``sentence_index``."""

    char_start: int
    char_end: int
    sentence_index: int


@dataclass(slots=True)
class Actor:
    """An actor found in one article, with every place it is named."""

    actor_id: str
    name: str
    type: ActorType
    country_code: str | None
    title: str | None = None
    sector: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class IssueHit:
    """One phrase of the taxonomy found in the text."""

    issue_id: str
    span: Span


@dataclass(frozen=True, slots=True)
class Link:
    """Who raises what: an actor tied to an issue in one sentence."""

    actor_id: str
    issue_id: str
    relation: Relation
    sentence_index: int
