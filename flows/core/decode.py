"""Bytes to text: detect the encoding, reject what is not text, normalise line endings and Unicode form."""

from __future__ import annotations

import codecs
import re
import unicodedata

# C0 controls other than tab, newline, carriage return and form feed never occur in article text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BINARY_SHARE = 0.01


def detect_and_decode(data: bytes) -> tuple[str, str]:
    """Decode by BOM first, then strict UTF-8, then cp1252 (with latin-1 for its five undefined bytes)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors=_STRAY_BYTES), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        if _UTF8_MULTIBYTE.search(data):  # UTF-8 text with a few stray bytes: keep the UTF-8, mend only the strays
            return data.decode("utf-8", errors=_STRAY_BYTES), "utf-8"
        return decode_cp1252(data), "cp1252"


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252: keep them as latin-1 does
        return chr(byte)


# latin-1 maps byte b to chr(b); this table then turns each such char into what cp1252 means by byte b.
_CP1252_FROM_LATIN1 = {byte: _cp1252_char(byte) for byte in range(0x80, 0xA0)}


def decode_cp1252(data: bytes) -> str:
    """Decode cp1252 without ever failing: its five undefined bytes fall back to latin-1."""
    return data.decode("latin-1").translate(_CP1252_FROM_LATIN1)


def _mend_stray_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Read bytes that are not UTF-8 as cp1252 would, and carry on decoding after them."""
    return decode_cp1252(error.object[error.start : error.end]), error.end


# A well-formed multi-byte UTF-8 sequence (no overlong forms, no surrogates, nothing above U+10FFFF).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_STRAY_BYTES = "agenda-stray-bytes-as-cp1252"
codecs.register_error(_STRAY_BYTES, _mend_stray_bytes)


def looks_binary(text: str) -> bool:
    """True when control characters make up more than a trace of the text."""
    if "\x00" in text:
        return True
    controls = len(_CONTROL.findall(text))
    return controls > 0 and controls / max(len(text), 1) > _BINARY_SHARE


def normalise_text(text: str) -> str:
    """CRLF and CR become LF, the text is put in NFC, and stray control characters are dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\ufeff", ""))
    return unicodedata.normalize("NFC", text)
