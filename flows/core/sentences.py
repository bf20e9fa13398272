"""Sentence boundaries inside one paragraph, as character spans."""

from __future__ import annotations

import re

# A boundary candidate: closing punctuation, optional closing quotes or brackets, white space, then what can open
# a sentence (a capital, a digit or an opening quote). The first mark is spelled out once on its own, not as
# ``[.!?…]+``: a pattern that opens with a plain character set lets the regex engine skip ahead to the next mark
# instead of trying a match at every character (twice as fast on long paragraphs).
_CANDIDATE = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gen lt col maj capt sgt cmdr adm gov pres st jr sr rev fr hon inc ltd co corp
    bros no nos vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd u.s u.k
    u.n e.u u.s.a a.m p.m d.c e.g i.e""".split()
)
_LAST_WORD = re.compile(r"([\w.]+)\.$")
# Only this many characters before a full stop are read: a longer word is neither an abbreviation nor an initial.
_WORD_WINDOW = 24


def ends_with_abbreviation(before: str) -> bool:
    """True when the text up to a full stop ends in an abbreviation or an initial ("Antony J.")."""
    return abbreviation_ends_at(before, len(before))


def abbreviation_ends_at(line: str, stop: int) -> bool:
    """``ends_with_abbreviation(line[:stop])`` without copying the line or reading it from its start."""
    window = max(stop - _WORD_WINDOW, 0)
    # The word has no space in it: the search may start after the window's last space, sparing the regex a
    # failed attempt at every character of the words before it.
    last_space = line.rfind(" ", window, stop)
    match = _LAST_WORD.search(line, window if last_space < 0 else last_space + 1, stop)
    if match is None:
        return False
    word = match.group(1)
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the paragraph, white space trimmed; line breaks always end a sentence."""
    spans: list[tuple[int, int]] = []
    for line_start, line in iter_lines(paragraph):
        start = 0
        for match in _CANDIDATE.finditer(line):
            if line[match.start()] == "." and abbreviation_ends_at(line, match.start() + 1):
                continue
            spans.append(trim(line, start, match.end(), line_start))
            start = match.end()
        spans.append(trim(line, start, len(line), line_start))
    return [span for span in spans if span[1] > span[0]]


def iter_lines(paragraph: str) -> list[tuple[int, str]]:
    """Each line of the paragraph with the offset it starts at."""
    if "\n" not in paragraph:  # nearly every paragraph
        return [(0, paragraph)]
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in paragraph.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    return lines


def trim(line: str, start: int, end: int, offset: int) -> tuple[int, int]:
    """Shrink [start, end) of line past surrounding white space and shift it by offset."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return offset + start, offset + end
