"""The hostile-input catalogue end to end: one real `agenda run` over tests/fixtures/bad_inputs plus the cases that
cannot be committed (a 200 MB sparse file, links, a FIFO, a file nobody may read, a vanished source); every input
must end written, duplicate, unchanged or rejected with its stable reason, in the run report and in the summary.

Read-only and full output folders get runs of their own: they must fail with a clear message, a non-zero exit code
and nothing half-written visible.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from flows.core.problems import REASONS
from flows.io.schemas import validator_for
from tests.conftest import REPO, WIKINEWS
from tests.processes import obey_file_modes

pytestmark = pytest.mark.flow

BAD_INPUTS = REPO / "tests" / "fixtures" / "bad_inputs"
EXPECTED: dict[str, dict] = json.loads((BAD_INPUTS / "expected.json").read_text("utf-8"))
NOT_CASES = frozenset({"expected.json", "README.md"})
OUTCOMES = frozenset({"written", "duplicate", "unchanged", "rejected"})
MAX_BYTES = 1_000_000  # passed as --max-bytes: above the largest committed case, far below the sparse file
SPARSE_BYTES = 200 * 1024 * 1024
VANISHED = "vanished-source"
DASH_NAME = "-rf.txt"
# Cases built at test time in a second source folder: (outcome, reason).
GENERATED: dict[str, tuple[str, str | None]] = {
    "big-200mb.txt": ("rejected", "too_large"),
    "link-outside.txt": ("rejected", "symlink_outside"),
    "link-outside-folder": ("rejected", "symlink_outside"),
    "link-inside.txt": ("written", None),
    "dangling-link.txt": ("rejected", "not_found"),
    "fifo.txt": ("rejected", "not_a_file"),
    "unreadable.txt": ("rejected", "unreadable"),
    VANISHED: ("rejected", "not_found"),
}


def article_text(title: str, sentence: str) -> bytes:
    return f"{title}\n\n{sentence}\n".encode()


def limit_file_size(limit: int) -> Callable[[], None]:
    """preexec_fn for a 'full disk': writes past `limit` bytes fail with EFBIG instead of killing the process."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def run_agenda(
    args: list[str], env: dict[str, str], cwd: Path = REPO, preexec: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=180,
        preexec_fn=preexec,
    )


