from pathlib import Path

from flows.io.discover import discover_inputs


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
