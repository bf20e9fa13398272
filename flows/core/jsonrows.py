"""Rows as JSON values: timestamps become RFC 3339 strings in UTC with microseconds."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any


def format_timestamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def to_json_value(value: Any) -> Any:
    """Recursively turn datetimes into strings; everything else is already JSON."""
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, dict):
        return {key: to_json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_value(item) for item in value]
    return value


def json_line(row: dict[str, Any]) -> str:
    """One JSON Lines record (no trailing newline), UTF-8 text kept as is."""
    return json.dumps(to_json_value(row), ensure_ascii=False, separators=(",", ":"))