def file_modes_bind(folder: Path) -> bool:
    """True when a child started with `obey_file_modes` really cannot read a chmod 000 file."""
    probe = folder / ".mode-probe"
    probe.write_bytes(b"x")
    probe.chmod(0)
    try:
        child = subprocess.run([sys.executable, "-c", f"open({str(probe)!r}).read()"], capture_output=True,
                               preexec_fn=obey_file_modes, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        probe.unlink()
    return child.returncode != 0


def build_generated_cases(root: Path) -> Path:
    """The cases that cannot be committed, in a source folder of their own; `root/outside` is outside it."""
    folder, outside = root / "generated", root / "outside"
    (folder / ".store").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_bytes(article_text("Private Notes", "These notes live outside the source folder."))
    (folder / "link-outside.txt").symlink_to(outside / "secret.txt")
    (folder / "link-outside-folder").symlink_to(outside, target_is_directory=True)
    (folder / ".store" / "kept.txt").write_bytes(
        article_text("Linked Article Is Read", "A link that stays inside its source folder is followed and read.")
    )
    (folder / "link-inside.txt").symlink_to(Path(".store") / "kept.txt")
    (folder / "dangling-link.txt").symlink_to("missing-target.txt")
    os.mkfifo(folder / "fifo.txt")
    with (folder / "big-200mb.txt").open("wb") as handle:
        handle.truncate(SPARSE_BYTES)  # sparse: 200 MB long, no blocks written
    unreadable = folder / "unreadable.txt"
    unreadable.write_bytes(article_text("Locked Away", "Nobody but the owner was meant to read this file."))
    unreadable.chmod(0)
    return folder


def name_of(location: str) -> str:
    return Path(location).name


def articles_rows(out: Path) -> list[dict]:
    return [json.loads(line) for path in sorted((out / "json" / "articles").rglob("*.jsonl"))
            for line in path.read_text("utf-8").splitlines()]


def outcomes_by_name(report: dict, rows: list[dict]) -> dict[str, list[tuple[str, str | None]]]:
    """Every outcome the run recorded, by the input's file name (a list, so that nothing counted twice hides)."""
    found: dict[str, list[tuple[str, str | None]]] = {}
    for row in rows:
        found.setdefault(name_of(row["source_path"]), []).append(("written", None))
    for duplicate in report["duplicates"]:
        found.setdefault(name_of(duplicate["location"]), []).append(("duplicate", None))
    for rejected in report["rejected"]:
        found.setdefault(name_of(rejected["location"]), []).append(("rejected", rejected["code"]))
    return found


@dataclass(frozen=True)
class CatalogueRun:
    out: Path
    result: subprocess.CompletedProcess[str]
    report: dict
    rows: list[dict]
    outcomes: dict[str, list[tuple[str, str | None]]]
    modes_bind: bool


@pytest.fixture(scope="module")
def catalogue(cli_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> CatalogueRun:
    root = tmp_path_factory.mktemp("hostile")
    generated = build_generated_cases(root)
    vanished = root / VANISHED
    vanished.mkdir()
    vanished.rmdir()  # named as a source, gone before the run starts
    out = root / "out"
    modes_bind = file_modes_bind(root)
    # "-rf.txt" comes first, relative to the fixture folder and after "--": it must be taken as a path, not options.
    args = ["run", "--out", str(out), "--workers", "1", "--max-bytes", str(MAX_BYTES), "--",
            DASH_NAME, str(BAD_INPUTS), str(generated), str(vanished)]
    result = run_agenda(args, cli_env, cwd=BAD_INPUTS, preexec=obey_file_modes if modes_bind else None)
    assert result.returncode == 0, result.stderr[-3000:]
    (report_path,) = (out / "runs").glob("*.json")
    report = json.loads(report_path.read_text("utf-8"))
    rows = articles_rows(out)
    return CatalogueRun(out, result, report, rows, outcomes_by_name(report, rows), modes_bind)


def expected_outcome(name: str) -> tuple[str, str | None]:
    if name in GENERATED:
        return GENERATED[name]
    return EXPECTED[name]["outcome"], EXPECTED[name]["reason"]


def gap_marks(name: str, check: str) -> list[pytest.MarkDecorator]:
    """A strict xfail for a case whose `known_gap` names this check: flows/ does not yet do the right thing."""
    gap = EXPECTED.get(name, {}).get("known_gap")
    if gap and gap["check"] == check:
        return [pytest.mark.xfail(strict=True, reason=f"{gap['why']} Proposed fix: {gap['fix']}")]
    return []


ALL_CASES = [*EXPECTED, *GENERATED]


def test_the_catalogue_is_complete_and_well_formed() -> None:
    on_disk = {path.name for path in BAD_INPUTS.iterdir()} - NOT_CASES
    assert on_disk == set(EXPECTED), "every fixture file needs an entry in expected.json and every entry a file"
    assert len(EXPECTED) + len(GENERATED) >= 30
    readme = (BAD_INPUTS / "README.md").read_text("utf-8")
    for name, case in EXPECTED.items():
        assert case["outcome"] in OUTCOMES, name
        assert (case["reason"] is None) == (case["outcome"] != "rejected"), name
        assert case["reason"] is None or case["reason"] in REASONS or case.get("known_gap"), name
        assert f"`{name}`" in readme, f"README.md does not describe {name}"


@pytest.mark.parametrize("name", [pytest.param(n, marks=gap_marks(n, "outcome")) for n in ALL_CASES])
def test_every_input_ends_as_expected(catalogue: CatalogueRun, name: str) -> None:
    if name == "unreadable.txt" and not catalogue.modes_bind:
        pytest.skip("running as root and the capabilities that bypass file modes could not be dropped")
    assert catalogue.outcomes.get(name) == [expected_outcome(name)]


def test_nothing_else_was_recorded(catalogue: CatalogueRun) -> None:
    expected_names = set(ALL_CASES) - (set() if catalogue.modes_bind else {"unreadable.txt"})
    assert set(catalogue.outcomes) == expected_names


def test_counts_add_up(catalogue: CatalogueRun) -> None:
    counts = catalogue.report["counts"]
    parts = counts["articles_written"] + counts["unchanged"] + counts["duplicates"] + counts["rejected"]
    assert counts["inputs_seen"] == parts == sum(map(len, catalogue.outcomes.values()))
    assert counts["articles_written"] == len(catalogue.rows)
    assert counts["unchanged"] == 0  # a first run into an empty folder


def test_the_report_validates_against_its_schema(catalogue: CatalogueRun) -> None:
    assert list(validator_for("run-report").iter_errors(catalogue.report)) == []
    assert all(r["code"] in REASONS and r["message"] == REASONS[r["code"]] for r in catalogue.report["rejected"])


def test_the_summary_lists_every_rejected_input_with_its_reason(catalogue: CatalogueRun) -> None:
    printed = catalogue.result.stdout.splitlines()
    counts = catalogue.report["counts"]
    assert f"{counts['inputs_seen']} inputs: {counts['articles_written']} written" in catalogue.result.stdout
    for rejected in catalogue.report["rejected"]:
        wanted = f"rejected {rejected['location']}: {rejected['code']} ({rejected['message']}"
        assert any(line.startswith(wanted) for line in printed), wanted
    for duplicate in catalogue.report["duplicates"]:
        assert f"duplicate {duplicate['location']}: same article as {duplicate['duplicate_of']}" in printed


def test_the_sparse_file_is_refused_for_its_size(catalogue: CatalogueRun) -> None:
    (big,) = [r for r in catalogue.report["rejected"] if name_of(r["location"]) == "big-200mb.txt"]
    assert big["detail"] == f"{SPARSE_BYTES} bytes, above the limit of {MAX_BYTES} bytes"


def test_a_link_out_of_the_folder_is_not_followed(catalogue: CatalogueRun) -> None:
    assert not any("Private Notes" in row["text"] for row in catalogue.rows)
    assert any(row["title"] == "Linked Article Is Read" for row in catalogue.rows)


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=gap_marks(n, "encoding")) for n, c in EXPECTED.items() if c.get("encoding")]
)
def test_written_articles_were_decoded_as_expected(catalogue: CatalogueRun, name: str) -> None:
    (row,) = [r for r in catalogue.rows if name_of(r["source_path"]) == name]
    assert row["encoding"] == EXPECTED[name]["encoding"]
    assert "\r" not in row["text"] and "\ufeff" not in row["text"] and "\x00" not in row["text"]
    assert "\ufffd" not in row["text"] and "Ã" not in row["text"], "mojibake or replacement characters"




