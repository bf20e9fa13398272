"""Format checks with the reference's verdicts, made cheap for the common case.

Each shortcut pattern accepts only strings that python-jsonschema's own checker also accepts (a strict subset of
its grammar: for date-time, days 01-28 exist in every month; for uri, plain http(s) addresses without
percent-escapes or user info). A string the shortcut does not accept goes to the reference checker, so a shortcut
can make a check faster but never change its answer. tests/core/feedcheck/test_formats.py generates strings from
each pattern and has the reference check them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jsonschema import FormatChecker

_DATE_TIME = (
    r"(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
)
_URI_CHARS = r"[A-Za-z0-9._~!$&'()*+,;=:@-]"
_URI = (
    rf"https?://[A-Za-z0-9.-]+(?::[0-9]{{1,5}})?(?:/{_URI_CHARS}*)*"
    rf"(?:\?(?:{_URI_CHARS}|[/?])*)?(?:#(?:{_URI_CHARS}|[/?])*)?"
)
SHORTCUTS: dict[str, re.Pattern[str]] = {
    "date-time": re.compile(rf"{_DATE_TIME}\Z"),
    "uri": re.compile(rf"{_URI}\Z"),
}


def reference_check(checker: FormatChecker, name: str) -> Callable[[Any], bool]:
    """The reference's verdict for one format as a plain function (True for a format it does not check)."""
    if name not in checker.checkers:
        return lambda instance: True
    function, raises = checker.checkers[name]

    def conforms(instance: Any) -> bool:
        try:
            return bool(function(instance))
        except raises:
            return False

    return conforms


def format_check(checker: FormatChecker, name: str) -> Callable[[Any], bool]:
    """The reference's verdict, with a shortcut for strings that are certainly valid."""
    reference = reference_check(checker, name)
    shortcut = SHORTCUTS.get(name)
    if shortcut is None:
        return reference
    accepts = shortcut.match

    def conforms(instance: Any) -> bool:
        return (type(instance) is str and accepts(instance) is not None) or reference(instance)

    return conforms
