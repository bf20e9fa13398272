"""Load the published JSON Schemas straight from ``schemas/`` and build a registry that holds them all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
SCHEMA_SUFFIX = ".v1.schema.json"


def load_schemas() -> dict[str, dict[str, Any]]:
    return {
        path.name.removesuffix(SCHEMA_SUFFIX): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(SCHEMA_DIR.glob(f"*{SCHEMA_SUFFIX}"))
    }


def build_registry(schemas: dict[str, dict[str, Any]]) -> Registry:
    return Registry().with_resources(
        (schema["$id"], DRAFT202012.create_resource(schema)) for schema in schemas.values()
    )


@pytest.fixture(scope="session")
def schemas() -> dict[str, dict[str, Any]]:
    return load_schemas()


@pytest.fixture(scope="session")
def registry(schemas: dict[str, dict[str, Any]]) -> Registry:
    return build_registry(schemas)


@pytest.fixture(scope="session")
def validators(schemas: dict[str, dict[str, Any]], registry: Registry) -> dict[str, Draft202012Validator]:
    return {
        name: Draft202012Validator(
            schema,
            registry=registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        for name, schema in schemas.items()
    }
