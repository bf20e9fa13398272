"""Record parsing: what RFC 8259 rejects is rejected with its own code, whichever path (orjson or strict) reads it."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.core.feedcheck.parse import MAX_DEPTH, nesting_depth, parse_record, parse_strictly

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@pytest.mark.parametrize(
    ("raw", "code", "words"),
    [
        (b'{"a": 1, "b": }', "invalid_json", "column 15"),
        (b'{"score": NaN}', "invalid_json", "NaN is not valid JSON"),
        (b"[-Infinity]", "invalid_json", "-Infinity is not valid JSON"),
        (b'{"title": "a", "text": "b", "title": "c"}', "duplicate_key", '"title" appears twice'),
        (b'{"title":"a","title":"a"}', "duplicate_key", '"title"'),
        (b'{"k\\u003a":1,"k:":2}', "duplicate_key", '"k:"'),
        (b'{"a": {"x": 1, "x": 2}}', "duplicate_key", '"x"'),
        (b'"\\ud800"', "invalid_text", "lone surrogate \\ud800"),
        (b'{"k": "\\udc00 low first"}', "invalid_text", "lone surrogate \\udc00"),
        (b'"\xff\xfe"', "invalid_text", "not valid UTF-8 at byte 2"),
        (b'"\xed\xa0\x80"', "invalid_text", "encoded surrogate"),
        (b'{"a": "tab\there"}', "invalid_json", "control character U+0009"),
        (b'{"a": "nul\x00"}', "invalid_json", "control character U+0000"),
        (b'{"a": 1} {"a": 2}', "invalid_json", "name the file .jsonl"),
        (b"\xef\xbb\xbf{}", "invalid_json", "column 1"),
        (b"1" + b"0" * 10_000, "number_too_long", "10001 digits"),
        (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), "too_deep", "254"),
        (b'{"a":' * 2000 + b"1" + b"}" * 2000, "too_deep", "254"),
        (b"[" * 100_000, "too_deep", "254"),
    ],
)
def test_hostile_records_are_reported_not_raised(raw: bytes, code: str, words: str) -> None:
    value, issue = parse_record(raw)
    assert value is None and issue is not None
    assert (issue.code, words in issue.message) == (code, True), issue.message


def test_a_syntax_error_on_a_later_line_of_a_record_says_which_line() -> None:
    _, issue = parse_record(b'{\n  "a": 1\n  "b": 2\n}')
    assert issue is not None and issue.line_offset == 2


def test_integers_beyond_64_bits_keep_their_exact_value() -> None:
    assert parse_record(b'{"n": 123456789012345678901234567890}') == ({"n": 123456789012345678901234567890}, None)
    assert parse_record(b"-9223372036854775809") == (-9223372036854775809, None)


def test_escaped_and_spaced_records_still_parse() -> None:
    assert parse_record(b'{ "a" : "caf\\u00e9 \\u003a", "b" : [ 1 , 2 ] }') == ({"a": "café :", "b": [1, 2]}, None)


def test_depth_at_the_limit_is_accepted_by_both_paths() -> None:
    raw = b"[" * MAX_DEPTH + b"]" * MAX_DEPTH
    for parse in (parse_record, parse_strictly):
        value, issue = parse(raw)
        assert issue is None and isinstance(value, list)


def test_orjson_still_refuses_to_write_past_the_depth_limit() -> None:
    """The fast path relies on it: a deeper record must fail the proof and meet the strict path's depth check."""
    import orjson
    too_deep: list = []
    for _ in range(MAX_DEPTH):
        too_deep = [too_deep]
    with pytest.raises(orjson.JSONEncodeError):
        orjson.dumps(too_deep)


def test_nesting_depth_ignores_brackets_inside_strings_and_stops_past_the_limit() -> None:
    assert nesting_depth(b'{"a": "[[[{{{", "b": [[1]]}', 10) == 3
    assert nesting_depth(b"[" * 5000, 10) == 11


@given(JSON_VALUES, st.booleans())
def test_both_paths_read_well_formed_json_as_the_standard_library_does(value: object, spaced: bool) -> None:
    raw = json.dumps(value, ensure_ascii=spaced, separators=(", ", ": ") if spaced else (",", ":")).encode()
    expected = json.loads(raw)
    assert parse_record(raw) == (expected, None)
    assert parse_strictly(raw) == (expected, None)
