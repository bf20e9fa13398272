"""`agenda status`: recent runs and their outcomes, from the run reports."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any


def duration_seconds(report: Mapping[str, Any]) -> float:
    started = datetime.fromisoformat(str(report["started_at"]).replace("Z", "+00:00"))
    finished = datetime.fromisoformat(str(report["finished_at"]).replace("Z", "+00:00"))
    return (finished - started).total_seconds()


def run_line(report: Mapping[str, Any]) -> str:
    c = report["counts"]
    return (
        f"{report['run_id']}  {duration_seconds(report):7.1f}s  seen {c['inputs_seen']:>6}  written "
        f"{c['articles_written']:>6}  unchanged {c['unchanged']:>6}  duplicates {c['duplicates']:>5}  "
        f"rejected {c['rejected']:>5}"
    )


def rejection_lines(report: Mapping[str, Any], limit: int) -> list[str]:
    rejected = report["rejected"]
    lines = [f"    {r['code']}: {r['location']}" for r in rejected[:limit]]
    if len(rejected) > limit:
        lines.append(f"    ... and {len(rejected) - limit} more (see runs/{report['run_id']}.json)")
    return lines


def status_lines(
    reports: Sequence[Mapping[str, Any]], interrupted: Sequence[str], holder: str | None, show_rejected: int = 5
) -> list[str]:
    """Newest run first; interrupted commits and the current lock holder, if any, on top."""
    lines = [f"running now: {holder}"] if holder else []
    lines += [f"interrupted, to be finished by the next run: {run_id}" for run_id in interrupted]
    if not reports:
        return [*lines, "no runs yet"]
    for report in reports:
        lines.append(run_line(report))
        lines.extend(rejection_lines(report, show_rejected))
    return lines
