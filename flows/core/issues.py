"""The issue taxonomy as values, and the phrase matcher that finds its issues in an article.

Pattern syntax (also described in ``schemas/taxonomy.v1.schema.json`` and ``flows/reference/taxonomy/README.md``):
lowercase words separated by single spaces or hyphens (the two are interchangeable); a word ending in ``*`` matches
any ending of that word (``sanction*``); the last word, when it has no ``*``, also matches its plural (``-s``;
``-es`` after s, x, z, ch, sh and o; consonant + ``y`` -> ``-ies``). Matching is case-insensitive and only on word
boundaries.

The matcher runs one Aho-Corasick pass over a lowercased copy of the text (same length, so offsets carry over)
looking for each pattern's literal head, then confirms the candidate with that pattern's own anchored regex.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import ahocorasick

from flows.core.model import IssueHit, Sentence, Span

_CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_WORD_TAIL = r"[^\W_]*"
_NOT_WORD_AFTER = r"(?![^\W_])"
_ES_PLURAL_ENDINGS = ("s", "x", "z", "ch", "sh")
# Characters folded to a plain space or apostrophe so that "people-to-people" meets "people to people".
_FOLDED_CHARS = {"-": " ", "\u2010": " ", "\u2011": " ", "\n": " ", "\r": " ", "\t": " ", "\u2019": "'"}


@dataclass(frozen=True, slots=True)
class IssueCategory:
    """A group of related issues (``diplomacy``, ``trade`` ...)."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class IssueDefinition:
    """One issue code with the phrases that mark it and the phrases that must not count."""

    code: str
    label: str
    category: str
    definition: str
    patterns: tuple[str, ...]
    exclusions: tuple[str, ...] = ()
    phoenix: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """A versioned set of issue codes grouped in categories."""

    version: str
    categories: tuple[IssueCategory, ...]
    issues: tuple[IssueDefinition, ...]
    license_notes: str = ""
    # Each issue under its code (the first, should a code repeat), for ``issue``: every article's issue rows look
    # their issues up. Derived from ``issues``, so it takes no part in equality, hashing or the repr.
    _by_code: dict[str, IssueDefinition] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code: dict[str, IssueDefinition] = {}
        for issue in self.issues:
            by_code.setdefault(issue.code, issue)
        object.__setattr__(self, "_by_code", by_code)  # the dataclass is frozen

    def issue(self, code: str) -> IssueDefinition:
        """The issue with this code; KeyError when the taxonomy has none."""
        return self._by_code[code]


@dataclass(frozen=True, slots=True)
class _Entry:
    """One pattern or exclusion, confirmed where the automaton found its literal head.

    A pattern without ``*`` is confirmed by plain string comparison (``stem`` then the first of ``endings`` that
    reaches a word boundary, in the order its regex would try them); a pattern with ``*`` by its regex, compiled
    on first use.
    """

    issue_index: int
    pattern: str  # normalised
    is_exclusion: bool
    stem: str | None = None
    endings: tuple[str, ...] = ()

    def match_end(self, folded: str, start: int) -> int | None:
        """Where the pattern's match starting at ``start`` ends, or None."""
        if self.stem is None:
            match = compiled_pattern(self.pattern).match(folded, start)
            return None if match is None else match.end()
        if not folded.startswith(self.stem, start):
            return None
        at = start + len(self.stem)
        for ending in self.endings:
            end = at + len(ending)
            if folded.startswith(ending, at) and (end == len(folded) or not folded[end].isalnum()):
                return end
        return None


def make_entry(issue_index: int, pattern: str, is_exclusion: bool) -> _Entry:
    if "*" in pattern:
        return _Entry(issue_index, pattern, is_exclusion)
    stem, endings = _plural_endings(pattern)
    return _Entry(issue_index, pattern, is_exclusion, stem, endings)


def _plural_endings(pattern: str) -> tuple[str, tuple[str, ...]]:
    """A ``*``-free pattern as a stem and its possible endings, mirroring ``_word_regex`` for the last word."""
    if _ends_in_consonant_y(pattern):
        return pattern[:-1], ("y", "ies")
    if pattern.endswith(_ES_PLURAL_ENDINGS):
        return pattern, ("es", "")
    if pattern.endswith("o"):
        return pattern, ("s", "es", "")
    return pattern, ("s", "")


