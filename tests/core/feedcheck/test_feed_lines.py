"""JSON Lines framing: line numbers, blank lines, a cut-off last line, and lines above the limit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flows.core.feedcheck.lines import NOT_PARSED, Oversized, Unterminated, split_lines


def chunked(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({cut % (len(data) + 1) for cut in cuts})
    return [data[start:end] for start, end in zip([0, *points], [*points, len(data)], strict=True)]


def test_records_carry_their_line_numbers_and_blank_lines_are_skipped() -> None:
    data = b'{"a":1}\n\n  \n{"a":2}\r\n{"a":3}\n'
    assert list(split_lines([data], 100)) == [
        (1, None, b'{"a":1}', NOT_PARSED),
        (4, None, b'{"a":2}', NOT_PARSED),
        (5, None, b'{"a":3}', NOT_PARSED),
    ]


def test_a_last_line_without_newline_is_marked_unterminated() -> None:
    assert list(split_lines([b'{"a":1}\n{"a"'], 100)) == [(1, None, b'{"a":1}', NOT_PARSED), Unterminated(2, b'{"a"')]


def test_a_line_above_the_limit_is_reported_with_its_size_and_not_kept() -> None:
    data = b"x" * 50 + b"\n" + b'{"a":1}\n'
    assert list(split_lines([data[:20], data[20:40], data[40:]], 30)) == [
        Oversized(1, 50),
        (2, None, b'{"a":1}', NOT_PARSED),
    ]


def test_an_oversized_last_line_is_reported_too() -> None:
    assert list(split_lines([b"ok\n", b"y" * 40], 30)) == [(1, None, b"ok", NOT_PARSED), Oversized(2, 40)]


@given(
    lines=st.lists(st.binary(max_size=12).map(lambda b: b.replace(b"\n", b"")), max_size=12),
    cuts=st.lists(st.integers(min_value=0, max_value=200), max_size=8),
)
def test_chunk_boundaries_do_not_change_the_records(lines: list[bytes], cuts: list[int]) -> None:
    data = b"\n".join(lines) + b"\n"
    assert list(split_lines(chunked(data, cuts), 8)) == list(split_lines([data], 8))
