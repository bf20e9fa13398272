"""Load the published JSON Schemas and compile validators for them (format checking on)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from flows.core.feedcheck.engine import RecordChecker

_REPO_SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def schema_dir() -> Path:
    """The repository's schemas/ in a checkout (editable install); the copy inside the wheel otherwise."""
    if _REPO_SCHEMAS.is_dir():
        return _REPO_SCHEMAS
    return Path(str(resources.files("flows") / "_schemas"))


def schema_name(path: Path) -> str:
    """"article.v1.schema.json" -> "article.v1"."""
    return path.name.removesuffix(".schema.json")


@cache
def load_schemas() -> dict[str, dict[str, Any]]:
    """Every schema, keyed by versioned name ("article.v1")."""
    return {schema_name(p): json.loads(p.read_text("utf-8")) for p in sorted(schema_dir().glob("*.schema.json"))}


@cache
def schema_registry() -> Registry:
    resources_by_id = [(s["$id"], Resource.from_contents(s)) for s in load_schemas().values()]
    return Registry().with_resources(resources_by_id)


def resolve_schema_name(name: str) -> str:
    """Accept "article", "article.v1" or "article.v1.schema.json"; the newest version wins for a bare name."""
    schemas = load_schemas()
    name = name.removesuffix(".schema.json").removesuffix(".json")
    if name in schemas:
        return name
    versions = sorted((key for key in schemas if key.split(".v")[0] == name), key=lambda k: int(k.split(".v")[1]))
    if not versions:
        raise KeyError(f"no schema named {name!r}; known: {', '.join(sorted(schemas))}")
    return versions[-1]


@cache
def validator_for(name: str) -> Draft202012Validator:
    schema = load_schemas()[resolve_schema_name(name)]
    return Draft202012Validator(
        schema, registry=schema_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


@cache
def checker_for(name: str) -> RecordChecker:
    """The fast-then-reference checker of one published schema (see flows/core/feedcheck/engine.py)."""
    schemas = load_schemas()
    return RecordChecker(schemas[resolve_schema_name(name)], schemas)
