"""Web page furniture that is not part of an article: comment forms, share prompts, tag lines."""

from __future__ import annotations

import re

# Each pattern must match a whole line (case-insensitive). Only short lines are considered: prose is never furniture.
_PATTERNS = (
    r"leave a (reply|comment)",
    r"(cancel reply|post comment|submit comment)",
    r"your email address will not be published\.?( required fields are marked \*?)?",
    r"required fields are marked \*?",
    r"(name|email|e-mail|website|comment) ?\*?",
    r"save my name, email,? and website in this browser.*",
    r"share( this)?( article| story| post| page)?( on \w+)?[:.!]?",
    r"(click|tap) (here )?to share.*",
    r"comments are (closed|disabled)\.?",
    r"posted in .{0,200}",
    r"tagged:? .{0,200}",
    r"tags?: .{0,200}",
    r"related( articles| posts| stories| content| coverage)?: ?.{0,200}",
    r"(read more|see also|advertisement|sponsored content)[:.]?",
    r"(follow|like) us on .{0,60}",
    r"sign up for (our|the) .{0,60}newsletter.*",
    r"(©|copyright ©?) ?\d{4}.{0,120}",
    r"all rights reserved\.?",
)
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
_MAX_LINE = 240


def is_boilerplate(line: str) -> bool:
    """True when the whole line is known web furniture."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= _MAX_LINE and _BOILERPLATE.fullmatch(stripped) is not None
