"""Turn one record's bytes into a value, or say exactly why not. Strict: what RFC 8259 rejects, this rejects too.

Fast path: orjson, plus a cheap proof that it did not hide anything (it keeps the last of duplicate keys and turns
integers beyond 64 bits into floats). When orjson refuses a record, or the proof fails, the strict path re-reads it
with the standard library and hooks that name the exact problem.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from flows.core.feedcheck.issues import Issue, input_issue
from flows.core.feedcheck.lines import NOT_PARSED

try:
    import orjson
except ImportError:  # pragma: no cover - orjson comes with prefect; the strict path alone is correct, only slower
    orjson = None  # type: ignore[assignment]

# Deepest nesting read. orjson writes at most 254 levels, so every record within the limit goes through the
# duplicate-key proof below, and one beyond it fails the proof and meets the strict path's depth check: both paths
# agree. The standard library reads 254 levels well within Python's recursion limit.
MAX_DEPTH = 254
_DIGIT_RUN = b"0" * 19  # 19 digits may not fit in 64 bits: orjson would hand back a float
_DIGITS_TO_ZERO = bytes(ord("0") if ord("0") <= byte <= ord("9") else ord(" ") for byte in range(256))
_ESCAPED_COLON = b"\\u003"  # \u003a / \u003A spell ':' without a colon byte; too rare to be clever about
_BRACKET_OR_QUOTE = re.compile(rb'["\[\]{}]')
_STRING_REST = re.compile(rb'[^"\\]*+(?:\\.[^"\\]*+)*+', re.DOTALL)


class DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class NotANumber(ValueError):
    def __init__(self, word: str) -> None:
        super().__init__(word)
        self.word = word


ParseResult = tuple[Any, Issue | None]


def parse_record(raw: bytes, parsed: Any = NOT_PARSED) -> ParseResult:
    """(value, None) for a well-formed record, (None, issue) otherwise. `parsed`: orjson's value, if already had."""
    if orjson is None:
        return parse_strictly(raw)
    if parsed is NOT_PARSED:
        try:
            parsed = orjson.loads(raw)
        except orjson.JSONDecodeError:
            return parse_strictly(raw)
    value = parsed
    if orjson_kept_everything(raw, value):
        return value, None
    return parse_strictly(raw)


def orjson_kept_everything(raw: bytes, value: Any) -> bool:
    """True when orjson's value is the whole story: no duplicate key dropped, no big integer turned into a float.

    Compact JSON written by orjson, serde or JSON.stringify re-serialises to the same bytes, which proves both at
    once. Otherwise count colons: each object member has one outside strings, and re-serialising keeps every
    colon inside strings, so a dropped duplicate leaves fewer colons behind.
    """
    try:
        again = orjson.dumps(value)
    except orjson.JSONEncodeError:  # nested deeper than orjson will write: let the strict path decide
        return False
    if again == raw:
        return True
    return (
        again.count(b":") == raw.count(b":")
        and _ESCAPED_COLON not in raw
        and _DIGIT_RUN not in raw.translate(_DIGITS_TO_ZERO)
    )


def parse_strictly(raw: bytes) -> ParseResult:
    """The slow, exact path: every way a record can be unreadable gets its own code and message."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, input_issue("invalid_text", describe_bad_utf8(raw, error), raw.count(b"\n", 0, error.start))
    if (depth := nesting_depth(raw, MAX_DEPTH)) > MAX_DEPTH:
        return None, input_issue("too_deep", f"nested more than {MAX_DEPTH} levels deep (limit {MAX_DEPTH})")
    try:
        value = json.loads(text, object_pairs_hook=reject_duplicate_keys, parse_constant=reject_constant)
    except DuplicateKey as error:
        message = f'the key "{shorten(error.key)}" appears twice in one object, so the record is ambiguous'
        return None, input_issue("duplicate_key", message)
    except NotANumber as error:
        message = f"{error.word} is not valid JSON (JSON has no NaN or Infinity: use null or a string)"
        return None, input_issue("invalid_json", message)
    except json.JSONDecodeError as error:
        return None, input_issue("invalid_json", describe_syntax_error(error), error.lineno - 1)
    except RecursionError:
        return None, input_issue("too_deep", f"nested {depth} levels deep, too deep to read")
    except ValueError as error:  # CPython refuses to convert integers with more than 4300 digits
        return None, input_issue("number_too_long", f"an integer is too long to read ({error})")
    if (surrogate := find_lone_surrogate(value)) is not None:
        return None, input_issue("invalid_text", surrogate)
    return value, None


def reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        raise DuplicateKey(next(key for key, _ in pairs if key in seen or seen.add(key)))  # type: ignore[func-returns-value]
    return record


def reject_constant(word: str) -> Any:
    raise NotANumber(word)


def nesting_depth(raw: bytes, limit: int) -> int:
    """Deepest bracket nesting outside strings, in one linear pass; stops counting once past `limit`."""
    depth = deepest = pos = 0
    while (found := _BRACKET_OR_QUOTE.search(raw, pos)) is not None:
        pos = found.end()
        token = raw[found.start()]
        if token == ord('"'):
            pos = _STRING_REST.match(raw, pos).end() + 1
        elif token in b"[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                break
        else:
            depth -= 1
    return deepest


def find_lone_surrogate(value: Any) -> str | None:
    """A message naming the first string (or key) holding half a surrogate pair; iterative, any depth."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            strings: Any = (item,)
        elif isinstance(item, dict):
            strings = item.keys()
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
            continue
        else:
            continue
        for text in strings:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as error:
                code = ord(text[error.start])
                return f"a string holds a lone surrogate \\u{code:04x} (half of a UTF-16 pair): invalid text"
    return None


def describe_bad_utf8(raw: bytes, error: UnicodeDecodeError) -> str:
    bad = raw[error.start : error.start + 4].hex(" ")
    if raw[error.start] == 0xED:
        return f"the bytes are not valid UTF-8 at byte {error.start + 1} ({bad}): an encoded surrogate"
    return f"the bytes are not valid UTF-8 at byte {error.start + 1} ({bad})"


def describe_syntax_error(error: json.JSONDecodeError) -> str:
    """Python's decoder message, made specific for the two cases people meet most."""
    what = error.msg
    if what.startswith("Invalid control character"):
        code = ord(error.doc[error.pos]) if error.pos < len(error.doc) else 0
        what = f"a raw control character U+{code:04X} inside a string (write it as an escape such as \\n)"
    elif what == "Extra data":
        what = "more than one JSON value (if each line is a record, name the file .jsonl)"
    return f"invalid JSON at column {error.colno}: {what[0].lower()}{what[1:]}"


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


Parser = Callable[[bytes, Any], ParseResult]
