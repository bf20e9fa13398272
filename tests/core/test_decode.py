import codecs

from hypothesis import given
from hypothesis import strategies as st

from flows.core.decode import decode_cp1252, detect_and_decode, looks_binary, normalise_text

texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200)


@given(texts.filter(lambda text: not text.startswith("\ufeff")))
def test_utf8_round_trips(text: str) -> None:
    """A text that itself starts with U+FEFF cannot round-trip: its first three bytes are a byte order mark."""
    assert detect_and_decode(text.encode("utf-8")) == (text, "utf-8")


def test_a_leading_zero_width_no_break_space_is_read_as_a_byte_order_mark() -> None:
    assert detect_and_decode("\ufeffTalks".encode()) == ("Talks", "utf-8-sig")


@given(texts)
def test_utf8_with_bom_round_trips(text: str) -> None:
    assert detect_and_decode(codecs.BOM_UTF8 + text.encode("utf-8")) == (text, "utf-8-sig")


@given(texts, st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_with_bom_round_trips(text: str, codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    decoded, encoding = detect_and_decode(bom + text.encode(codec))
    assert (decoded, encoding) == (text, "utf-16")


def test_cp1252_is_the_fallback_for_bytes_that_are_not_utf8() -> None:
    data = "“Café” – naïve".encode("cp1252")
    assert detect_and_decode(data) == ("“Café” – naïve", "cp1252")


def test_cp1252_never_fails_on_its_undefined_bytes() -> None:
    assert decode_cp1252(b"a\x81b\x9dc") == "a\x81b\x9dc"


def test_line_endings_and_unicode_form_are_normalised() -> None:
    decomposed = "Cafe\u0301\r\nline two\rline three"
    assert normalise_text(decomposed) == "Café\nline two\nline three"


def test_nul_bytes_and_control_noise_mean_binary() -> None:
    assert looks_binary("PK\x03\x04\x00\x00")
    assert looks_binary("".join(chr(c) for c in range(1, 9)) * 20)
    assert not looks_binary("An ordinary line.\tWith a tab.\n")
