from pathlib import Path

import pytest

from flows.io.discover import discover_inputs, resolved


def make_tree(root: Path) -> None:
    (root / "a").mkdir()
    (root / "a" / "deep").mkdir()
    (root / ".hidden").mkdir()
    for name in ["a/one.txt", "a/deep/two.txt", "a/notes.md", ".hidden/three.txt", "a/.dot.txt", "top.txt"]:
        (root / name).write_text("x")


def test_folders_are_walked_recursively_skipping_hidden_and_other_suffixes(tmp_path: Path) -> None:
    make_tree(tmp_path)
    paths, problems = discover_inputs([str(tmp_path)])
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == ["a/deep/two.txt", "a/one.txt", "top.txt"]
    assert problems == []


def test_globs_files_and_missing_sources(tmp_path: Path) -> None:
    make_tree(tmp_path)
    sources = [str(tmp_path / "a" / "**" / "*.txt"), str(tmp_path / "top.txt"), str(tmp_path / "nope.txt")]
    paths, problems = discover_inputs(sources)
    assert sorted(p.name for p in paths) == ["one.txt", "top.txt", "two.txt"]
    assert [(p.code, p.location) for p in problems] == [("not_found", str(tmp_path / "nope.txt"))]


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    paths, _ = discover_inputs([str(tmp_path / "top.txt"), str(tmp_path), str(tmp_path / "top.txt")])
    assert [p.name for p in paths].count("top.txt") == 1


def test_resolving_with_the_folders_seen_is_resolving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real" / "inner"
    real.mkdir(parents=True)
    (real / "a.txt").write_text("a", "utf-8")
    (tmp_path / "elsewhere.txt").write_text("b", "utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "real")  # a link among the folders of the path
    (real / "b.txt").symlink_to(tmp_path / "elsewhere.txt")  # the file itself a link, in a folder resolved before
    monkeypatch.chdir(real)
    folders: dict[Path, Path] = {}
    for path in [tmp_path / "linked" / "inner" / "a.txt", tmp_path / "linked" / "inner" / "b.txt", Path("a.txt"),
                 Path("../inner/./a.txt"), Path("b.txt"), tmp_path / "linked" / ".." / "elsewhere.txt"]:
        assert resolved(path, folders) == path.resolve(), path
    assert resolved(Path("b.txt"), folders) == tmp_path / "elsewhere.txt"
