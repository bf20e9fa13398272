import re

from hypothesis import given
from hypothesis import strategies as st

from flows.core.sentences import _ABBREVIATIONS, abbreviation_ends_at, ends_with_abbreviation, split_sentences


def pieces(paragraph: str) -> list[str]:
    return [paragraph[start:end] for start, end in split_sentences(paragraph)]


def test_splits_on_full_stops_questions_and_exclamations() -> None:
    assert pieces("It rained. Was it cold? Yes! Then it stopped.") == [
        "It rained.",
        "Was it cold?",
        "Yes!",
        "Then it stopped.",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Antony J. Blinken met Mr. Wang in the U.S. Capitol on Jan. 5 with Dr. Lee. They spoke."
    assert pieces(text) == ["Antony J. Blinken met Mr. Wang in the U.S. Capitol on Jan. 5 with Dr. Lee.", "They spoke."]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert pieces("He said “we will win.” She disagreed.") == ["He said “we will win.”", "She disagreed."]


def test_line_breaks_inside_a_paragraph_end_sentences() -> None:
    assert pieces("First item\nSecond item") == ["First item", "Second item"]


def test_lowercase_after_a_full_stop_is_not_a_new_sentence() -> None:
    assert pieces("Prices rose 2.5 percent. analysts were surprised.") == [
        "Prices rose 2.5 percent. analysts were surprised."
    ]


@given(st.lists(st.text(st.sampled_from("abc XYZ.?!\n\"'”"), min_size=0, max_size=40), max_size=5).map(" ".join))
def test_spans_are_ordered_trimmed_and_inside_the_paragraph(paragraph: str) -> None:
    spans = split_sentences(paragraph)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(paragraph)
        assert not paragraph[start].isspace() and not paragraph[end - 1].isspace()
        previous_end = end
    covered = "".join(paragraph[start:end] for start, end in spans)
    assert covered.replace(" ", "").replace("\n", "") == "".join(paragraph.split())


def test_a_long_word_before_a_full_stop_is_no_abbreviation() -> None:
    assert not ends_with_abbreviation("see " + "x" * 40 + ".")
    assert ends_with_abbreviation("talks with Gen.")
    assert ends_with_abbreviation("Antony J.")


@given(st.text(alphabet="aJ. x_é", max_size=40), st.integers(min_value=0, max_value=40))
def test_abbreviation_ends_at_reads_only_the_text_before_stop(line: str, stop: int) -> None:
    stop = min(stop, len(line))
    assert abbreviation_ends_at(line, stop) == ends_with_abbreviation(line[:stop])


def ends_in_abbreviation_plainly(before: str) -> bool:
    """The rule read off the last 24 characters: the word before the closing full stop is an abbreviation or a
    single capital."""
    match = re.search(r"([\w.]+)\.$", before[-24:])
    if match is None:
        return False
    word = match.group(1)
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


_PIECES = ["Mr.", "Gen", "U.S.", "jan.", "J.", "x", "word.", " ", "  ", "(", "\n", "\t", "."]


@given(st.lists(st.sampled_from(_PIECES)).map("".join))
def test_abbreviation_ends_at_follows_the_plain_rule(before: str) -> None:
    assert ends_with_abbreviation(before) == ends_in_abbreviation_plainly(before)
