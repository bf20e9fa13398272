"""The faster scans of the extractor find exactly what their plain regex forms find."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from flows.core.actors.lexicon import match_text
from flows.core.actors.runs import _LOWER_WORD, RUN_PATTERN, find_runs, lowercase_words
from flows.core.actors.unknown_names import PREVIOUS_WORD, _follows_settlement_noun, previous_word

# Pieces that make runs, prefixed names ("al-Assad"), elisions, connectors and odd spaces likely.
_PIECES = ["al-", "bin-", "el-", "as-", "Assad", "A", "Qaeda", "b", "x", "-", "'", "\u2019", ".", " ", "\u00a0",
           " of ", " and ", " the ", "É", "é", "\n", ", ", "1", "_", "the ", "in ", "town of ", "cities of "]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)

_PLAIN_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)[ \u00a0]+(?:the[ \u00a0]+)?$")
_PLAIN_SETTLEMENT_BEFORE = re.compile(
    r"\b(?:towns?|city|cities|villages?|ports?|districts?|municipalit(?:y|ies)|provinces?|regions?) of "
    r"(?:[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)*, (?:and |or )?)*(?:[A-Z][\w'\-]*(?: [A-Z][\w'\-]*)* (?:and|or) )?$")


@given(texts)
def test_find_runs_gives_the_spans_of_the_run_pattern(text: str) -> None:
    assert list(find_runs(text)) == [match.span() for match in RUN_PATTERN.finditer(text)]


def test_find_runs_finds_prefixed_names_and_runs_after_them() -> None:
    text = "said al-Assad of Syria and bin-Laden, then Tony Blair."
    assert [text[s:e] for s, e in find_runs(text)] == ["al-Assad of Syria", "bin-Laden", "Tony Blair."]


@given(texts, st.lists(st.sampled_from(["a", "b", "x", "ab", "ba", "the", "of", "in", "é", "A"]), max_size=6))
def test_lowercase_words_answer_as_the_word_list_would(text: str, asked: list[str]) -> None:
    words = frozenset(_LOWER_WORD.findall(text))
    found = lowercase_words(text)
    assert all((word in found) == (word in words) for word in [*asked, *words])


def test_lowercase_words_skip_words_joined_to_others() -> None:
    found = lowercase_words("the well-known x's O'neil ex-Beatle")
    assert "the" in found and "well" in found
    assert "known" not in found and "x" not in found and "neil" not in found and "ex" in found


@given(texts)
def test_previous_word_is_found_as_the_plain_pattern_finds_it(text: str) -> None:
    plain, fast = _PLAIN_PREVIOUS_WORD.search(text), PREVIOUS_WORD.search(text)
    assert (plain and plain.group(1)) == (fast and fast.group(1))


@given(texts, st.sampled_from(["Beni", "Goma", "X"]))
def test_settlement_cue_agrees_with_the_plain_search(before: str, name: str) -> None:
    text = before + name
    start = len(before)
    assert _follows_settlement_noun(text, start) == bool(
        _PLAIN_SETTLEMENT_BEFORE.search(text, max(start - 120, 0), start))


def test_settlement_cue_of_a_list_of_towns() -> None:
    text = "the towns of Beni, Butembo and Katwa"
    assert _follows_settlement_noun(text, text.index("Katwa"))
    assert not _follows_settlement_noun(text, text.index("Beni") - 1)


def test_ascii_match_text_is_one_folded_character_per_character() -> None:
    text = "U.S. Secretary-General's [UN] 2_x\tok"
    padded = match_text(text)
    assert padded == " u s  secretary general s  un  2_x ok "
    assert len(padded) == len(text) + 2



@given(texts)
def test_previous_word_by_string_methods_agrees_with_the_pattern(text: str) -> None:
    found = PREVIOUS_WORD.search(text)
    assert previous_word(text) == (found.group(1) if found else None)


def test_previous_word_skips_the() -> None:
    assert previous_word("troops in the ") == "in"
    assert previous_word("said, the ") == "the"
    assert previous_word("bathe ") == "bathe"
    assert previous_word("in\u00a0") == "in"
    assert previous_word("in") is None