@cache
def compiled_pattern(pattern: str) -> re.Pattern[str]:
    """The regex of a normalised pattern, compiled when an article first needs it: compiling every pattern up
    front dominated building the matcher."""
    return re.compile(pattern_regex(pattern))


@dataclass(frozen=True, slots=True)
class IssueMatcher:
    """A compiled taxonomy: build once with ``compile_matcher`` and reuse for every article."""

    taxonomy: Taxonomy
    automaton: Any  # ahocorasick.Automaton, values are tuples of _Entry
    codes: tuple[str, ...]


def taxonomy_from_dict(data: Mapping[str, Any]) -> Taxonomy:
    """Build a Taxonomy from its JSON form (see ``schemas/taxonomy.v1.schema.json``)."""
    categories = tuple(IssueCategory(id=c["id"], label=c["label"]) for c in data["categories"])
    issues = tuple(
        IssueDefinition(
            code=i["code"],
            label=i["label"],
            category=i["category"],
            definition=i["definition"],
            patterns=tuple(i["patterns"]),
            exclusions=tuple(i.get("exclusions", ())),
            phoenix=tuple(i.get("phoenix", ())),
        )
        for i in data["issues"]
    )
    return Taxonomy(
        version=data["taxonomy_version"],
        categories=categories,
        issues=issues,
        license_notes=data.get("license_notes", ""),
    )


def normalise_pattern(pattern: str) -> str:
    """Lowercase, hyphens as spaces, single spaces: the form a pattern is matched in."""
    return " ".join(fold_characters(pattern.lower()).split())


def literal_head(pattern: str) -> str:
    """The part of a normalised pattern every match starts with (what the automaton looks for)."""
    star = pattern.find("*")
    if star >= 0:
        return pattern[:star]
    if _ends_in_consonant_y(pattern):
        return pattern[:-1]
    return pattern


def pattern_regex(pattern: str) -> str:
    """The regular expression of one normalised pattern, anchored at neither end, with a closing word boundary."""
    words = pattern.split(" ")
    parts = [_word_regex(word, is_last=(n == len(words) - 1)) for n, word in enumerate(words)]
    return " ".join(parts) + _NOT_WORD_AFTER


def taxonomy_problems(data: Mapping[str, Any]) -> list[str]:
    """Rules the JSON Schema cannot state: unique codes and category ids, known categories, usable patterns."""
    problems: list[str] = []
    category_ids = [c.get("id") for c in data.get("categories", [])]
    problems += [f"/categories: category id {cid!r} is used more than once" for cid in _repeated(category_ids)]
    codes = [i.get("code") for i in data.get("issues", [])]
    problems += [f"/issues: issue code {code!r} is used more than once" for code in _repeated(codes)]
    known = set(category_ids)
    for n, issue in enumerate(data.get("issues", [])):
        if issue.get("category") not in known:
            problems.append(f"/issues/{n}/category: {issue.get('category')!r} is not one of the taxonomy's categories")
        if isinstance(issue.get("code"), str) and not _CODE_RE.match(issue["code"]):
            problems.append(f"/issues/{n}/code: {issue['code']!r} is not an upper-case code")
        for phrases in ("patterns", "exclusions"):
            for k, pattern in enumerate(issue.get(phrases, [])):
                if not literal_head(normalise_pattern(str(pattern))).strip():
                    problems.append(f"/issues/{n}/{phrases}/{k}: {pattern!r} has no literal words after normalisation")
    return problems


def compile_matcher(taxonomy: Taxonomy) -> IssueMatcher:
    """Compile every pattern and exclusion of the taxonomy into one automaton."""
    by_head: dict[str, list[_Entry]] = {}
    for index, issue in enumerate(taxonomy.issues):
        for phrases, is_exclusion in ((issue.patterns, False), (issue.exclusions, True)):
            for phrase in phrases:
                pattern = normalise_pattern(phrase)
                entry = make_entry(index, pattern, is_exclusion)
                by_head.setdefault(literal_head(pattern), []).append(entry)
    automaton = ahocorasick.Automaton()
    for head, entries in by_head.items():
        automaton.add_word(head, (len(head), tuple(entries)))
    automaton.make_automaton()
    return IssueMatcher(taxonomy=taxonomy, automaton=automaton, codes=tuple(i.code for i in taxonomy.issues))


