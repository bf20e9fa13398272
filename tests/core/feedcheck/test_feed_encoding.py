"""Byte order marks and UTF-16: decoded with a note, or refused with a clear reason when there is no BOM."""

from __future__ import annotations

import codecs

import pytest

from flows.core.feedcheck.encoding import decode_stream

TEXT = '{"title": "Café", "text": "Ünïcode ☃"}\n'


def decoded_bytes(data: bytes, chunk: int = 3) -> tuple[bytes, list[str], str | None]:
    result = decode_stream(data[i : i + chunk] for i in range(0, len(data), chunk))
    return b"".join(result.chunks), result.notes, result.problem


def test_plain_utf8_passes_through_untouched() -> None:
    assert decoded_bytes(TEXT.encode()) == (TEXT.encode(), [], None)


def test_a_utf8_bom_is_skipped_and_noted() -> None:
    data, notes, problem = decoded_bytes(codecs.BOM_UTF8 + TEXT.encode())
    assert (data, problem) == (TEXT.encode(), None)
    assert "byte order mark" in notes[0]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded_to_utf8(encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
        encoding, codecs.BOM_UTF32_LE if encoding == "utf-32-le" else codecs.BOM_UTF32_BE
    )
    data, notes, problem = decoded_bytes(bom + TEXT.encode(encoding))
    assert (data, problem) == (TEXT.encode(), None)
    assert encoding.upper() in notes[0]


@pytest.mark.parametrize(("encoding", "named"), [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
def test_utf16_without_a_bom_is_refused_with_a_reason(encoding: str, named: str) -> None:
    _, _, problem = decoded_bytes(TEXT.encode(encoding))
    assert problem is not None and named in problem and "byte order mark" in problem


def test_a_lone_surrogate_in_utf16_reaches_the_parser_as_bad_bytes() -> None:
    data, _, problem = decoded_bytes(codecs.BOM_UTF16_LE + '"'.encode("utf-16-le") + b"\x00\xd8" + b'"\x00')
    assert problem is None and data == b'"\xed\xa0\x80"'


def test_an_odd_trailing_byte_in_utf16_is_noted() -> None:
    _, notes, _ = decoded_bytes(codecs.BOM_UTF16_LE + "{}".encode("utf-16-le") + b"\x00")
    assert any("middle of a" in note for note in notes)


def test_empty_and_tiny_inputs_are_fine() -> None:
    assert decoded_bytes(b"") == (b"", [], None)
    assert decoded_bytes(b"1") == (b"1", [], None)
