"""Find every actor of an article: the pure entry point of the actor extractor.

Body sentences are read with capitalisation as evidence. Title-case lines (title, subtitle, headings) and
all-capital lines are not: there only gazetteer entries and names the body has confirmed are accepted.

"The Kremlin" (an institution that stands for Russia's government) is reported as an organisation with country RUS
and is not counted as a mention of the country itself: each surface belongs to exactly one actor, and the
organisation's country code already ties it to RUS.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from operator import attrgetter, itemgetter

from flows.core.actors.candidates import ArticleContext, Candidate
from flows.core.actors.classify import candidate_from_hit, classify_run
from flows.core.actors.countries import settle_countries
from flows.core.actors.edges import storm_names
from flows.core.actors.grouping import (
    Group,
    absorb_short_forms,
    bind_defined_acronyms,
    group_others,
    group_people,
    person_words,
    short_forms,
    strip_article,
)
from flows.core.actors.lexicon import Lexicon, compile_automaton, fold, match_text
from flows.core.actors.people import attribute_people
from flows.core.actors.runs import find_runs, lowercase_words
from flows.core.actors.scan import find_hits, iter_matches
from flows.core.actors.vocabulary import PLACE_PREPOSITIONS
from flows.core.model import Actor, Sentence, Span

_LINE_KINDS = frozenset({"title", "subtitle", "heading"})
_UPPER_LETTER = re.compile(r"[^\W\d_a-z\u00df-\u00ff]")
_LOWER_LETTER = re.compile(r"[a-z\u00df-\u00ff]")
# The Latin-1 characters of each class, so that a Latin-1 line (English with a "£" or an "é") is counted by
# deleting bytes, in C.
_LATIN_UPPER = bytes(code for code in range(256) if _UPPER_LETTER.match(chr(code)))
_LATIN_LOWER = bytes(code for code in range(256) if _LOWER_LETTER.match(chr(code)))


def letter_counts(line: str) -> tuple[int, int]:
    """(capital letters, small letters) of the line."""
    if not line.isascii() and max(line) > "\xff":
        return len(_UPPER_LETTER.findall(line)), len(_LOWER_LETTER.findall(line))
    data = line.encode("latin-1")
    return len(data) - len(data.translate(None, _LATIN_UPPER)), len(data) - len(data.translate(None, _LATIN_LOWER))


def sentence_mode(text: str, sentence: Sentence) -> str:
    """body, titlecase (capitals mean nothing) or caps (everything is capitals)."""
    line = text[sentence.char_start:min(sentence.char_end, sentence.char_start + 120)]
    upper, lower = letter_counts(line)
    if upper >= 8 and upper >= 4 * lower:
        return "caps"
    return "titlecase" if sentence.kind in _LINE_KINDS else "body"


def _whole_text_sentence(text: str) -> list[Sentence]:
    return [Sentence(0, 0, len(text), "body", 0, 0, None)]


def _is_doubtful_place(ctx: ArticleContext, candidate: Candidate) -> bool:
    """A one-word gazetteer place that is also an ordinary word ("Reading", "Split") needs a preposition."""
    if candidate.type != "place":
        return False
    surface = ctx.text[candidate.start:candidate.end]
    if " " in surface or fold(surface) not in ctx.lexicon.common_words:
        return False
    before = ctx.text[max(candidate.start - 12, 0):candidate.start].split()
    return not (before and before[-1].lower() in PLACE_PREPOSITIONS)


def name_runs(ctx: ArticleContext) -> list[tuple[int, int]]:
    """Runs of capitalised words, each stretched over a gazetteer name that starts inside it and goes on past a
    lowercase word ("Centers for Disease Control and Prevention", "Committee to Protect Journalists")."""
    runs: list[tuple[int, int]] = []
    for start, end in find_runs(ctx.text):
        if runs and start < runs[-1][1]:
            if end > runs[-1][1]:
                runs[-1] = (runs[-1][0], end)
            continue
        inside = ctx.names_starting_within(start, end)
        stretched = max(hit.end for hit in inside) if inside else end
        if stretched > end and "\n" not in ctx.text[end:stretched]:
            end = stretched
        runs.append((start, end))
    return _with_lowercase_names(ctx, runs)


def _with_lowercase_names(ctx: ArticleContext, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Known names that open in lowercase ("arXiv", "eLife") are runs of their own."""
    extra = [(hit.start, hit.end) for hit in ctx.names if ctx.text[hit.start].islower()]
    return sorted(runs + extra) if extra else runs


def find_candidates(ctx: ArticleContext) -> list[Candidate]:
    found: list[Candidate] = []
    for start, end in name_runs(ctx):
        mode = ctx.modes[ctx.sentence_at(start)]
        if mode == "body":
            found.extend(classify_run(ctx, start, end))
        else:
            for hit in ctx.names_within(start, end):
                candidate = candidate_from_hit(ctx, hit)
                if candidate is not None:
                    found.append(candidate)
    storms = storm_names(ctx.text)
    return [c for c in found if has_name_word(c.name) and not _is_doubtful_place(ctx, c)
            and not (c.type == "person" and c.name in storms)]


def has_name_word(name: str) -> bool:
    """A name has at least one word of two letters or more: "E & W" or "J. K." alone name nobody."""
    if name[:2].isalpha():  # the usual case, settled without splitting
        return True
    return any(sum(ch.isalpha() for ch in word) >= 2 for word in name.split())


