"""`make bench`: agenda against the floor, its own stages, Prefect's share, memory at scale and spaCy, in one run.

    .venv/bin/python -m benchmarks [--with-100k] [--spacy-words N] [--one-article-runs N]

Reads ../shared/corpora/bbc-news/ at run time (never copied), generates the larger corpora into a temporary folder,
and writes benchmarks/results/latest.json and latest.md. The `agenda run` figures are whole new processes: the
"warm" ones use the local Prefect server flows.io.prefect_start keeps (started here if none is running, and stopped
again at the end if this run started it), the "ephemeral" one Prefect's own per-run server.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from benchmarks.corpus import BBC, REPO, bbc_files, generate_corpus
from benchmarks.floor import write_floor
from benchmarks.machine import describe_machine
from benchmarks.processes import run_measured
from benchmarks.report import markdown
from benchmarks.spacy_ner import measure_spacy
from benchmarks.stages import measure_stages
from flows.io import prefect_start
from flows.quiet import LOCAL_API_VARIABLE, prefect_defaults

RESULTS = Path(__file__).resolve().parent / "results"
EXTRACTION_STAGES = ("actors", "issues", "links")


def agenda_command() -> list[str]:
    script = Path(sys.executable).parent / "agenda"
    return [str(script)] if script.exists() else [sys.executable, "-m", "flows"]


def base_env() -> dict[str, str]:
    env = {**prefect_defaults(), **os.environ}
    env.pop("PREFECT_API_URL", None)
    env.pop(LOCAL_API_VARIABLE, None)
    return env


def warm_env(env: Mapping[str, str], api_url: str) -> dict[str, str]:
    return {**env, "PREFECT_API_URL": api_url, LOCAL_API_VARIABLE: api_url}


def agenda_run(sources: list[str], env: Mapping[str, str], *options: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="agenda-bench-out-") as out:
        run = run_measured([*agenda_command(), "run", *sources, "--out", out, *options], env)
    if run.returncode != 0:
        raise RuntimeError(f"agenda run failed ({run.returncode}): {run.output}")
    return {"seconds": round(run.seconds, 3), "cpu_seconds": run.cpu_seconds, "peak_rss_mib": run.peak_rss_mib}


def repeated_runs(sources: list[str], env: Mapping[str, str], runs: int, *options: str) -> dict[str, Any]:
    measured = [agenda_run(sources, env, *options) for _ in range(runs)]
    times = [run["seconds"] for run in measured]
    fastest = min(measured, key=lambda run: run["seconds"])
    return {**fastest, "median": statistics.median(times), "runs": runs, "all": times}


def measure_floor(corpus: Path, env: Mapping[str, str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="agenda-bench-floor-") as folder:
        start = time.perf_counter()
        write_floor(corpus, Path(folder) / "in-process.parquet")
        in_process = time.perf_counter() - start
        run = run_measured([sys.executable, "-m", "benchmarks.floor", str(corpus), f"{folder}/new.parquet"], env)
    return {"in_process_s": round(in_process, 3), "new_process_s": round(run.seconds, 3)}


def prefect_share(corpus: Path, env: Mapping[str, str], stages_cpu_s: float) -> dict[str, Any]:
    """CPU of the in-process flow (one worker) minus the CPU of the same work done by the stages alone."""
    with tempfile.TemporaryDirectory(prefix="agenda-bench-flow-") as out:
        run = run_measured([sys.executable, "-m", "benchmarks.flowtime", str(corpus), out], env)
    if run.returncode != 0:
        raise RuntimeError(f"flowtime failed: {run.output}")
    flow = json.loads(run.output.strip().splitlines()[-1])
    flow_cpu = flow["cpu_seconds"]
    return {
        "flow_s": flow["seconds"],
        "flow_cpu_s": flow_cpu,
        "stages_cpu_s": round(stages_cpu_s, 3),
        "share": round(max(flow_cpu - stages_cpu_s, 0) / flow_cpu, 4),
    }


def scale_run(corpus: Path, articles: int, env: Mapping[str, str], label: str) -> dict[str, Any]:
    run = agenda_run([str(corpus)], env)
    return {"corpus": label, "articles": articles, **run, "articles_per_s": round(articles / run["seconds"], 1)}


def generated_scale_runs(counts: list[int], env: Mapping[str, str], notes: list[str]) -> list[dict[str, Any]]:
    runs: list[dict[str, Any]] = []
    for count in counts:
        with tempfile.TemporaryDirectory(prefix="agenda-bench-corpus-") as folder:
            start = time.perf_counter()
            generate_corpus(Path(folder), count)
            notes.append(f"Generating {count:,} articles took {time.perf_counter() - start:.0f} s.")
            runs.append(scale_run(Path(folder), count, env, "generated from BBC"))
    return runs


def spacy_ratios(spacy: Mapping[str, Any], stages: list[dict[str, Any]], words: int, whole_s: float) -> dict[str, Any]:
    extraction_s = sum(s["cpu_seconds"] for s in stages if s["stage"] in EXTRACTION_STAGES)
    extraction_wps, whole_wps = words / extraction_s, words / whole_s
    return {
        "extraction_words_per_s": round(extraction_wps),
        "extraction": round(extraction_wps / spacy["words_per_s"], 2),
        "whole_flow_words_per_s": round(whole_wps),
        "whole_flow": round(whole_wps / spacy["words_per_s"], 2),
    }


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--with-100k", action="store_true", help="Add the 100,000-article step (about 45x the BBC run's time)."
    )
    parser.add_argument("--spacy-words", type=int, default=100_000, help="Words of the corpus spaCy tags.")
    parser.add_argument("--one-article-runs", type=int, default=3, help="Repeats of each one-article run.")
    return parser.parse_args(argv)


def run_benchmark(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    notes: list[str] = []
    env = base_env()
    files = bbc_files()
    if not files:
        raise SystemExit(f"no corpus at {BBC}: the BBC corpus is read from ../shared at run time")
    blobs = [path.read_bytes() for path in files]
    results: dict[str, Any] = {"machine": describe_machine(), "notes": notes}
    results["floor"] = measure_floor(BBC, env)
    stage_times, articles, words = measure_stages(blobs)
    results["corpus"] = {"name": "bbc-news", "articles": articles, "words": words}
    results["stages"] = [s.as_dict() for s in stage_times]
    home = prefect_start.prefect_home(env)
    was_running = (state := prefect_start.read_state(home / prefect_start.STATE_FILE)) is not None and (
        prefect_start.is_healthy(state.api_url)
    )
    api_url = prefect_start.warm_api_url(env)
    warm = warm_env(env, api_url)
    try:
        seeds = [str(REPO / "seeds")]
        results["one_article"] = {
            "Prefect's per-run ephemeral server": repeated_runs(seeds, {**env, "AGENDA_PREFECT_API": "ephemeral"}, 2),
            "warm local API, default workers": repeated_runs(seeds, warm, args.one_article_runs),
            "warm local API, --workers 1": repeated_runs(seeds, warm, args.one_article_runs, "--workers", "1"),
        }
        whole = scale_run(BBC, articles, warm, "bbc-news")
        whole["words_per_s"] = round(words / whole["seconds"])
        results["whole_corpus"] = whole
        results["prefect_share"] = prefect_share(BBC, warm, sum(s.cpu_seconds for s in stage_times))
        counts = [20_000, 100_000] if args.with_100k else [20_000]
        results["scale"] = [whole, *generated_scale_runs(counts, warm, notes)]
    finally:
        if not was_running:
            prefect_start.stop_local_api(env)
    texts = [blob.decode("utf-8", errors="replace") for blob in blobs]
    results["spacy"] = measure_spacy(texts, args.spacy_words)
    if results["spacy"]:
        results["ratios_to_spacy"] = spacy_ratios(results["spacy"], results["stages"], words, whole["seconds"])
    notes.append("Wall-clock figures; other processes on the machine inflate them (see the load average).")
    results["bench_seconds"] = round(time.perf_counter() - started, 1)
    return results


def main(argv: list[str]) -> None:
    results = run_benchmark(parse_args(argv))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    table = markdown(results)
    (RESULTS / "latest.md").write_text(table, "utf-8")
    print(table)


if __name__ == "__main__":
    main(sys.argv[1:])
