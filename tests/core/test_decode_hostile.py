"""Hostile bytes at the decoding stage: encodings without marks, broken UTF-8, control noise, invisible characters."""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.core.decode import decode_cp1252, detect_and_decode, looks_binary, normalise_text

BAD_INPUTS = Path(__file__).resolve().parents[1] / "fixtures" / "bad_inputs"
EXPECTED: dict[str, dict] = json.loads((BAD_INPUTS / "expected.json").read_text("utf-8"))
ENCODINGS = {"utf-8", "utf-8-sig", "utf-16", "cp1252"}  # the article schema's enum
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
ARTICLE = "Harbour Works Begin\n\nWork on the harbour wall began on Monday, the port said.\n"


def decoded_fixture(name: str) -> tuple[str, str]:
    return detect_and_decode((BAD_INPUTS / name).read_bytes())


def encoding_param(name: str) -> object:
    gap = EXPECTED[name].get("known_gap")
    if gap and gap["check"] == "encoding":
        return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=f"{gap['why']} Fix: {gap['fix']}"))
    return name


@pytest.mark.parametrize("name", [encoding_param(n) for n, case in EXPECTED.items() if case.get("encoding")])
def test_each_written_fixture_decodes_with_its_expected_encoding(name: str) -> None:
    assert decoded_fixture(name)[1] == EXPECTED[name]["encoding"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_refused_as_binary(codec: str) -> None:
    """No mark, no guessing: ASCII-range UTF-16 is valid UTF-8 full of NULs, which is what binary means here."""
    text, encoding = detect_and_decode(ARTICLE.encode(codec))
    assert encoding == "utf-8" and text.count("\x00") == len(ARTICLE)
    assert looks_binary(text)


def test_utf32_is_taken_for_utf16_and_refused_as_binary() -> None:
    text, encoding = detect_and_decode(ARTICLE.encode("utf-32"))  # FF FE 00 00 starts with the UTF-16LE mark
    assert encoding == "utf-16" and looks_binary(text)


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_a_byte_order_mark_alone_decodes_to_nothing(bom: bytes) -> None:
    assert detect_and_decode(bom)[0] == ""


def test_windows_1252_punctuation_and_euro_are_read_as_such() -> None:
    text, encoding = detect_and_decode(b"\x93Price: \x80 5\x94 \x96 \x91ok\x92 \x85")
    assert (text, encoding) == ("\u201cPrice: \u20ac 5\u201d \u2013 \u2018ok\u2019 \u2026", "cp1252")


def test_overlong_and_surrogate_utf8_sequences_are_not_utf8() -> None:
    for bad in (b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"):  # overlong '/', encoded surrogate, above U+10FFFF
        assert detect_and_decode(b"plain " + bad)[1] == "cp1252"


def test_one_stray_byte_does_not_spoil_the_valid_utf8_around_it() -> None:
    text, encoding = detect_and_decode("Café “owners” protest\n".encode() + b"stray \xff byte\n")
    assert encoding == "utf-8"
    assert text == "Café “owners” protest\nstray \u00ff byte\n"


@given(st.binary(max_size=400))
def test_any_bytes_decode_without_error_to_a_schema_encoding(data: bytes) -> None:
    text, encoding = detect_and_decode(data)
    assert isinstance(text, str) and encoding in ENCODINGS


@given(st.binary(max_size=400))
def test_cp1252_decoding_is_total_and_one_char_per_byte(data: bytes) -> None:
    assert len(decode_cp1252(data)) == len(data)


def test_a_single_nul_anywhere_means_binary() -> None:
    assert looks_binary(ARTICLE * 50 + "\x00")


def test_a_trace_of_control_characters_is_text_and_dense_noise_is_not() -> None:
    trace = ARTICLE * 4 + "\x1a"  # a DOS end-of-file byte after a few hundred characters
    dense = "".join(f"word\x01\x1b{n} " for n in range(50))
    assert not looks_binary(trace) and looks_binary(dense)


def test_normalising_drops_stray_controls_and_marks_but_keeps_tabs_and_invisible_formatting() -> None:
    raw = "A\r\nB\rC\n\ufeffD\x1a\x07E\tF\x0cG\u200bH\u202eI\u202c"
    assert normalise_text(raw) == "A\nB\nC\nDE\tF\x0cG\u200bH\u202eI\u202c"


lines = st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30), max_size=8)


@given(lines, st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=8, max_size=8))
def test_normalised_text_is_clean_and_normalising_is_idempotent(parts: list[str], endings: list[str]) -> None:
    raw = "".join(part + ending for part, ending in zip(parts, endings, strict=False))
    once = normalise_text(raw)
    assert "\r" not in once and "\ufeff" not in once and not _STRAY_CONTROL.search(once)
    assert unicodedata.is_normalized("NFC", once)
    assert normalise_text(once) == once


@given(lines)
def test_line_endings_never_change_the_normalised_text(parts: list[str]) -> None:
    clean = [part.replace("\r", "").replace("\n", "") for part in parts]
    assert normalise_text("\r\n".join(clean)) == normalise_text("\r".join(clean)) == normalise_text("\n".join(clean))
