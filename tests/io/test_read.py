import os
from pathlib import Path

from flows.core.problems import Problem
from flows.io.read import read_input, read_stable, stat_input


def test_reads_whole_files_within_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    assert read_input(path, max_bytes=3) == b"abc"


def test_refuses_files_over_the_limit_without_reading_them_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    result = read_input(path, max_bytes=10)
    assert isinstance(result, Problem) and result.code == "too_large" and "10 bytes" in str(result.detail)


def test_unreadable_and_missing_inputs_are_problems(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    unreadable = read_input(folder)
    missing = read_input(tmp_path / "gone.txt")
    assert isinstance(unreadable, Problem) and unreadable.code == "not_a_file"
    assert isinstance(missing, Problem) and missing.code == "not_found"


def test_a_file_that_changes_between_stat_and_read_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(b"first version")
    before = stat_input(path)
    assert not isinstance(before, Problem)
    path.write_bytes(b"a longer second version")
    result = read_stable(before)
    assert isinstance(result, Problem) and result.code == "changed_while_reading"


def test_stat_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    result = stat_input(tmp_path)
    assert isinstance(result, Problem) and result.code == "not_a_file"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = stat_input(fifo)
    assert isinstance(result, Problem) and result.code == "not_a_file"
