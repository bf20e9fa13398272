"""Rows as JSON: timestamps become RFC 3339 strings in UTC with microseconds, text stays UTF-8 as it is."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timezone
from functools import lru_cache
from typing import Any

import orjson

# orjson would write a datetime its own way (no fraction when it is zero); passing it through lets every timestamp
# keep one shape, the one the Parquet side and the JSON Schemas document.
_ORJSON_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME
# orjson writes the newline itself, saving a copy of every line.
_JSON_LINE_OPTIONS = _ORJSON_OPTIONS | orjson.OPT_APPEND_NEWLINE


def format_timestamp(value: datetime) -> str:
    # Only fixed offsets come from the cache: with a zone that has daylight saving, two datetimes that differ only in
    # `fold` compare (and hash) equal but are different instants; naive values are read as local time, likewise.
    if isinstance(value.tzinfo, timezone):
        return _cached_utc_text(value)
    return _utc_text(value)


def _utc_text(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# Every record of a run carries the run's start time, and many share a publication date. Equal datetimes with a
# fixed offset are the same instant, so they have the same text.
_cached_utc_text = lru_cache(maxsize=1024)(_utc_text)


def to_json_value(value: Any) -> Any:
    """Recursively turn datetimes into strings; everything else is already JSON."""
    if isinstance(value, str):  # most values are: settle them with one test
        return value
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, dict):
        return {key: to_json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_value(item) for item in value]
    return value


def _encode_other(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_timestamp(value)
    raise TypeError(f"{type(value).__name__} is not a JSON value")


def json_bytes(row: dict[str, Any]) -> bytes:
    """One JSON Lines record as UTF-8 bytes, without the newline."""
    return orjson.dumps(row, default=_encode_other, option=_ORJSON_OPTIONS)


def json_lines(rows: Iterable[dict[str, Any]]) -> bytes:
    """Rows as a JSON Lines document: one record per line, each line ending in a newline."""
    return b"".join([orjson.dumps(row, default=_encode_other, option=_JSON_LINE_OPTIONS) for row in rows])
