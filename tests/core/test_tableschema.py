"""The Arrow schema of each table is derived from its JSON Schema and matches it field by field."""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from flows.core.tableschema import (
    TABLE_SCHEMAS,
    UnsupportedJsonSchema,
    arrow_schema,
    json_schema_for_table,
)

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
TIMESTAMP = pa.timestamp("us", tz="UTC")


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


SCHEMAS: dict[str, dict[str, Any]] = {
    path.name.removesuffix(".v1.schema.json"): read_json(path) for path in SCHEMA_DIR.glob("*.v1.schema.json")
}
REGISTRY = Registry().with_resources(
    (schema["$id"], DRAFT202012.create_resource(schema)) for schema in SCHEMAS.values()
)


def table_schema(table: str) -> tuple[dict[str, Any], pa.Schema]:
    json_schema = SCHEMAS[json_schema_for_table(table)]
    return json_schema, arrow_schema(json_schema, REGISTRY)


def accepts_null(property_schema: dict[str, Any]) -> bool:
    return Draft202012Validator(property_schema, registry=REGISTRY).is_valid(None)


def as_arrow_row(record: dict[str, Any], schema: pa.Schema) -> dict[str, Any]:
    """JSON values as Arrow takes them: date-time strings become datetimes."""
    return {
        name: datetime.fromisoformat(value) if schema.field(name).type == TIMESTAMP and value else value
        for name, value in record.items()
    }


def test_json_schema_for_table_maps_every_table_to_a_published_schema() -> None:
    assert json_schema_for_table("articles") == "article"
    assert json_schema_for_table("links") == "link"
    assert all(json_schema_for_table(table) in SCHEMAS for table in TABLE_SCHEMAS)


def test_json_schema_for_table_refuses_an_unknown_table() -> None:
    with pytest.raises(ValueError, match="unknown table 'events'"):
        json_schema_for_table("events")


def test_run_report_names_exactly_the_tables_a_run_appends_to() -> None:
    """Every table with a schema, except the registry, which is rewritten whole rather than appended to."""
    table_names = SCHEMAS["run-report"]["properties"]["tables"]["propertyNames"]["enum"]
    assert sorted(table_names) == sorted(set(TABLE_SCHEMAS) - {"registry"})


@pytest.mark.parametrize("table", sorted(TABLE_SCHEMAS))
def test_one_column_per_property_in_property_order(table: str) -> None:
    json_schema, schema = table_schema(table)
    assert schema.names == list(json_schema["properties"])
    # Per-article tables carry their article; the registry is keyed by actor across articles.
    assert ({"actor_id"} if table == "registry" else {"article_id"}) | {"run_id"} <= set(schema.names)


@pytest.mark.parametrize("table", sorted(TABLE_SCHEMAS))
def test_a_column_is_nullable_exactly_when_the_json_schema_accepts_null(
    table: str,
) -> None:
    json_schema, schema = table_schema(table)
    for name, property_schema in json_schema["properties"].items():
        assert schema.field(name).nullable == accepts_null(property_schema), name


@pytest.mark.parametrize("table", sorted(TABLE_SCHEMAS))
def test_columns_carry_their_published_description(table: str) -> None:
    json_schema, schema = table_schema(table)
    for name, property_schema in json_schema["properties"].items():
        assert schema.field(name).metadata[b"description"] == property_schema["description"].encode()


def test_article_columns_have_the_expected_types() -> None:
    _, schema = table_schema("articles")
    not_null_text = pa.field("item", pa.string(), nullable=False)
    section = pa.struct(
        [
            pa.field("heading", pa.string()),
            pa.field("paragraphs", pa.list_(not_null_text), False),
        ]
    )
    assert schema.field("sections").type == pa.list_(pa.field("item", section, nullable=False))
    assert schema.field("published_at").type == TIMESTAMP
    assert schema.field("published_at").nullable
    assert schema.field("ingested_at").type == TIMESTAMP
    assert not schema.field("ingested_at").nullable
    assert schema.field("word_count").type == pa.int64()
    assert schema.field("removed").type == pa.list_(not_null_text)


def test_section_struct_keeps_nullability_of_its_children() -> None:
    _, schema = table_schema("articles")
    section = schema.field("sections").type.value_type
    assert section.field("heading").nullable
    assert not section.field("paragraphs").nullable


def test_integer_arrays_and_nullable_integers() -> None:
    _, issues = table_schema("issues")
    _, sentences = table_schema("sentences")
    assert issues.field("sentence_indexes").type == pa.list_(pa.field("item", pa.int64(), nullable=False))
    assert sentences.field("paragraph_index").type == pa.int64()
    assert sentences.field("paragraph_index").nullable


