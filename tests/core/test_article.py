import codecs
import re
import sys
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from flows.core.article import (
    _ENGLISH_MARKERS,
    Article,
    RunContext,
    Source,
    WordStats,
    any_case_spellings,
    article_from_bytes,
    count_words,
    guess_language,
    language_of,
    sha256_hex,
    word_stats,
)
from flows.core.problems import Problem

CONTEXT = RunContext("20261128T120000Z-abc123", datetime(2026, 11, 28, 12, tzinfo=UTC))


def ingest(data: bytes, location: str = "in/a.txt") -> Article | Problem:
    return article_from_bytes(data, Source(location, sha256_hex(data)), CONTEXT)


def test_same_content_under_other_names_and_encodings_has_one_id(seed_bytes: bytes) -> None:
    text = seed_bytes.decode("utf-8")
    variants = [
        seed_bytes,
        codecs.BOM_UTF8 + seed_bytes,
        text.encode("utf-16"),
        text.replace("\n", "\r\n").encode("utf-8"),
    ]
    articles = [ingest(data, f"copy{n}.txt") for n, data in enumerate(variants)]
    assert all(isinstance(a, Article) for a in articles)
    assert len({a.article_id for a in articles if isinstance(a, Article)}) == 1
    assert [a.record["encoding"] for a in articles if isinstance(a, Article)] == [
        "utf-8", "utf-8-sig", "utf-16", "utf-8"
    ]


def test_record_fields(seed_bytes: bytes) -> None:
    article = ingest(seed_bytes)
    assert isinstance(article, Article)
    record = article.record
    assert record["source_sha256"] == sha256_hex(seed_bytes)
    assert record["language"] == "en"
    assert record["published_at"] is None
    assert record["run_id"] == CONTEXT.run_id and record["ingested_at"] == CONTEXT.started_at
    assert 800 < int(record["word_count"]) < 900  # type: ignore[call-overload]
    assert len(record["sections"]) == 4  # type: ignore[arg-type]


def test_bad_inputs_become_problems_with_stable_codes() -> None:
    cases = {
        b"": "empty_file",
        b"\x00\x01\x02binary\x00": "binary_content",
        b"   \n\n  ": "blank_text",
        b"Only a title\n": "no_body",
        b"Leave a Reply\n\nComments are closed.\n": "boilerplate_only",
    }
    for data, code in cases.items():
        result = ingest(data, "bad.txt")
        assert isinstance(result, Problem) and result.code == code and result.location == "bad.txt"


def test_language_guess() -> None:
    assert guess_language("The minister said that the talks were over and it was time to go.") == "en"
    assert guess_language("Der Minister sagte, dass die Gespräche vorbei seien.") == "und"


_WORDISH_PIECES = st.sampled_from([*"ab1_ '’-.,\n\t\u00a0AaTtHhEeSsIi", "é", "Ω", "an", "The", "it", " the "])


@given(st.lists(_WORDISH_PIECES, max_size=40).map("".join))
def test_word_stats_count_the_regex_words_and_the_markers_among_them(text: str) -> None:
    words = re.findall(r"\w+(?:['’]\w+)*", text)
    markers = sum(word.lower() in _ENGLISH_MARKERS for word in words)
    assert word_stats(text) == WordStats(len(words), markers)
    assert count_words(text) == len(words)


def test_any_case_spellings_mixes_the_case_of_every_letter() -> None:
    assert any_case_spellings("it") == {"it", "It", "iT", "IT"}
    assert any_case_spellings("") == {""}


def test_only_ascii_letters_lowercase_to_a_letter_of_the_english_markers() -> None:
    letters = set("".join(sorted(_ENGLISH_MARKERS)))
    lowering_to_them = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).lower() in letters}
    assert lowering_to_them == letters | {letter.upper() for letter in letters}


_MARKERISH_WORDS = st.lists(
    st.sampled_from(sorted(_ENGLISH_MARKERS)).map(lambda w: w.upper() if len(w) % 2 else w.title())
    | st.text(alphabet=st.sampled_from("tTheHaAİıK\u212a'sS"), min_size=1, max_size=5)
    | st.text(min_size=1, max_size=5),
    max_size=30,
)


@given(_MARKERISH_WORDS)
def test_markers_are_counted_in_any_case(words: list[str]) -> None:
    text = " ".join(words)
    expected = sum(word.lower() in _ENGLISH_MARKERS for word in re.findall(r"\w+(?:['’]\w+)*", text))
    assert word_stats(text).english_markers == expected


def test_language_of_needs_one_marker_in_about_twelve_words() -> None:
    assert language_of(WordStats(25, 2)) == "en"
    assert language_of(WordStats(26, 2)) == "und"
    assert language_of(WordStats(0, 0)) == "und"
