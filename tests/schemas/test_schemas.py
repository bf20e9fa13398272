"""The published schemas themselves: valid 2020-12, versioned ids, closed objects, described, resolvable refs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
SCHEMA_SUFFIX = ".v1.schema.json"
RECORD_NAMES = (
    "article",
    "sentence",
    "actor",
    "issue",
    "mention",
    "link",
    "run-report",
    "registry",
)
# Documents that describe inputs or configuration rather than output records.
OTHER_NAMES = ("common", "taxonomy", "feed-item", "validation-report")
ALL_NAMES = sorted(path.name.removesuffix(SCHEMA_SUFFIX) for path in SCHEMA_DIR.glob(f"*{SCHEMA_SUFFIX}"))


def walk_subschemas(schema: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every dict inside a schema document, with a JSON-pointer-like location."""
    if isinstance(schema, dict):
        yield where, schema
        for key, value in schema.items():
            yield from walk_subschemas(value, f"{where}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from walk_subschemas(value, f"{where}/{index}")


def published_properties(schema: dict[str, Any], where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of a record, of its nested objects and of the objects its arrays hold."""
    for name, prop in schema.get("properties", {}).items():
        yield f"{where}/{name}", prop
        yield from published_properties(prop, f"{where}/{name}")
        if isinstance(prop.get("items"), dict):
            yield from published_properties(prop["items"], f"{where}/{name}[]")


def declares_object(schema: dict[str, Any]) -> bool:
    declared = schema.get("type")
    return declared == "object" or (isinstance(declared, list) and "object" in declared)


def is_closed(schema: dict[str, Any]) -> bool:
    if schema.get("additionalProperties") is False:
        return True
    names = schema.get("propertyNames", {})
    return "properties" not in schema and isinstance(names, dict) and "enum" in names


def test_every_record_type_and_the_common_definitions_are_published() -> None:
    assert set(ALL_NAMES) == {*RECORD_NAMES, *OTHER_NAMES}


@pytest.mark.parametrize("name", ALL_NAMES)
def test_schema_is_valid_against_the_2020_12_metaschema(name: str, schemas: dict[str, dict[str, Any]]) -> None:
    schema = schemas[name]
    assert schema["$schema"] == DRAFT_2020_12
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", ALL_NAMES)
def test_id_is_versioned_and_matches_the_file_name(name: str, schemas: dict[str, dict[str, Any]]) -> None:
    assert (SCHEMA_DIR / f"{name}{SCHEMA_SUFFIX}").is_file()
    assert schemas[name]["$id"] == f"urn:agenda:schema:{name}:v1"


def test_file_names_follow_the_versioned_pattern() -> None:
    for path in SCHEMA_DIR.glob("*.json"):
        assert re.fullmatch(r"[a-z][a-z-]*\.v1\.schema\.json", path.name), path.name
        assert path.name.removesuffix(SCHEMA_SUFFIX) in ALL_NAMES


@pytest.mark.parametrize("name", RECORD_NAMES)
def test_record_schema_is_a_closed_object_requiring_every_property(
    name: str, schemas: dict[str, dict[str, Any]]
) -> None:
    schema = schemas[name]
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert schema["title"] and schema["description"]
    assert schema["required"] == list(schema["properties"])


@pytest.mark.parametrize("name", ALL_NAMES)
def test_every_nested_object_is_closed_too(name: str, schemas: dict[str, dict[str, Any]]) -> None:
    open_objects = [
        where for where, sub in walk_subschemas(schemas[name]) if declares_object(sub) and not is_closed(sub)
    ]
    assert open_objects == []


# Output records list every column, null where unknown; input documents (feed items, taxonomies) have optional fields.
@pytest.mark.parametrize("name", RECORD_NAMES)
def test_nested_objects_require_all_their_properties(name: str, schemas: dict[str, dict[str, Any]]) -> None:
    for where, sub in walk_subschemas(schemas[name]):
        if declares_object(sub) and "properties" in sub:
            assert sub.get("required") == list(sub["properties"]), where


@pytest.mark.parametrize("name", RECORD_NAMES)
def test_every_property_is_described_in_one_sentence(name: str, schemas: dict[str, dict[str, Any]]) -> None:
    described = list(published_properties(schemas[name]))
    assert len(described) >= len(schemas[name]["properties"])
    for where, prop in described:
        description = prop.get("description", "")
        assert description.endswith("."), where
        assert not re.search(r"\.\s+[A-Z]", description), f"{where} has more than one sentence"


@pytest.mark.parametrize("name", ALL_NAMES)
def test_every_ref_resolves_through_the_registry(
    name: str, schemas: dict[str, dict[str, Any]], registry: Registry
) -> None:
    resolver = registry.resolver(base_uri=schemas[name]["$id"])
    refs = [sub["$ref"] for _, sub in walk_subschemas(schemas[name]) if "$ref" in sub]
    for ref in refs:
        assert ref.startswith("urn:agenda:schema:common:v1#/$defs/")
        assert isinstance(resolver.lookup(ref).contents, dict)


def test_the_common_definitions_hold_the_shared_patterns(
    schemas: dict[str, dict[str, Any]],
) -> None:
    definitions = schemas["common"]["$defs"]
    for shared in (
        "article_id",
        "run_id",
        "country_code",
        "issue_id",
        "actor_id",
        "timestamp",
        "non_negative_int",
    ):
        assert shared in definitions
    assert definitions["timestamp"]["format"] == "date-time"
    assert definitions["schema_version"]["const"] == "1.0.0"


@pytest.mark.parametrize(
    ("definition", "good", "bad"),
    [
        ("article_id", "0fa8b2d5397bbe8a", "0fa8b2d5397bbe8"),
        ("article_id", "0fa8b2d5397bbe8a", "0fa8b2d5397bbe8g"),
        ("run_id", "20261128T210500Z-3fa2c1", "20261128T210500-3fa2c1"),
        ("run_id", "20261128T210500Z-3fa2c1", "20261128T210500Z-3FA2C1"),
        ("country_code", "CHN", "CN"),
        ("issue_id", "FENTANYL_PRECURSORS", "_TAIWAN"),
        ("actor_id", "organization:usa:state-department", "Person:antony-blinken"),
        ("actor_id", "USA", "usa"),
        ("timestamp", "2026-11-28T21:05:00Z", "2026-11-28T21:05:00"),
        ("non_negative_int", 0, -1),
        ("positive_int", 1, 0),
    ],
)
def test_shared_definitions_accept_and_reject(definition: str, good: object, bad: object, registry: Registry) -> None:
    validator = Draft202012Validator(
        {"$ref": f"urn:agenda:schema:common:v1#/$defs/{definition}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    assert validator.is_valid(good)
    assert not validator.is_valid(bad)
