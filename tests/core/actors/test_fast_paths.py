"""The ASCII shortcuts of the actor scanner give what the general (regex) forms give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from flows.core.actors.extract import letter_counts
from flows.core.actors.lexicon import fold, match_key, match_text

_NON_WORD = re.compile(r"\W")
# ASCII text, with a few non-ASCII letters and punctuation now and then to exercise the general path too.
texts = st.text(alphabet=st.sampled_from([*"abcXYZ019 _-.,'\"()\n\t&", "é", "’", "ß", "İ", "Ω"]), max_size=60)


@given(texts)
def test_match_text_blanks_non_word_characters_and_folds(text: str) -> None:
    assert match_text(text) == " " + _NON_WORD.sub(" ", fold(text)) + " "


@given(texts)
def test_match_key_is_the_padded_single_spaced_match_text(text: str) -> None:
    assert match_key(text) == " " + " ".join(_NON_WORD.sub(" ", fold(text)).split()) + " "


@given(texts)
def test_letter_counts_agree_with_the_letter_classes(line: str) -> None:
    upper = len(re.findall(r"[^\W\d_a-z\u00df-\u00ff]", line))
    lower = len(re.findall(r"[a-z\u00df-\u00ff]", line))
    assert letter_counts(line) == (upper, lower)


def test_letter_counts_of_an_ascii_headline() -> None:
    assert letter_counts("UN SAYS 3 ships") == (6, 5)
