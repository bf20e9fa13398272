"""Human-readable summaries of a run report: plain lines for the terminal, markdown for Prefect's artifact."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def counts_line(report: Mapping[str, Any]) -> str:
    c = report["counts"]
    return (
        f"{c['inputs_seen']} inputs: {c['articles_written']} written, {c['unchanged']} unchanged, "
        f"{c['duplicates']} duplicates, {c['rejected']} rejected"
    )


def tables_line(report: Mapping[str, Any]) -> str:
    return ", ".join(f"{name} {rows}" for name, rows in report["tables"].items()) or "no rows"


def rejected_lines(report: Mapping[str, Any]) -> list[str]:
    return [
        f"rejected {r['location']}: {r['code']} ({r['message']}{': ' + r['detail'] if r.get('detail') else ''})"
        for r in report["rejected"]
    ]


def duplicate_lines(report: Mapping[str, Any]) -> list[str]:
    return [f"duplicate {d['location']}: same article as {d['duplicate_of']}" for d in report["duplicates"]]


def summary_lines(report: Mapping[str, Any]) -> list[str]:
    return [
        f"run {report['run_id']}",
        counts_line(report),
        f"rows: {tables_line(report)}",
        *rejected_lines(report),
        *duplicate_lines(report),
    ]


def top_table(title: str, counts: Mapping[str, int], limit: int) -> str:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    if not ranked:
        return ""
    rows = "\n".join(f"| {name} | {count} |" for name, count in ranked)
    return f"\n## {title}\n\n| name | articles |\n|---|---|\n{rows}\n"


def summary_markdown(
    report: Mapping[str, Any], top_actors: Mapping[str, int] | None = None, top_issues: Mapping[str, int] | None = None
) -> str:
    """The run summary for Prefect's UI: counts, rows per table, rejected inputs, the actors and issues most seen."""
    rows = "\n".join(f"| {name} | {count} |" for name, count in report["tables"].items())
    problems = "\n".join(f"| {r['location']} | `{r['code']}` | {r['message']} |" for r in report["rejected"])
    text = f"# agenda run {report['run_id']}\n\n{counts_line(report)}\n\n| table | rows |\n|---|---|\n{rows}\n"
    if problems:
        text += f"\n## Rejected inputs\n\n| input | reason | message |\n|---|---|---|\n{problems}\n"
    text += top_table("Top actors", top_actors or {}, 10)
    return text + top_table("Top issues", top_issues or {}, 10)
