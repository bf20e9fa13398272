"""Score extracted actors and issues against hand annotations (document level, lenient on spans).

Gold documents have the shape of ../shared/seeds/expected.json: actors with `name`, `match` (every surface that
names them), `type` (one type or a list of acceptable ones) and `country`; issues with `keywords` and, once coded,
`codes` (the taxonomy codes that would be a right answer, possibly none); `issue_codes_ok` lists further codes it
is fine to predict; `also_ok` lists further names it is fine to report.

Issues are scored by code where the gold file has codes: a gold issue is found when one of its codes is among the
article's predicted issue ids (an issue with no acceptable code counts as a miss, and is counted apart), and a
predicted id is right when it is one of the gold issues' codes or listed in `issue_codes_ok`. A gold file without
codes falls back to keyword overlap with the issue mentions (recall only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Score:
    actors: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    type_right: int = 0
    country_right: int = 0
    matched: int = 0
    issues: Counts = field(default_factory=Counts)  # recall: tp found, fn missed gold issues
    issue_ids: Counts = field(default_factory=Counts)  # precision: tp right, fp wrong predicted issue ids
    issues_uncoded: int = 0  # gold issues the taxonomy has no code for (counted as misses)
    issues_by_keyword: int = 0  # gold issues scored by the keyword fallback
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    country_by_type: dict[str, tuple[int, int]] = field(default_factory=dict)  # gold type -> (right, matched)
    country_errors: dict[str, int] = field(default_factory=dict)  # "missing", "extra" or "other" -> count

    @property
    def type_accuracy(self) -> float:
        return self.type_right / self.matched if self.matched else 1.0

    @property
    def country_accuracy(self) -> float:
        return self.country_right / self.matched if self.matched else 1.0


def normalise_surface(surface: str) -> str:
    """Compare names without case, curly quotes, a leading "the" or a possessive ending."""
    text = surface.replace("\u2019", "'").strip().lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"'s$", "", text)


def surfaces_meet(a: str, b: str) -> bool:
    """Equal, or one contains the other as whole words (lenient on spans: "Blinken" ~ "Antony J. Blinken")."""
    a, b = normalise_surface(a), normalise_surface(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return bool(short) and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long) is not None


def types_of(gold: Mapping[str, Any]) -> set[str]:
    kinds = gold["type"]
    return set(kinds) if isinstance(kinds, list) else {kinds}


def gold_surfaces(gold: Mapping[str, Any]) -> list[str]:
    return [gold["name"], *gold.get("match", [])]


def find_partner(gold: Mapping[str, Any], predicted: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The predicted actor that names the gold one: an exact surface first, then a lenient one."""
    wanted = gold_surfaces(gold)
    for lenient in (False, True):
        for actor in predicted:
            for surface in actor["surfaces"]:
                if any(
                    (surfaces_meet(surface, w) if lenient else normalise_surface(surface) == normalise_surface(w))
                    for w in wanted
                ):
                    return actor
    return None


def is_known(actor: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """A predicted actor is no false positive when one of its surfaces names a gold actor or an also_ok entry."""
    names = [s for g in gold["actors"] for s in gold_surfaces(g)] + list(gold.get("also_ok", []))
    return any(surfaces_meet(surface, name) for surface in actor["surfaces"] for name in names)


def country_error(gold: str | None, predicted: str | None) -> str:
    """How a wrong country code is wrong: none given for a placed actor, one given for an unplaced one, or another."""
    if predicted is None:
        return "missing"
    return "extra" if gold is None else "other"


def score_actors(gold: Mapping[str, Any], predicted: Sequence[Mapping[str, Any]], score: Score) -> None:
    for entry in gold["actors"]:
        partner = find_partner(entry, predicted)
        counts = score.by_type.setdefault(sorted(types_of(entry))[0], Counts())
        if partner is None:
            score.actors.fn += 1
            counts.fn += 1
            score.misses.append(entry["name"])
            continue
        score.actors.tp += 1
        counts.tp += 1
        score.matched += 1
        score.type_right += partner["type"] in types_of(entry)
        right = partner.get("country_code") == entry.get("country")
        score.country_right += right
        if not right:
            error = country_error(entry.get("country"), partner.get("country_code"))
            score.country_errors[error] = score.country_errors.get(error, 0) + 1
        kind = sorted(types_of(entry))[0]
        before = score.country_by_type.get(kind, (0, 0))
        score.country_by_type[kind] = (before[0] + right, before[1] + 1)
    for actor in predicted:
        if not is_known(actor, gold):
            score.actors.fp += 1
            score.by_type.setdefault(actor["type"], Counts()).fp += 1
            score.extras.append(actor["name"])


def has_issue_codes(gold: Mapping[str, Any]) -> bool:
    """True once the gold file's issues carry taxonomy codes."""
    return "issue_codes_ok" in gold or any("codes" in issue for issue in gold.get("issues", []))


def _keyword_hit(issue: Mapping[str, Any], found: list[str]) -> bool:
    keys = [k.lower() for k in issue.get("keywords", [])]
    return any(k in m or m in k for k in keys for m in found)


def score_issues(
    gold: Mapping[str, Any], mentions: Iterable[str], score: Score, issue_ids: Iterable[str] | None = None
) -> None:
    """Issue recall (and precision where the gold file has codes), added to ``score``."""
    if has_issue_codes(gold) and issue_ids is not None:
        score_issue_codes(gold, set(issue_ids), score)
        return
    found = [m.lower() for m in mentions]
    for issue in gold.get("issues", []):
        hit = _keyword_hit(issue, found)
        score.issues.tp += hit
        score.issues.fn += not hit
        score.issues_by_keyword += 1
        if not hit:
            score.misses.append(f"issue: {issue['label']}")


def score_issue_codes(gold: Mapping[str, Any], predicted: set[str], score: Score) -> None:
    """Recall over gold issues by code; precision over the predicted issue ids."""
    acceptable = set(gold.get("issue_codes_ok", []))
    for issue in gold.get("issues", []):
        codes = set(issue.get("codes", []))
        acceptable |= codes
        hit = bool(codes & predicted)
        score.issues.tp += hit
        score.issues.fn += not hit
        score.issues_uncoded += not codes
        if not hit:
            score.misses.append(f"issue: {issue['label']}" + ("" if codes else " (no code)"))
    for issue_id in sorted(predicted):
        right = issue_id in acceptable
        score.issue_ids.tp += right
        score.issue_ids.fp += not right
        if not right:
            score.extras.append(f"issue: {issue_id}")


def score_document(
    gold: Mapping[str, Any],
    actors: Sequence[Mapping[str, Any]],
    issue_mentions: Iterable[str],
    score: Score,
    issue_ids: Iterable[str] | None = None,
) -> Score:
    """Add one document's counts to `score` (actors as table rows: name, type, country_code, surfaces; the
    article's predicted issue ids, when given, are scored against the gold codes)."""
    score_actors(gold, actors, score)
    score_issues(gold, issue_mentions, score, issue_ids)
    return score
