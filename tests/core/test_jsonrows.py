"""Rows as JSON: JSON Lines documents and the one shape of a timestamp."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import orjson
from hypothesis import given
from hypothesis import strategies as st

from flows.core.jsonrows import format_timestamp, json_bytes, json_lines

_JSON_VALUES = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text() | st.lists(st.text(), max_size=3)
_ROWS = st.lists(st.dictionaries(st.text(max_size=8), _JSON_VALUES, max_size=4), max_size=5)


@given(_ROWS)
def test_json_lines_is_one_json_bytes_line_per_row(rows: list[dict[str, object]]) -> None:
    document = json_lines(rows)
    assert document == b"".join(json_bytes(row) + b"\n" for row in rows)
    assert [orjson.loads(line) for line in document.splitlines()] == rows


def test_json_lines_writes_timestamps_with_microseconds_in_utc() -> None:
    row = {"at": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)}
    assert json_lines([row, row]) == b'{"at":"2026-01-02T03:04:05.000000Z"}\n' * 2


_MOMENTS = st.datetimes(datetime(1900, 1, 1), datetime(2200, 1, 1), timezones=st.just(UTC))


@given(_MOMENTS, st.integers(-14 * 60, 14 * 60))
def test_one_instant_has_one_text_in_any_zone_and_on_repeated_calls(moment: datetime, offset_minutes: int) -> None:
    elsewhere = moment.astimezone(timezone(timedelta(minutes=offset_minutes)))
    text = moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    assert format_timestamp(elsewhere) == text
    assert format_timestamp(moment) == text
    assert format_timestamp(elsewhere) == text


def test_a_naive_timestamp_is_read_as_local_time() -> None:
    naive = datetime(2026, 3, 1, 12, 30)
    assert format_timestamp(naive) == naive.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def test_a_repeated_wall_clock_hour_gives_two_instants() -> None:
    new_york = ZoneInfo("America/New_York")
    first = datetime(2021, 11, 7, 1, 30, tzinfo=new_york)  # clocks go back at 2:00: 1:30 happens twice
    assert format_timestamp(first) == "2021-11-07T05:30:00.000000Z"
    assert format_timestamp(first.replace(fold=1)) == "2021-11-07T06:30:00.000000Z"
