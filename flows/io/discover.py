"""Turn the sources a user names (files, folders, globs) into the list of input files, or problems."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Sequence
from pathlib import Path

from flows.core.problems import Problem, problem

INPUT_SUFFIXES = (".txt",)
_GLOB_CHARS = frozenset("*?[")


def is_hidden(path: Path, root: Path) -> bool:
    """Dot files and anything under a dot folder (.git, .cache) are never inputs."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def files_under(folder: Path) -> list[Path]:
    """Input files below a folder, recursively, in a stable order."""
    found = (p for p in folder.rglob("*") if p.suffix.lower() in INPUT_SUFFIXES and not is_hidden(p, folder))
    return sorted(p for p in found if p.is_file())


def expand_source(source: str) -> list[Path] | Problem:
    path = Path(source)
    if path.is_dir():
        return files_under(path)
    if path.is_file():
        return [path]
    if _GLOB_CHARS & set(source):
        matches = sorted(Path(m) for m in glob.glob(source, recursive=True))
        return [m for p in matches for m in (files_under(p) if p.is_dir() else [p])]
    return problem("not_found", source, "no such file or folder, and not a glob pattern")


def unique_paths(paths: Iterable[Path]) -> list[Path]:
    """Drop a path named twice (through two sources), keeping the first."""
    seen: set[Path] = set()
    kept: list[Path] = []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            kept.append(path)
    return kept


def discover_inputs(sources: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """Every input file the sources name, and a problem for each source that names nothing readable."""
    paths: list[Path] = []
    problems: list[Problem] = []
    for source in sources:
        expanded = expand_source(source)
        if isinstance(expanded, Problem):
            problems.append(expanded)
        else:
            paths.extend(expanded)
    return unique_paths(paths), problems