def _propagate(ctx: ArticleContext, groups: list[Group]) -> None:
    """Add later mentions of names the article has already established ("Blinken", "Xi", "PLA")."""
    pairs: list[tuple[str, tuple[str, Group]]] = []
    for group in groups:
        if group.type == "country":
            continue
        surfaces = {ctx.text[m.start:m.end] for m in group.members}
        for form in short_forms(group, ctx.lexicon.common_words) | surfaces:
            pairs.append((form, (form, group)))
    if not pairs:
        return
    automaton = compile_automaton(pairs)
    taken = sorted(((m.start, m.end, g) for g in groups for m in g.members), key=itemgetter(0, 1))
    for start, end, owners in iter_matches(automaton, ctx.text, ctx.padded):
        index = bisect.bisect_left(taken, (start, start))  # the first mention starting at or after ``start``
        # The two clashes most hits meet, turned down here rather than by a call to _claim: the hit is a mention
        # already found, or the mention before it reaches into it ("Blair" in "Tony Blair").
        if index < len(taken) and taken[index][0] == start and taken[index][1] == end:
            continue
        if index and taken[index - 1][1] > start:
            continue
        _claim(ctx, start, end, owners, taken, index)


def _overlapping(taken: list[tuple[int, int, Group]], index: int, start: int, end: int) -> list[tuple[int, int, Group]]:
    return [t for t in taken[max(index - 3, 0):index + 3] if t[0] < end and start < t[1]]


def _claim(ctx: ArticleContext, start: int, end: int, owners: tuple[tuple[str, Group], ...],
           taken: list[tuple[int, int, Group]], index: int) -> None:
    """Add one propagated mention, unless the place is taken; a fuller form replaces a shorter mention of the
    same actor inside it ("Antony J. Blinken" over "Blinken" in a headline). ``taken[index]`` is the first
    mention starting at or after ``start``."""
    clashes = _overlapping(taken, index, start, end)
    if any(s < start or e > end or (s, e) == (start, end) for s, e, _ in clashes):
        return
    surface = ctx.text[start:end]
    caps = ctx.modes[ctx.sentence_at(start)] == "caps"
    groups = [group for form, group in owners if form == surface or (caps and surface.isupper())]
    if not groups:
        return
    if " " not in surface and ctx.is_sentence_initial(start) and fold(surface) in ctx.lexicon.common_words:
        return
    group = groups[0] if len(groups) == 1 else min(groups, key=lambda g: _distance(g, start))
    if any(other is not group for _, _, other in clashes):
        return
    model = group.members[0]
    for s, e, _ in clashes:
        model = next(m for m in group.members if (m.start, m.end) == (s, e))
        group.members.remove(model)
        taken.remove((s, e, group))
    group.members.append(Candidate(start, end, group.type, model.name, model.code, model.sector, model.title,
                                   model.registry))
    taken.insert(bisect.bisect_left(taken, (start, end)), (start, end, group))


def _distance(group: Group, offset: int) -> int:
    return min((offset - m.start for m in group.members if m.start < offset), default=10**9)


def _canonical_name(group: Group, text: str) -> str:
    if group.type == "country":
        return _country_name(group, text)
    registry = next((m.name for m in group.members if m.registry), None)
    if registry is not None:
        return registry
    if group.type == "person":  # each distinct name once, first seen first, so ties go the same way
        names = dict.fromkeys(m.name for m in group.members)
        return max(names, key=lambda n: (len(person_words(n)), len(n)))
    return max((m.name for m in group.members), key=len)


def _country_name(group: Group, text: str) -> str:
    """The fullest country name the article itself uses ("United States" over "U.S."), else the canonical one."""
    surfaces = [strip_article(text[m.start:m.end]) for m in group.members if not m.stands_in]
    written = [s for s in surfaces if not s.isupper() or len(s) > 4]
    return max(written, key=lambda s: (len(s.split()), len(s)), default=group.members[0].name)


def _to_actor(ctx: ArticleContext, group: Group, sentence_indices: Sequence[int]) -> Actor:
    members = sorted(group.members, key=attrgetter("start"))
    title = next((m.title for m in members if m.title), None)
    sector = next((m.sector for m in members if m.sector), None)
    mentions = [Span(start, end, sentence_indices[ctx.sentence_at(start)])
                for start, end in sorted({(m.start, m.end) for m in members})]
    return Actor(group.key, _canonical_name(group, ctx.text), group.type, group.code, title, sector, mentions)  # type: ignore[arg-type]


def build_context(text: str, sentences: Sequence[Sentence], lexicon: Lexicon) -> ArticleContext:
    padded = match_text(text)
    names, titles = find_hits(text, padded, lexicon)
    ordered = sorted(sentences, key=lambda s: s.char_start) or _whole_text_sentence(text)
    ctx = ArticleContext(text, padded, lexicon, ordered, names, titles, lowercase_words(text))
    ctx.modes = [sentence_mode(text, s) for s in ordered]
    return ctx


def extract_actors(text: str, sentences: Sequence[Sentence], lexicon: Lexicon) -> list[Actor]:
    """Every actor named in ``text``, each with all its mentions, ordered by first mention."""
    ctx = build_context(text, sentences, lexicon)
    candidates = find_candidates(ctx)
    attribute_people(ctx, candidates)
    people = [c for c in candidates if c.type == "person"]
    person_groups = group_people(people, lexicon.given_names)
    bind_defined_acronyms(candidates, text)
    others = group_others([c for c in candidates if c.type != "person"], text)
    others = absorb_short_forms(person_groups, others, text, lexicon.common_words)
    groups = person_groups + others
    _propagate(ctx, groups)
    settle_countries(ctx, groups)
    # Mentions carry the caller's sentence index (our list is sorted by offset; theirs may carry other indices).
    sentence_indices = [s.index for s in ctx.sentences]
    actors = [_to_actor(ctx, group, sentence_indices) for group in groups if group.members]
    return sorted(actors, key=lambda a: (a.mentions[0].char_start, a.actor_id))
