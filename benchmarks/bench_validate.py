"""How fast `agenda validate` checks a large feed, against per-record `jsonschema.validate`, in the same run.

Generates 1,000,000 article-like feed items (1% invalid, in nine different ways) as JSON Lines in a temporary
folder, times `validate_files` on them, times `jsonschema.validate` (what a script would call per record) on a
sample and extrapolates, and writes benchmarks/results/validate.{json,md}. Run it by hand:

    .venv/bin/python -m benchmarks.bench_validate [--records N] [--sample N]

CPU time is the headline (one core, not disturbed by other processes); wall time is recorded beside it.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import orjson

from flows.io.schemas import load_schemas, schema_registry
from flows.validate import validate_files

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
SEED = REPO / "seeds" / "000_0fa8b2d5397bbe8a.txt"
INVALID_EVERY = 100


def paragraph_pool(rng: random.Random, size: int = 3000) -> list[str]:
    words = SEED.read_text("utf-8").split()
    return [" ".join(rng.choices(words, k=rng.randint(25, 70))) for _ in range(size)]


def valid_item(rng: random.Random, pool: list[str], number: int) -> dict[str, Any]:
    item: dict[str, Any] = {
        "title": " ".join(rng.choice(pool).split()[:9]),
        "text": "\n\n".join(rng.choices(pool, k=rng.randint(2, 5))),
    }
    if rng.random() < 0.7:
        item["subtitle"] = None if rng.random() < 0.3 else " ".join(rng.choice(pool).split()[:14])
    if rng.random() < 0.9:
        day, hour = rng.randint(1, 31), rng.randint(0, 23)
        item["published_at"] = f"2023-{rng.randint(1, 12):02d}-{min(day, 28):02d}T{hour:02d}:{number % 60:02d}:00Z"
    if rng.random() < 0.8:
        item["url"] = f"https://news.example.org/{rng.choice(['world', 'asia', 'politics'])}/{number}?ref=feed"
    if rng.random() < 0.8:
        item["language"] = rng.choice(["en", "en", "fr", "de", "zho"])
    item["source_id"] = f"partner-{number}"
    return item


BREAKAGES: list[Callable[[dict[str, Any]], bytes]] = [
    lambda item: orjson.dumps({k: v for k, v in item.items() if k != "title"}),
    lambda item: orjson.dumps({**item, "published_at": "2023-13-45T25:00:00Z"}),
    lambda item: orjson.dumps({**item, "url": "not a url"}),
    lambda item: orjson.dumps({**item, "language": "EN"}),
    lambda item: orjson.dumps({**item, "author": "Staff"}),
    lambda item: orjson.dumps({**item, "text": ""}),
    lambda item: orjson.dumps(item)[:-20],
    lambda item: orjson.dumps(item)[:-1] + b', "title": "again"}',
    lambda item: orjson.dumps(item)[:-1] + b', "score": NaN}',
]


def feed_lines(count: int, seed: int = 5) -> Iterator[bytes]:
    rng = random.Random(seed)
    pool = paragraph_pool(rng)
    for number in range(count):
        item = valid_item(rng, pool, number)
        if number % INVALID_EVERY == INVALID_EVERY // 2:
            yield BREAKAGES[(number // INVALID_EVERY) % len(BREAKAGES)](item)
        else:
            yield orjson.dumps(item)


def write_feed(path: Path, count: int) -> int:
    with path.open("wb") as handle:
        for line in feed_lines(count):
            handle.write(line + b"\n")
    return path.stat().st_size


def timed(action: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def per_record_jsonschema(path: Path, sample: int) -> tuple[float, float, int]:
    """CPU and wall seconds per record for jsonschema.validate on the first `sample` readable records."""
    schema, registry = load_schemas()["feed-item.v1"], schema_registry()
    records = []
    with path.open("rb") as handle:
        for line in handle:
            try:
                records.append(json.loads(line))
            except ValueError:
                continue
            if len(records) == sample:
                break

    def check_all() -> int:
        invalid = 0
        for record in records:
            try:
                jsonschema.validate(
                    record, schema, cls=jsonschema.Draft202012Validator, registry=registry,
                    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
                )
            except jsonschema.ValidationError:
                invalid += 1
        return invalid

    invalid, cpu, wall = timed(check_all)
    return cpu / len(records), wall / len(records), invalid


def write_results(results: dict[str, Any]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "validate.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    fast, slow = results["validate_files"], results["jsonschema_validate"]
    lines = [
        "# `agenda validate` benchmark",
        "",
        f"{results['records']:,} generated feed items ({results['invalid_records']:,} invalid), "
        f"{results['feed_bytes'] / 1e6:,.0f} MB of JSON Lines; {results['python']} on {results['machine']}.",
        "",
        "| | records/s (CPU) | records/s (wall) | seconds for the feed (CPU) |",
        "| --- | ---: | ---: | ---: |",
        f"| `validate_files` | {fast['records_per_cpu_second']:,.0f} | {fast['records_per_wall_second']:,.0f} | "
        f"{fast['cpu_seconds']:,.1f} |",
        f"| per-record `jsonschema.validate` (sample of {slow['sample']:,}, extrapolated) | "
        f"{slow['records_per_cpu_second']:,.0f} | {slow['records_per_wall_second']:,.0f} | "
        f"{slow['extrapolated_cpu_seconds']:,.0f} |",
        "",
        f"Ratio (CPU): **{results['ratio_cpu']:,.0f}x**; ratio (wall): {results['ratio_wall']:,.0f}x. "
        f"Engine: {results['engine']}. Peak resident memory during validation: {fast['max_rss_mb']:,.0f} MB.",
        "",
    ]
    (RESULTS / "validate.md").write_text("\n".join(lines), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=2_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="agenda-bench-") as folder:
        feed = Path(folder) / "feed.jsonl"
        size, generate_cpu, _ = timed(lambda: write_feed(feed, options.records))
        print(f"generated {options.records:,} records, {size / 1e6:,.0f} MB, in {generate_cpu:,.1f} s CPU")
        report, cpu, wall = timed(lambda: validate_files([str(feed)], "feed-item"))
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        slow_cpu, slow_wall, slow_invalid = per_record_jsonschema(feed, options.sample)
    results = {
        "records": report.records,
        "invalid_records": report.invalid,
        "errors_listed": len(report.errors),
        "feed_bytes": size,
        "engine": report.engine,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "validate_files": {
            "cpu_seconds": round(cpu, 2),
            "wall_seconds": round(wall, 2),
            "records_per_cpu_second": round(report.records / cpu),
            "records_per_wall_second": round(report.records / wall),
            "max_rss_mb": round(rss_mb),
        },
        "jsonschema_validate": {
            "sample": options.sample,
            "invalid_in_sample": slow_invalid,
            "records_per_cpu_second": round(1 / slow_cpu, 1),
            "records_per_wall_second": round(1 / slow_wall, 1),
            "extrapolated_cpu_seconds": round(slow_cpu * report.records, 1),
        },
        "ratio_cpu": round(slow_cpu * report.records / cpu, 1),
        "ratio_wall": round(slow_wall * report.records / wall, 1),
    }
    write_results(results)
    print((RESULTS / "validate.md").read_text("utf-8"))


if __name__ == "__main__":
    main()
