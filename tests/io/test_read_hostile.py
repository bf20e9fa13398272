"""Hostile files at the discovery and read stage: huge, unreadable, special, linked, or changing under the reader."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.core.problems import REASONS, Problem
from flows.io.discover import discover_inputs, iter_inputs
from flows.io.read import read_input, read_stable, stat_input
from tests.processes import obey_file_modes

REPO = Path(__file__).resolve().parents[2]
ARTICLE = b"Harbour Works Begin\n\nWork on the harbour wall began on Monday, the port said.\n"
SPARSE_BYTES = 200 * 1024 * 1024


def code_of(result: object) -> str | None:
    return result.code if isinstance(result, Problem) else None


def bytes_read_so_far() -> int:
    """Bytes this process has read through read(2) and friends (Linux /proc/self/io, rchar)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar line in /proc/self/io")


@pytest.fixture
def sparse_file(tmp_path: Path) -> Path:
    path = tmp_path / "big-200mb.txt"
    with path.open("wb") as handle:
        handle.truncate(SPARSE_BYTES)  # 200 MB long, no data blocks: cheap to make, costly to read
    return path


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="needs Linux /proc/self/io to count bytes read")
def test_a_200_mb_file_is_refused_from_its_stat_without_reading_it(sparse_file: Path) -> None:
    stat = stat_input(sparse_file)
    assert not isinstance(stat, Problem) and stat.size == SPARSE_BYTES
    before = bytes_read_so_far()
    result = read_stable(stat, max_bytes=1_000_000)
    read = bytes_read_so_far() - before
    assert code_of(result) == "too_large" and f"{SPARSE_BYTES} bytes" in str(result.detail)
    assert read < 64 * 1024


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="needs Linux /proc/self/io to count bytes read")
def test_a_bounded_read_stops_just_past_the_limit(sparse_file: Path) -> None:
    """Even without a stat first (a file that grew after it), no more than the limit and a byte is read."""
    before = bytes_read_so_far()
    result = read_input(sparse_file, max_bytes=1_000_000)
    assert code_of(result) == "too_large"
    assert bytes_read_so_far() - before < 1_000_000 + 64 * 1024


def rewrite_longer(path: Path) -> None:
    path.write_bytes(ARTICLE + b"A late correction was appended.\n")


def rewrite_shorter(path: Path) -> None:
    path.write_bytes(ARTICLE[:20])


def rewrite_same_size(path: Path) -> None:
    """Same length, other bytes, and a modification time visibly later."""
    path.write_bytes(ARTICLE.replace(b"Monday", b"Friday"))
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))


def replace_by_rename(path: Path) -> None:
    fresh = path.with_name(".fresh")
    fresh.write_bytes(ARTICLE.replace(b"wall", b"pier"))
    os.utime(fresh, ns=(0, path.stat().st_mtime_ns + 2_000_000_000))
    fresh.replace(path)


@pytest.mark.parametrize("change", [rewrite_longer, rewrite_shorter, rewrite_same_size, replace_by_rename])
def test_a_file_rewritten_after_its_stat_is_changed_while_reading(tmp_path: Path, change) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE)
    before = stat_input(path)
    assert not isinstance(before, Problem)
    change(path)
    result = read_stable(before)
    assert code_of(result) == "changed_while_reading" and result.location == str(path)


def test_a_file_deleted_after_its_stat_is_not_found(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE)
    before = stat_input(path)
    path.unlink()
    assert code_of(read_stable(before)) == "not_found"


def test_a_file_replaced_by_a_folder_after_its_stat_is_not_a_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE)
    before = stat_input(path)
    path.unlink()
    path.mkdir()
    assert code_of(read_stable(before)) == "not_a_file"


READ_IN_CHILD = """
import json, signal, sys
from flows.core.incremental import FileStat
from flows.io.read import read_stable
stat = FileStat(**json.loads(sys.argv[1]))
signal.alarm(2)  # imports done: only the read itself is timed; SIGALRM ends a blocked read with exit -14
print(json.dumps(getattr(read_stable(stat), "code", "bytes")))
"""


def test_a_fifo_swapped_in_after_the_stat_does_not_hang_the_read(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE)
    before = stat_input(path)
    assert not isinstance(before, Problem)
    path.unlink()
    os.mkfifo(path)
    stat = {"key": before.key, "location": before.location, "size": before.size, "mtime_ns": before.mtime_ns}
    child = subprocess.run([sys.executable, "-c", READ_IN_CHILD, json.dumps(stat)], cwd=REPO, capture_output=True,
                           text=True, timeout=60)
    assert child.returncode == 0, f"read_stable blocked on the FIFO (exit {child.returncode})"
    assert json.loads(child.stdout) in ("not_a_file", "changed_while_reading")


