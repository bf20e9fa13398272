"""Turn the sources a user names (files, folders, globs) into input files, lazily and in a stable order.

Inside a folder, a symbolic link is followed only when it points inside that folder: a link out of it (to /etc, to a
home folder) is reported, not read. A file named directly as a source is read even if it is a link: the user chose it.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from flows.core.problems import Problem, problem
from flows.core.tally import Tally, note_problem

TEXT_SUFFIXES = (".txt",)
FEED_SUFFIXES = (".jsonl", ".ndjson")
_GLOB_CHARS = frozenset("*?[")


def is_input_name(name: str, suffixes: tuple[str, ...]) -> bool:
    return not name.startswith(".") and name.lower().endswith(suffixes)


def points_inside(link: Path, root: Path) -> bool:
    target = link.resolve()
    return target == root or root in target.parents


def resolved(path: Path, folders: dict[Path, Path]) -> Path:
    """``path.resolve()``, with the resolved folders of the paths seen so far kept in ``folders``: a path that is not
    itself a link resolves to its resolved folder plus its name, one lstat instead of one per component."""
    if path.is_symlink():
        return path.resolve()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return folder / path.name


def folder_identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def walk_folder(
    folder: Path, root: Path, suffixes: tuple[str, ...], walked: set[tuple[int, int]] | None = None
) -> Iterator[Path | Problem]:
    """Depth-first, names sorted, hidden entries skipped; links leaving `root` become problems, and a folder already
    walked (a link to the folder itself or to an enclosing one) is not walked again."""
    walked = walked if walked is not None else set()
    try:
        walked.add(folder_identity(folder))
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield problem("unreadable", str(folder), f"cannot list the folder: {error.strerror or error}")
        return
    for entry in entries:
        if not entry.name.startswith("."):
            yield from walk_entry(entry, root, suffixes, walked)


def walk_entry(
    entry: os.DirEntry[str], root: Path, suffixes: tuple[str, ...], walked: set[tuple[int, int]]
) -> Iterator[Path | Problem]:
    path = Path(entry.path)
    try:
        is_dir = entry.is_dir()
        if entry.is_symlink() and not points_inside(path, root):
            if is_dir or is_input_name(entry.name, suffixes):
                yield problem("symlink_outside", str(path), f"points to {path.resolve()}")
            return
        if is_dir:
            if folder_identity(path) not in walked:
                yield from walk_folder(path, root, suffixes, walked)
        elif is_input_name(entry.name, suffixes):
            yield path
    except (OSError, RuntimeError) as error:  # RuntimeError: Python 3.11's resolve() on a symbolic link loop
        yield problem("unreadable", str(path), f"a symbolic link loop or a broken entry: {error}")


def expand_source(source: str, suffixes: tuple[str, ...]) -> Iterator[Path | Problem]:
    path = Path(source)
    if path.is_dir():
        yield from walk_folder(path, path.resolve(), suffixes)
    elif path.exists() or path.is_symlink():
        yield path
    elif _GLOB_CHARS & set(source):
        matches = sorted(glob.glob(source, recursive=True))
        if not matches:
            yield problem("not_found", source, "the glob pattern matches nothing")
        for match in matches:
            matched = Path(match)
            if matched.is_dir():
                yield from walk_folder(matched, matched.resolve(), suffixes)
            elif is_input_name(matched.name, suffixes):
                yield matched
    else:
        yield problem("not_found", source, "no such file or folder, and not a glob pattern")


def iter_inputs(sources: Sequence[str], suffixes: tuple[str, ...] = TEXT_SUFFIXES + FEED_SUFFIXES):
    """Every input the sources name, once each (by resolved path), as it is found; problems in line."""
    seen: set[Path] = set()
    folders: dict[Path, Path] = {}
    for source in sources:
        for found in expand_source(source, suffixes):
            if isinstance(found, Problem):
                yield found
                continue
            try:
                key = resolved(found, folders)
            except (OSError, RuntimeError) as error:
                yield problem("unreadable", str(found), f"a symbolic link loop or a broken entry: {error}")
                continue
            if key not in seen:
                seen.add(key)
                yield found


def discover_inputs(sources: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """All at once, for callers that want lists (tests, small tools)."""
    found = list(iter_inputs(sources, TEXT_SUFFIXES))
    return [p for p in found if isinstance(p, Path)], [p for p in found if isinstance(p, Problem)]


def is_feed(path: Path) -> bool:
    return path.name.lower().endswith(FEED_SUFFIXES)


def path_groups(
    found: Iterable[Path | Problem], size: int, tally: Tally, first: int | None = None
) -> Iterator[list[Path]]:
    """Text files in batches as discovery yields them; a feed file alone; discovery problems to the tally. The first
    batch may be smaller (``first``), so that the workers get something to do while the next batch is read."""
    batch: list[Path] = []
    wanted = min(first or size, size)
    for item in found:
        if isinstance(item, Problem):
            tally.inputs_seen += 1
            note_problem(tally, item)
        elif is_feed(item):
            yield from ([batch] if batch else [])
            batch = []
            yield [item]
        else:
            batch.append(item)
            if len(batch) == wanted:
                yield batch
                batch, wanted = [], size
    if batch:
        yield batch
