"""The array tokenizer: one item at a time, with line and index, whatever the chunking; hostile shapes reported."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from flows.core.feedcheck.arrays import split_array
from flows.core.feedcheck.lines import Malformed, Oversized, Unterminated

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='ab,]}[{"\\\n é'),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(alphabet='k,]}"\\', max_size=3), inner, max_size=3),
    max_leaves=8,
)


def items(framed: list) -> list:
    """Drop the pre-parsed value (a speed-up, not part of what is being compared)."""
    return [entry[:3] if isinstance(entry, tuple) else entry for entry in framed]


def test_items_come_out_with_their_first_line_and_index() -> None:
    doc = b'[\n {"a": "x,]}\\"y", "b": [1, {"c": 2}]},\n 3,\n "s\\\\",\n [],\n {"n": null}\n]\n'
    assert items(list(split_array([doc], 1000))) == [
        (2, 0, b'{"a": "x,]}\\"y", "b": [1, {"c": 2}]}'),
        (3, 1, b"3"),
        (4, 2, b'"s\\\\"'),
        (5, 3, b"[]"),
        (6, 4, b'{"n": null}'),
    ]


def test_every_split_point_gives_the_same_items() -> None:
    doc = b'[{"a": "},{", "b": {"c": [1, 2]}}, {"d": "\\\\"}, [1, [2]], "x\\"y", 7]'
    whole = items(list(split_array([doc], 1000)))
    for cut in range(len(doc)):
        assert items(list(split_array([doc[:cut], doc[cut:]], 1000))) == whole, cut


@settings(max_examples=150)
@given(values=st.lists(JSON_VALUES, max_size=6), indent=st.sampled_from([None, 1]), cut=st.integers(0, 400))
def test_items_are_the_values_of_the_array(values: list, indent: int | None, cut: int) -> None:
    doc = json.dumps(values, indent=indent, ensure_ascii=False).encode()
    found = list(split_array([doc[:cut], doc[cut:]], 10_000))
    assert [json.loads(raw) for _, _, raw, _ in found] == values
    assert [index for _, index, _, _ in found] == list(range(len(values)))


def test_stray_commas_and_text_after_the_array_are_reported_between_items() -> None:
    framed = items(list(split_array([b"[1,,2,]\n tail"], 100)))
    assert framed == [
        (1, 0, b"1"),
        Malformed(1, "an empty item (two commas in a row, or a comma right after '[')"),
        (1, 1, b"2"),
        Malformed(1, "a comma right before the closing ']' (trailing comma)"),
        Malformed(2, "unexpected content after the array's closing ']'"),
    ]


def test_a_cut_off_array_ends_with_an_unterminated_item_and_a_missing_bracket() -> None:
    framed = items(list(split_array([b'[1, {"a": "b'], 100)))
    assert framed == [
        (1, 0, b"1"),
        Unterminated(1, b'{"a": "b', 1),
        Malformed(1, "the input ends before the array's closing ']'"),
    ]


def test_an_item_above_the_limit_is_skipped_with_its_size() -> None:
    framed = items(list(split_array([b'[ "', b"a" * 30, b'", 2]'], 10)))
    assert framed == [Oversized(1, 32, 0), (1, 1, b"2")]


def test_an_oversized_item_across_chunks_is_not_mistaken_for_the_objects_inside_it() -> None:
    big = b'{"a": "' + b"x" * 30 + b'", "n": {"z": 1}, "q": 2}'
    inner = big.index(b'{"z"')
    framed = items(list(split_array([b"[" + big[:inner], big[inner:], b', {"c": 2}]'], 20)))
    assert framed == [Oversized(1, len(big), 0), (1, 1, b'{"c": 2}')]


def test_nesting_100000_deep_is_split_without_recursion() -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    framed = items(list(split_array([b"[", deep, b", 1]"], 10_000_000)))
    assert framed == [(1, 0, deep), (1, 1, b"1")]
