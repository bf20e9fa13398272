"""The benchmark's results as a markdown table (benchmarks/results/latest.md)."""

from __future__ import annotations

from typing import Any


def fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def machine_lines(machine: dict[str, Any]) -> list[str]:
    packages = ", ".join(f"{name} {version}" for name, version in machine["packages"].items())
    return [
        f"Machine: {machine['cores']} cores, {fmt(machine['ram_gib'], 1)} GiB RAM, {machine['cpu']}, {machine['os']}; "
        f"Python {machine['python']}; {packages}. Load average at start: {machine['load_average_at_start']}.",
        "",
    ]


def headline_rows(results: dict[str, Any]) -> list[tuple[str, str, str]]:
    floor, corpus = results["floor"], results["corpus"]
    rows = [
        ("corpus", f"{fmt(corpus['articles'])} articles, {fmt(corpus['words'])} words", ""),
        ("floor, in process (read + one Parquet file with polars)", f"{fmt(floor['in_process_s'], 3)} s", "1×"),
        ("floor, as a new process", f"{fmt(floor['new_process_s'], 3)} s", ""),
    ]
    for name, run in results["one_article"].items():
        rows.append((f"`agenda run` one article, new process: {name}", f"{fmt(run['seconds'])} s wall (min of "
                     f"{run['runs']}; all: {run['all']}), {fmt(run['cpu_seconds'])} s CPU", ""))
    whole = results.get("whole_corpus")
    if whole:
        rows.append(("`agenda run` whole corpus, new process, default workers",
                     f"{fmt(whole['seconds'])} s wall ({fmt(whole['cpu_seconds'])} s CPU), "
                     f"{fmt(whole['articles_per_s'], 0)} articles/s, "
                     f"{fmt(whole['words_per_s'], 0)} words/s, peak RSS {fmt(whole['peak_rss_mib'], 0)} MiB",
                     f"{fmt(whole['seconds'] / floor['new_process_s'], 0)}× the new-process floor"))
    share = results.get("prefect_share")
    if share:
        rows.append(("flow in process (1 worker) vs the stages alone, CPU",
                     f"{fmt(share['flow_cpu_s'])} s vs {fmt(share['stages_cpu_s'])} s ({fmt(share['flow_s'])} s wall)",
                     f"Prefect and glue: {fmt(100 * share['share'], 1)}% of the flow"))
    return rows


def stage_rows(results: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (f"stage: {s['stage']}", f"{fmt(s['cpu_seconds'], 3)} s CPU ({fmt(s['seconds'], 3)} s wall)",
         f"{fmt(s['words_per_s'])} words/s, {fmt(s['articles_per_s'], 0)} articles/s per core")
        for s in results["stages"]
    ]


def scale_rows(results: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (
            f"scale: {fmt(run['articles'])} articles ({run['corpus']})",
            f"{fmt(run['seconds'])} s wall, {fmt(run['cpu_seconds'])} s CPU, "
            f"peak RSS {fmt(run['peak_rss_mib'], 0)} MiB",
            f"{fmt(run['articles_per_s'], 0)} articles/s",
        )
        for run in results["scale"]
    ]


def spacy_rows(results: dict[str, Any]) -> list[tuple[str, str, str]]:
    spacy = results.get("spacy")
    if not spacy:
        return [("spaCy small model", "not installed", "")]
    ratios = results["ratios_to_spacy"]
    return [
        (f"spaCy {spacy['model']}, entities only, per CPU second", f"{fmt(spacy['words_per_s'])} words/s "
         f"({fmt(spacy['words'])} words)", "1×"),
        ("extraction alone (actors + issues + links), per CPU second",
         f"{fmt(ratios['extraction_words_per_s'])} words/s",
         f"{fmt(ratios['extraction'], 1)}× spaCy"),
        ("whole flow on the corpus, default workers, wall clock", f"{fmt(ratios['whole_flow_words_per_s'])} words/s",
         f"{fmt(ratios['whole_flow'], 1)}× spaCy"),
    ]


def markdown(results: dict[str, Any]) -> str:
    lines = ["# agenda benchmark", "", *machine_lines(results["machine"]), "| measure | figure | ratio |",
             "| --- | --- | --- |"]
    for row in headline_rows(results) + stage_rows(results) + scale_rows(results) + spacy_rows(results):
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    lines += ["", f"Benchmark wall time: {fmt(results['bench_seconds'], 0)} s. Notes: " + " ".join(results["notes"])]
    return "\n".join(lines) + "\n"
