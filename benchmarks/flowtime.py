"""The whole flow in one process (one worker), timed from the flow call: `python -m benchmarks.flowtime CORPUS OUT`.

Prints one JSON line. The extractors are built before the clock starts, as they are for the stage timings, so
flow time minus the stages' time is what Prefect's own machinery (and the flow's glue) costs."""

from __future__ import annotations

import json
import sys
import time

from flows.quiet import apply_prefect_defaults, quiet_flow_settings


def main(corpus: str, out: str) -> None:
    apply_prefect_defaults()
    from flows.core.settings import RunSettings
    from flows.io.extractors import load_extractors
    from flows.io.schemas import validator_for
    from flows.pipeline import run_pipeline

    load_extractors(None)
    validator_for("article")
    start, cpu = time.perf_counter(), time.process_time()
    with quiet_flow_settings():
        run_pipeline([corpus], out, RunSettings(workers=1))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"seconds": round(seconds, 3), "cpu_seconds": round(cpu_seconds, 3)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
