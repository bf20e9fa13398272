"""Find an article's parts in its text: headline, sub-headline, dateline, section headings, paragraphs, boilerplate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flows.core.boilerplate import is_boilerplate

_TERMINAL = ".!?:;,\"'”’)…"
_HEADING_MAX_WORDS = 14
_SUBTITLE_MAX_WORDS = 30
_DECK_MAX_WORDS = 12
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"^(?:(?:published|updated|posted)(?: on)?:?\s+)?(?:[a-z]+day,?\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<mo3>\d{{2}})-(?P<d3>\d{{2}}))$",
    re.IGNORECASE,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True, slots=True)
class Section:
    heading: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    title: str
    subtitle: str | None
    sections: tuple[Section, ...]
    removed: tuple[str, ...]
    published: tuple[int, int, int] | None  # (year, month, day) from a dateline, if the article had one


def split_blocks(text: str) -> list[list[str]]:
    """Blocks are runs of non-blank lines; each line is stripped of surrounding white space."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        words = line.split()
        if words:
            blocks[-1].append(" ".join(words))
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def drop_boilerplate(blocks: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Remove boilerplate lines wherever they stand; return the blocks left and the lines removed."""
    kept: list[list[str]] = []
    removed: list[str] = []
    for block in blocks:
        lines: list[str] = []
        for line in block:
            (removed if is_boilerplate(line) else lines).append(line)
        if lines:
            kept.append(lines)
    return kept, removed


def parse_dateline(line: str) -> tuple[int, int, int] | None:
    """(year, month, day) when the line is only a date such as "Friday, January 4, 2019" or "2019-01-04"."""
    match = _DATELINE.match(line.strip())
    if match is None:
        return None
    if match["y3"]:
        year, month, day = int(match["y3"]), int(match["mo3"]), int(match["d3"])
    else:
        name = (match["m1"] or match["m2"]).lower()[:3]
        year, month, day = int(match["y1"] or match["y2"]), _MONTHS.index(name) + 1, int(match["d1"] or match["d2"])
    return (year, month, day) if is_calendar_date(year, month, day) else None


def is_calendar_date(year: int, month: int, day: int) -> bool:
    """A line naming February 30 is not a dateline: it stays in the text rather than vanish."""
    if not 1 <= month <= 12 or day < 1:
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    return day <= days


def word_count(line: str) -> int:
    return len(line.split())


def is_title_case(line: str) -> bool:
    """Most words of four letters or more start with a capital, as headlines do and prose does not."""
    long_words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", line) if len(word) >= 4]
    capitals = sum(word[0].isupper() for word in long_words)
    return len(long_words) >= 2 and capitals / len(long_words) >= 0.7


def looks_like_subtitle(block: list[str]) -> bool:
    """A one-line deck under the headline: a title-case line or question, or a short line with no full stop.
    A line ending in a full stop is the lead paragraph, however many names capitalise it."""
    line = block[0]
    if len(block) != 1 or word_count(line) > _SUBTITLE_MAX_WORDS or line.endswith((".", ".”", '."')):
        return False
    return is_title_case(line) or (word_count(line) <= _DECK_MAX_WORDS and not line.endswith(tuple(_TERMINAL)))


def looks_like_heading(block: list[str], following: list[str] | None) -> bool:
    """A short one-line block that opens a section: a question, or a label with no closing punctuation."""
    if len(block) != 1 or following is None or word_count(block[0]) > _HEADING_MAX_WORDS:
        return False
    line = block[0]
    if line.endswith("?"):
        return not line.startswith(("\"", "“", "'", "‘")) and word_count(following[0]) > word_count(line)
    return line[:1].isupper() and not line.endswith(tuple(_TERMINAL)) and word_count(following[0]) > 2 * word_count(
        line
    )


def split_title(blocks: list[list[str]]) -> tuple[str, list[list[str]]]:
    """The headline is the first line; lines that follow it without a blank line become the next block."""
    first, rest = blocks[0], blocks[1:]
    return first[0], ([first[1:]] if len(first) > 1 else []) + rest


def group_sections(blocks: list[list[str]]) -> list[Section]:
    """Walk the body blocks, opening a new section at each heading."""
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if looks_like_heading(block, following):
            if paragraphs or heading is not None:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = block[0], []
        else:
            paragraphs.append("\n".join(block))
    sections.append(Section(heading, tuple(paragraphs)))
    return [section for section in sections if section.paragraphs]


def parse_layout(text: str) -> Layout | str:
    """Split normalised article text into its parts, or return why it has none (a reason code)."""
    raw_blocks = split_blocks(text)
    if not raw_blocks:
        return "blank_text"
    blocks, removed = drop_boilerplate(raw_blocks)
    if not blocks:
        return "boilerplate_only"
    title, body = split_title(blocks)
    published = parse_dateline(body[0][0]) if body and len(body[0]) == 1 else None
    body = body[1:] if published else body
    subtitle = body[0][0] if len(body) > 1 and looks_like_subtitle(body[0]) else None
    body = body[1:] if subtitle else body
    sections = group_sections(body) if body else []
    if not sections:
        return "no_body"
    return Layout(title, subtitle, tuple(sections), tuple(removed), published)
