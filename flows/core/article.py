"""From input bytes to a validated-ready article record: decode, lay out, compose, identify."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import filterfalse, product
from typing import NamedTuple

from flows.core.compose import compose
from flows.core.decode import detect_and_decode, looks_binary, normalise_text
from flows.core.layout import Layout, parse_layout
from flows.core.model import Sentence
from flows.core.problems import Problem, problem

SCHEMA_VERSION = "1.0.0"
DEFAULT_MAX_LINE_CHARS = 20_000
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_MARKUP_START = re.compile(r"<(?:!doctype\s|\?xml\s|html[\s>])", re.IGNORECASE)
_LANGUAGE_SAMPLE = 5000  # characters read to guess the language
_ENGLISH_MARKERS = frozenset("the a an of to in and is was for on that with as by at from it said be has have".split())


def any_case_spellings(word: str) -> set[str]:
    """Every spelling of a word in lower and upper case letters: "it", "It", "iT", "IT"."""
    return {"".join(letters) for letters in product(*((char, char.upper()) for char in word))}


# The markers in every mix of case. A word is one of these exactly when its lowercase form is a marker (no
# character outside ASCII lowercases to a letter of the markers), and the test needs no lowercased copy of it.
_ENGLISH_MARKER_SPELLINGS = frozenset(spelling for word in _ENGLISH_MARKERS for spelling in any_case_spellings(word))


@dataclass(frozen=True, slots=True)
class RunContext:
    """What every record of one run shares; the clock is read once, outside the pure core."""

    run_id: str
    started_at: datetime


@dataclass(frozen=True, slots=True)
class Source:
    """One input's identity: where it came from and the digest of its bytes."""

    location: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Article:
    record: dict[str, object]
    sentences: list[Sentence]

    @property
    def article_id(self) -> str:
        return str(self.record["article_id"])

    @property
    def text(self) -> str:
        return str(self.record["text"])


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def article_id_of(text: str) -> str:
    """The id depends on the canonical text only, so the same article under any file name has one id."""
    return sha256_hex(text.encode("utf-8"))[:16]


class WordStats(NamedTuple):
    """How many words a text has (what ``_WORD.findall`` finds) and how many of them are English markers."""

    count: int
    english_markers: int


def word_stats(text: str) -> WordStats:
    """The text's ``WordStats``, without a list of its words: no word spans white space, so each white-space-separated
    token that is alphanumeric is one word, and only the other tokens go through the regex."""
    tokens = text.split()
    others = list(filterfalse(str.isalnum, tokens))
    inner = _WORD.findall(" ".join(others))
    # Every marker spelling is alphanumeric, so among the tokens only the plain words can be markers.
    markers = sum(map(_ENGLISH_MARKER_SPELLINGS.__contains__, tokens))
    markers += sum(map(_ENGLISH_MARKER_SPELLINGS.__contains__, inner))
    return WordStats(len(tokens) - len(others) + len(inner), markers)


def count_words(text: str) -> int:
    return word_stats(text).count


def guess_language(text: str) -> str:
    """"en" when English function words are frequent enough, else "und" (undetermined, per BCP 47)."""
    return language_of(word_stats(text[:_LANGUAGE_SAMPLE]))


def language_of(stats: WordStats) -> str:
    """``guess_language`` of a text (of at most ``_LANGUAGE_SAMPLE`` characters) with these ``stats``."""
    return "en" if stats.count and stats.english_markers / stats.count >= 0.08 else "und"


def published_at(layout: Layout) -> datetime | None:
    if layout.published is None:
        return None
    year, month, day = layout.published
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


def build_record(layout: Layout, text: str, source: Source, encoding: str, context: RunContext) -> dict[str, object]:
    """The article row, in the column order of article.v1."""
    stats = word_stats(text)
    language = language_of(stats) if len(text) <= _LANGUAGE_SAMPLE else guess_language(text)
    return {
        "article_id": article_id_of(text),
        "source_path": source.location,
        "source_sha256": source.sha256,
        "encoding": encoding,
        "title": layout.title,
        "subtitle": layout.subtitle,
        "sections": [{"heading": s.heading, "paragraphs": list(s.paragraphs)} for s in layout.sections],
        "text": text,
        "word_count": stats.count,
        "language": language,
        "published_at": published_at(layout),
        "removed": list(layout.removed),
        "ingested_at": context.started_at,
        "supersedes": None,
        "is_latest": True,
        "run_id": context.run_id,
        "schema_version": SCHEMA_VERSION,
    }


def looks_like_markup(text: str) -> bool:
    """A saved web page or XML document: it opens with a doctype, an XML declaration or an <html> tag."""
    return _MARKUP_START.match(text.lstrip()[:64]) is not None


def longest_line(text: str) -> int:
    return max(map(len, text.split("\n")), default=0)


def article_from_bytes(
    data: bytes, source: Source, context: RunContext, max_line_chars: int = DEFAULT_MAX_LINE_CHARS
) -> Article | Problem:
    """Turn one input's bytes into an article, or say why not."""
    if not data:
        return problem("empty_file", source.location)
    decoded, encoding = detect_and_decode(data)
    if looks_binary(decoded):
        return problem("binary_content", source.location, f"decoded as {encoding}")
    normalised = normalise_text(decoded)
    if (longest := longest_line(normalised)) > max_line_chars:
        detail = f"a line of {longest} characters; the limit is {max_line_chars}"
        return problem("line_too_long", source.location, detail)
    if looks_like_markup(normalised):
        return problem("markup_page", source.location, "it starts with a document or html tag")
    layout = parse_layout(normalised)
    if isinstance(layout, str):
        return problem(layout, source.location)
    text, sentences = compose(layout)
    return Article(build_record(layout, text, source, encoding, context), sentences)


def article_from_parts(
    parts: Layout, source: Source, encoding: str, context: RunContext
) -> Article:
    """For inputs that arrive already structured (feed items): compose and identify without parsing."""
    text, sentences = compose(parts)
    return Article(build_record(parts, text, source, encoding, context), sentences)
