"""The boundaries the project is built on: flows/core is pure, flows/io alone touches files, flows/ modules are thin."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "flows"
IMPURE_MODULES = {
    "prefect", "os", "pathlib", "glob", "shutil", "tempfile", "io", "subprocess", "socket", "time", "random",
    "secrets", "importlib.resources", "pyarrow.parquet", "polars", "duckdb", "flows.io",
}
OS_WRITES = {"replace", "rename", "remove", "unlink", "makedirs", "mkdir", "rmdir", "write", "ftruncate", "fsync"}
CLOCK_CALLS = {"now", "today", "utcnow", "time", "perf_counter"}


def modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def imported_names(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def called_names(tree: ast.AST) -> set[str]:
    calls: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            calls.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return calls


def os_calls(tree: ast.AST) -> set[str]:
    """os.replace, os.rename, os.remove...: calls through the os module that change files."""
    return {
        f"os.{node.func.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "os"
        and node.func.attr in OS_WRITES
    }


def is_impure(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in IMPURE_MODULES)


def test_core_imports_nothing_that_touches_the_world() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(filter(is_impure, imported_names(ast.parse(path.read_text()))))
        for path in modules(PACKAGE / "core")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_core_opens_no_files_and_reads_no_clock() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(called_names(ast.parse(path.read_text())) & (CLOCK_CALLS | {"open"}))
        for path in modules(PACKAGE / "core")
    }
    assert {path: calls for path, calls in offenders.items() if calls} == {}


def test_only_io_writes_files() -> None:
    writers = {"write_text", "write_bytes", "unlink", "ParquetWriter", "write_table", "mkdir", "rmtree", "makedirs"}
    outside_io = [p for p in modules(PACKAGE) if "io" not in p.relative_to(PACKAGE).parts[:1]]
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            (called_names(tree := ast.parse(path.read_text())) & writers) | os_calls(tree)
        )
        for path in outside_io
    }
    assert {path: calls for path, calls in offenders.items() if calls} == {}


def test_flow_modules_stay_thin() -> None:
    top_level = [p for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert {p.name for p in top_level} >= {"ingest.py", "derive.py", "publish.py", "pipeline.py", "cli.py"}
    too_long = {p.name: n for p in top_level if (n := len(p.read_text().splitlines())) > 200}
    assert too_long == {}


def test_worker_processes_load_no_prefect() -> None:
    """A worker of the extraction pool imports flows.workers' preload list only: Prefect would cost it seconds."""
    check = "import sys, flows.workers, flows.io.preload; print(sorted(m for m in sys.modules if 'prefect' in m))"
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