def test_special_files_are_refused_at_the_stat_without_being_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.txt")  # opening this for reading would block forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading this would never end
    for name in ("fifo.txt", "zero.txt"):
        assert code_of(stat_input(tmp_path / name)) == "not_a_file"


UNREADABLE_IN_CHILD = """
import json, sys
from pathlib import Path
from flows.io.discover import discover_inputs
from flows.io.read import read_stable, stat_input
locked, shut = Path(sys.argv[1]), sys.argv[2]
stat = stat_input(locked)
paths, problems = discover_inputs([shut])
print(json.dumps({"stat": getattr(stat, "code", None), "read": getattr(read_stable(stat), "code", "bytes"),
                  "folder": [(p.code, p.location) for p in problems], "paths": [str(p) for p in paths]}))
"""


def test_files_and_folders_without_read_permission_are_unreadable(tmp_path: Path) -> None:
    locked, shut = tmp_path / "locked.txt", tmp_path / "shut"
    locked.write_bytes(ARTICLE)
    shut.mkdir()
    (shut / "inside.txt").write_bytes(ARTICLE)
    locked.chmod(0)
    shut.chmod(0)
    try:
        child = subprocess.run([sys.executable, "-c", UNREADABLE_IN_CHILD, str(locked), str(shut)], cwd=REPO,
                               capture_output=True, text=True, timeout=60, preexec_fn=obey_file_modes)
    except (OSError, subprocess.SubprocessError) as error:
        pytest.skip(f"cannot start a child that obeys file modes: {error}")
    finally:
        shut.chmod(0o755)
    assert child.returncode == 0, child.stderr[-2000:]
    seen = json.loads(child.stdout)
    assert seen["stat"] is None, "a stat needs no read permission"
    assert seen["read"] == "unreadable"
    assert seen["folder"] == [["unreadable", str(shut)]] and seen["paths"] == []


def make_linked_tree(root: Path) -> Path:
    folder, outside = root / "in", root / "outside"
    (folder / ".store").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_bytes(ARTICLE)
    (folder / ".store" / "kept.txt").write_bytes(ARTICLE)
    (folder / "link-outside.txt").symlink_to(outside / "secret.txt")
    (folder / "link-outside-folder").symlink_to(outside, target_is_directory=True)
    (folder / "link-outside.md").symlink_to(outside / "secret.txt")  # not an input name: ignored, not reported
    (folder / "link-inside.txt").symlink_to(Path(".store") / "kept.txt")
    (folder / "relative-escape.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    return folder


def test_links_out_of_the_folder_are_reported_and_links_inside_are_followed(tmp_path: Path) -> None:
    folder = make_linked_tree(tmp_path)
    paths, problems = discover_inputs([str(folder)])
    assert sorted(p.name for p in paths) == ["dangling.txt", "link-inside.txt"]
    assert sorted((Path(p.location).name, p.code) for p in problems) == [
        ("link-outside-folder", "symlink_outside"), ("link-outside.txt", "symlink_outside"),
        ("relative-escape.txt", "symlink_outside"),
    ]
    assert all(str(tmp_path / "outside") in str(p.detail) for p in problems)
    assert code_of(stat_input(folder / "dangling.txt")) == "not_found"


def test_a_link_named_directly_as_a_source_is_read(tmp_path: Path) -> None:
    """The user chose it: a file named on the command line is read even when it is a link out of any folder."""
    folder = make_linked_tree(tmp_path)
    assert list(iter_inputs([str(folder / "link-outside.txt")])) == [folder / "link-outside.txt"]


@pytest.mark.parametrize("name", ["-rf.txt", "name with spaces.txt", "révolution-東京.txt", "glob-chars-[draft].txt"])
def test_awkward_names_are_found_in_folders_and_when_named_directly(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(ARTICLE)
    assert discover_inputs([str(tmp_path)]) == ([tmp_path / name], [])
    assert discover_inputs([str(tmp_path / name)]) == ([tmp_path / name], [])


def test_a_source_that_vanished_before_the_run_is_not_found(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    gone.rmdir()
    assert [(p.code, p.location) for p in discover_inputs([str(gone)])[1]] == [("not_found", str(gone))]


def test_a_symbolic_link_loop_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_bytes(ARTICLE)
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    paths, problems = discover_inputs([str(tmp_path)])
    assert paths == [tmp_path / "ok.txt"]
    assert [(Path(p.location).name, p.code) for p in problems] == [("loop.txt", "unreadable")]


def test_a_link_to_an_enclosing_folder_is_not_walked_forever(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "self").symlink_to(".", target_is_directory=True)
    (tmp_path / "sub" / "up").symlink_to("..", target_is_directory=True)
    paths, problems = discover_inputs([str(tmp_path)])
    assert paths == [tmp_path / "a.txt"]
    assert all(p.code in REASONS for p in problems)
