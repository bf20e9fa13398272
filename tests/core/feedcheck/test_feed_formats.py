"""Format shortcuts only ever accept what the reference accepts, so they cannot change a verdict."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from flows.core.feedcheck.formats import SHORTCUTS, format_check, reference_check

CHECKER = Draft202012Validator.FORMAT_CHECKER


@pytest.mark.parametrize("name", sorted(SHORTCUTS))
@settings(max_examples=120)
@given(data=st.data())
def test_every_string_a_shortcut_accepts_the_reference_accepts(name: str, data: st.DataObject) -> None:
    text = data.draw(st.from_regex(SHORTCUTS[name], fullmatch=True))
    assert CHECKER.conforms(text, name), text


@pytest.mark.parametrize(
    ("name", "text", "valid"),
    [
        ("date-time", "2023-06-18T02:47:00Z", True),
        ("date-time", "2024-02-29T00:00:00+05:30", True),
        ("date-time", "2023-02-29T00:00:00Z", False),
        ("date-time", "2023-06-18T23:59:60Z", False),
        ("date-time", "2023-06-18t02:47:00z", True),
        ("date-time", "0000-01-01T00:00:00Z", False),
        ("date-time", "2023-06-18 02:47:00Z", False),
        ("uri", "https://example.org/a?b=c#d", True),
        ("uri", "https://example.org/%7Euser", True),
        ("uri", "mailto:someone@example.org", True),
        ("uri", "/relative/path", False),
        ("uri", "https://exa mple.org", False),
        ("uri", "https://example.org/%zz", False),
    ],
)
def test_checks_give_the_reference_verdict(name: str, text: str, valid: bool) -> None:
    assert CHECKER.conforms(text, name) is valid
    assert format_check(CHECKER, name)(text) is valid
    assert reference_check(CHECKER, name)(text) is valid


def test_non_strings_and_unknown_formats_pass_as_in_the_reference() -> None:
    assert format_check(CHECKER, "date-time")(42) is True
    assert format_check(CHECKER, "no-such-format")("anything") is True
