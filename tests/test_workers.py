import subprocess
import sys
from pathlib import Path

from flows.core.settings import RunSettings
from flows.workers import extraction_pool, processes_for, workers_ahead


def corpus(folder: Path, files: int) -> Path:
    folder.mkdir()
    for n in range(files):
        (folder / f"{n}.txt").write_text(f"Headline {n}\n\nThe minister spoke in Paris on day {n}.\n", "utf-8")
    return folder


def test_a_small_run_gets_one_worker_a_large_one_all(tmp_path: Path) -> None:
    settings = RunSettings(workers=2, batch_size=3)
    assert processes_for([str(corpus(tmp_path / "small", 5))], settings) == 1
    assert processes_for([str(corpus(tmp_path / "large", 6))], settings) == 2
    assert processes_for([str(corpus(tmp_path / "chunks", 100))], RunSettings(workers=2)) == 2  # two pool chunks


def test_one_worker_or_a_dask_cluster_derive_without_a_pool() -> None:
    for settings in (RunSettings(workers=1), RunSettings(workers=2, dask_address="local")):
        with extraction_pool(settings) as pool:
            assert pool is None


def test_the_flow_takes_the_pool_the_command_started_ahead(tmp_path: Path) -> None:
    settings = RunSettings(workers=2, batch_size=1)
    sources = [str(corpus(tmp_path / "in", 2))]
    with workers_ahead(sources, settings), extraction_pool(settings) as first, extraction_pool(settings) as second:
        assert first is not None and first is second
        assert first.submit(sum, [1, 2]).result(timeout=60) == 3


def test_a_worker_ends_when_the_runs_process_is_gone() -> None:
    """Workers are the forkserver's children: they watch the run's process themselves and exit when it is killed."""
    doomed = subprocess.Popen(["sleep", "0.5"])
    code = f"import time; from flows.io.derivation import watch_run_process; watch_run_process({doomed.pid}, 0.1); " \
           "time.sleep(60)"
    worker = subprocess.Popen([sys.executable, "-c", code])
    doomed.wait()
    assert worker.wait(timeout=30) == 1