def find_issue_hits(text: str, sentences: Sequence[Sentence], matcher: IssueMatcher) -> list[IssueHit]:
    """Every issue phrase of the text inside a sentence, ordered by start offset then issue code.

    Overlapping hits of one issue are collapsed to the longest; an exclusion of an issue removes that issue's hits
    it overlaps.
    """
    found, excluded = _raw_matches(fold_text(text), matcher)
    starts = [s.char_start for s in sentences]
    # Each hit as a tuple that sorts in the hits' order without a key function: (start, code), then the order in
    # which it was found, as a stable sort by (start, code) would leave it.
    located: list[tuple[int, str, int, int, int]] = []
    for index, spans in found.items():
        blocked = excluded.get(index)
        for start, end in _longest_first(spans):
            if blocked and any(start < b_end and b_start < end for b_start, b_end in blocked):
                continue
            sentence = _sentence_around(start, end, sentences, starts)
            if sentence is not None:
                located.append((start, matcher.codes[index], len(located), end, sentence.index))
    located.sort()
    return [IssueHit(code, Span(start, end, sentence_index)) for start, code, _, end, sentence_index in located]


def fold_text(text: str) -> str:
    """A lowercased copy of the text with the same length (so offsets stay valid) and hyphens as spaces."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters ("İ") lowercase to two; keep those as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return fold_characters(lowered)


def fold_characters(text: str) -> str:
    """The folded characters replaced, one ``replace`` each: ``str.translate`` with a table reads every character
    of a non-ASCII text through Python's mapping protocol, ten times slower than these scans."""
    for char, replacement in _FOLDED_CHARS.items():
        if char in text:
            text = text.replace(char, replacement)
    return text


def _raw_matches(
    folded: str, matcher: IssueMatcher
) -> tuple[dict[int, list[tuple[int, int]]], dict[int, list[tuple[int, int]]]]:
    found: dict[int, list[tuple[int, int]]] = {}
    excluded: dict[int, list[tuple[int, int]]] = {}
    for last, (length, entries) in matcher.automaton.iter(folded):
        start = last - length + 1
        if start > 0 and folded[start - 1].isalnum():
            continue
        for entry in entries:
            end = entry.match_end(folded, start)
            if end is not None:
                target = excluded if entry.is_exclusion else found
                target.setdefault(entry.issue_index, []).append((start, end))
    return found, excluded


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The distinct spans, longest first (then by start), without those that overlap a longer or earlier one."""
    if len(spans) == 1:
        return spans
    kept: list[tuple[int, int]] = []
    for _, start, end in sorted({(start - end, start, end) for start, end in spans}):
        if not any(start < k_end and k_start < end for k_start, k_end in kept):
            kept.append((start, end))
    return kept


def _sentence_around(start: int, end: int, sentences: Sequence[Sentence], starts: list[int]) -> Sentence | None:
    position = bisect_right(starts, start) - 1
    if position < 0:
        return None
    sentence = sentences[position]
    return sentence if start < sentence.char_end and end <= sentence.char_end else None


def _word_regex(word: str, is_last: bool) -> str:
    if word.endswith("*"):
        return re.escape(word[:-1]) + _WORD_TAIL
    if not is_last:
        return re.escape(word)
    if _ends_in_consonant_y(word):
        return re.escape(word[:-1]) + "(?:y|ies)"
    if word.endswith(_ES_PLURAL_ENDINGS):
        return re.escape(word) + "(?:es)?"
    if word.endswith("o"):
        return re.escape(word) + "(?:s|es)?"
    return re.escape(word) + "s?"


def _ends_in_consonant_y(word: str) -> bool:
    return len(word) > 1 and word.endswith("y") and word[-2] not in "aeiouy *'"


def _repeated(values: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    repeated: list[Any] = []
    for value in values:
        if value in seen and value not in repeated:
            repeated.append(value)
        seen.add(value)
    return repeated
