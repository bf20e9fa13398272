"""Reading an issue taxonomy: the packaged default or a user's own file, checked before use."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from flows.core.issues import Taxonomy, taxonomy_from_dict, taxonomy_problems

SCHEMA_NAME = "taxonomy.v1.schema.json"
DEFAULT_TAXONOMY = ("reference", "taxonomy", "issues.v1.json")


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used; ``problems`` lists each fault as ``<json pointer>: <message>``."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        listing = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"invalid issue taxonomy {source}:\n{listing}")


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The taxonomy in ``path``, or the packaged default when ``path`` is None; TaxonomyError when invalid."""
    source = str(path) if path is not None else "(packaged default)"
    data = read_taxonomy_json(path)
    # The packaged file is checked against the schema by the test suite (tests/io/test_taxonomy.py); checking it
    # again on every start would cost a tenth of a second of each run's wait.
    problems = (schema_problems(data) if path is not None else []) or taxonomy_problems(data)
    if problems:
        raise TaxonomyError(source, problems)
    return taxonomy_from_dict(data)


def read_taxonomy_json(path: Path | None = None) -> Any:
    """The parsed JSON of a taxonomy file (the packaged default when ``path`` is None)."""
    if path is None:
        text = resources.files("flows").joinpath(*DEFAULT_TAXONOMY).read_text(encoding="utf-8")
        source = "(packaged default)"
    else:
        text = Path(path).read_text(encoding="utf-8")
        source = str(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise TaxonomyError(source, [f"(file): not JSON: {error}"]) from error


def schema_problems(data: Any) -> list[str]:
    """Every way ``data`` breaks the taxonomy schema, as ``<json pointer>: <message>``, in document order."""
    validator = Draft202012Validator(taxonomy_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [f"{_pointer(error.absolute_path)}: {error.message}" for error in errors]


def taxonomy_schema() -> dict[str, Any]:
    """The taxonomy JSON Schema, from the installed package or, in a source checkout, from ``schemas/``."""
    packaged = resources.files("flows").joinpath("_schemas", SCHEMA_NAME)
    if packaged.is_file():
        return json.loads(packaged.read_text(encoding="utf-8"))
    checkout = Path(__file__).resolve().parents[2] / "schemas" / SCHEMA_NAME
    return json.loads(checkout.read_text(encoding="utf-8"))


def _pointer(path: Any) -> str:
    parts = [str(part).replace("~", "~0").replace("/", "~1") for part in path]
    return "/" + "/".join(parts) if parts else "/"