def test_run_report_table_counts_become_a_map() -> None:
    schema = arrow_schema(SCHEMAS["run-report"], REGISTRY)
    assert schema.field("tables").type == pa.map_(pa.string(), pa.field("value", pa.int64(), nullable=False))
    assert schema.field("counts").type.num_fields == 5


@pytest.mark.parametrize("table", sorted(TABLE_SCHEMAS))
def test_valid_examples_round_trip_through_parquet(table: str) -> None:
    name = json_schema_for_table(table)
    _, schema = table_schema(table)
    records = [read_json(path) for path in sorted((SCHEMA_DIR / "examples" / f"{name}.v1" / "valid").glob("*.json"))]
    rows = [as_arrow_row(record, schema) for record in records]
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), buffer)
    read_back = pq.read_table(io.BytesIO(buffer.getvalue()))
    assert read_back.schema.equals(schema)
    assert read_back.to_pylist() == rows


def test_refs_relative_to_the_schema_itself_resolve() -> None:
    schema = {
        "$id": "urn:test:local",
        "type": "object",
        "additionalProperties": False,
        "required": ["when"],
        "properties": {"when": {"$ref": "#/$defs/moment"}},
        "$defs": {"moment": {"type": "string", "format": "date-time"}},
    }
    assert arrow_schema(schema, Registry()) == pa.schema([pa.field("when", TIMESTAMP, nullable=False)])


def test_a_property_that_is_not_required_is_nullable() -> None:
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"note": {"type": "string"}},
    }
    assert arrow_schema(schema, Registry()).field("note").nullable


@pytest.mark.parametrize(
    "property_schema",
    [
        {"type": ["string", "integer"]},
        {"type": "null"},
        {"enum": ["a", "b"]},
        {"type": "array"},
        {"type": "object", "properties": {"a": {"type": "string"}}},
        {"type": "object"},
    ],
    ids=[
        "two-types",
        "only-null",
        "no-type",
        "array-without-items",
        "open-object",
        "bare-object",
    ],
)
def test_constructs_without_one_arrow_type_are_refused(
    property_schema: dict[str, Any],
) -> None:
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["x"],
        "properties": {"x": property_schema},
    }
    with pytest.raises(UnsupportedJsonSchema):
        arrow_schema(schema, Registry())


def test_a_schema_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(UnsupportedJsonSchema):
        arrow_schema({"type": "array", "items": {"type": "string"}}, Registry())


SCALARS: list[tuple[dict[str, Any], pa.DataType]] = [
    ({"type": "string"}, pa.string()),
    ({"type": "string", "format": "date-time"}, TIMESTAMP),
    ({"type": "string", "format": "uri"}, pa.string()),
    ({"type": "integer", "minimum": 0}, pa.int64()),
    ({"type": "number"}, pa.float64()),
    ({"type": "boolean"}, pa.bool_()),
]
NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8)


def nullable(pair: tuple[dict[str, Any], pa.DataType], allow_null: bool) -> tuple[dict[str, Any], pa.Field]:
    json_schema, data_type = pair
    if allow_null:
        json_schema = {**json_schema, "type": [json_schema["type"], "null"]}
    return json_schema, pa.field("item", data_type, nullable=allow_null)


def extend(
    children: st.SearchStrategy[tuple[dict[str, Any], pa.DataType]],
) -> st.SearchStrategy[Any]:
    arrays = st.builds(nullable, children, st.booleans()).map(
        lambda pair: ({"type": "array", "items": pair[0]}, pa.list_(pair[1]))
    )
    objects = st.dictionaries(NAMES, st.tuples(children, st.booleans()), min_size=1, max_size=4).map(closed_object)
    return arrays | objects


def closed_object(
    members: dict[str, tuple[tuple[dict[str, Any], pa.DataType], bool]],
) -> Any:
    properties, fields = {}, []
    for name, (pair, allow_null) in members.items():
        json_schema, item = nullable(pair, allow_null)
        properties[name] = json_schema
        fields.append(item.with_name(name))
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
    }
    return schema, pa.struct(fields)


SCHEMA_AND_TYPE = st.recursive(st.sampled_from(SCALARS), extend, max_leaves=8)


@given(st.dictionaries(NAMES, st.tuples(SCHEMA_AND_TYPE, st.booleans()), min_size=1, max_size=5))
def test_generated_schemas_derive_the_types_they_were_built_from(
    members: dict[str, Any],
) -> None:
    json_schema, struct = closed_object(members)
    derived = arrow_schema(json_schema, Registry())
    assert derived == pa.schema(list(struct))