def test_a_dash_named_source_after_double_dash_is_read_as_a_path(catalogue: CatalogueRun) -> None:
    """The relative source "-rf.txt" was named before the folder holding it, so its row carries that exact name."""
    assert [row["source_path"] for row in catalogue.rows if name_of(row["source_path"]) == DASH_NAME] == [DASH_NAME]


def test_without_double_dash_a_dash_named_source_is_an_unknown_option(cli_env: dict[str, str], tmp_path: Path) -> None:
    """Documents the shell rule users must follow: before "--", "-rf.txt" is parsed as options and nothing runs."""
    out = tmp_path / "out"
    result = run_agenda(["run", "--out", str(out), DASH_NAME], cli_env, cwd=BAD_INPUTS)
    assert result.returncode == 2 and "No such option" in result.stderr and not out.exists()


def visible_files(out: Path) -> list[Path]:
    """Files a reader could pick up: everything not hidden, outside the private state folder."""
    return [p for p in out.rglob("*") if p.is_file() and "_state" not in p.parts and not p.name.startswith(".")]


def assert_clear_failure(result: subprocess.CompletedProcess[str], cause: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    # Prefect logs the failed flow run (with its traceback) first; the CLI's own last word must be the plain reason.
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("agenda: the run could not complete: ") and cause in last, last


def test_a_read_only_output_folder_fails_cleanly(cli_env: dict[str, str], tmp_path: Path) -> None:
    """A 0555 output folder, with root's mode-bypassing capabilities dropped; where they cannot be dropped, the
    root-proof stand-in: an output path under a regular file (ENOTDIR)."""
    source = str(BAD_INPUTS / "utf8-bom.txt")
    if file_modes_bind(tmp_path):
        out = tmp_path / "out"
        out.mkdir()
        out.chmod(0o555)
        result = run_agenda(["run", "--out", str(out), "--workers", "1", "--", source], cli_env,
                            preexec=obey_file_modes)
        assert_clear_failure(result, "Permission denied")
        assert list(out.iterdir()) == []
    else:
        blocker = tmp_path / "a-file"
        blocker.write_bytes(b"not a folder")
        result = run_agenda(["run", "--out", str(blocker / "out"), "--workers", "1", "--", source], cli_env)
        assert_clear_failure(result, "Not a directory")
        assert blocker.read_bytes() == b"not a folder"


def test_a_full_output_folder_fails_cleanly_and_the_next_run_completes(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    """RLIMIT_FSIZE stands in for a full disk: the ledger fits in 100 kB, the table parts of 50 articles do not."""
    from flows.core.settings import RunSettings
    from flows.pipeline import agenda_run

    out = tmp_path / "out"
    full = run_agenda(["run", "--out", str(out), "--workers", "1", "--", str(WIKINEWS / "articles")], cli_env,
                      preexec=limit_file_size(100_000))
    assert_clear_failure(full, "File too large")
    assert visible_files(out) == []
    report = agenda_run([str(WIKINEWS / "articles")], str(out), RunSettings(workers=1))
    assert report["counts"]["articles_written"] == len(list((WIKINEWS / "articles").glob("*.txt")))
    assert list(out.rglob(".*.tmp")) == [], "the next run sweeps away the temp files of the failed one"


def test_a_full_disk_at_the_ledger_fails_cleanly(cli_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    full = run_agenda(["run", "--out", str(out), "--workers", "1", "--", str(BAD_INPUTS / "utf8-bom.txt")], cli_env,
                      preexec=limit_file_size(2_000))
    assert visible_files(out) == []
    assert_clear_failure(full, "ledger")


def test_a_symbolic_link_loop_is_rejected_not_fatal(prefect_harness: None, tmp_path: Path) -> None:
    from flows.core.settings import RunSettings
    from flows.pipeline import agenda_run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "article.txt").write_bytes((BAD_INPUTS / "utf8-bom.txt").read_bytes())
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    report = agenda_run([str(folder)], str(tmp_path / "out"), RunSettings(workers=1))
    assert report["counts"]["articles_written"] == 1
    assert sorted((name_of(r["location"]), r["code"]) for r in report["rejected"]) == [
        ("loop-a.txt", "unreadable"), ("loop-b.txt", "unreadable")]
