"""Derive the Arrow (Parquet) schema of a table from its published JSON Schema, so the two cannot drift.

Mapping: string -> string, string with format date-time -> timestamp[us, UTC], integer -> int64,
number -> float64, boolean -> bool, array -> list, closed object -> struct, object whose keys are free
but whose values share one schema -> map<string, value>. A field is nullable when its type lists
"null" or when its object does not require it; every other field is not nullable. ``$ref`` is resolved
through the registry. Columns keep the order of the schema's ``properties``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa
from referencing import Registry
from referencing.jsonschema import DRAFT202012

if TYPE_CHECKING:  # referencing exports no public name for its resolver type
    from referencing._core import Resolver

TABLE_SCHEMAS: dict[str, str] = {
    "articles": "article",
    "sentences": "sentence",
    "actors": "actor",
    "issues": "issue",
    "mentions": "mention",
    "links": "link",
    "registry": "registry",
}

JsonSchema = dict[str, Any]

_SCALAR_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
}
_TIMESTAMP = pa.timestamp("us", tz="UTC")


class UnsupportedJsonSchema(ValueError):
    """A JSON Schema construct that has no single Arrow type."""


def json_schema_for_table(table: str) -> str:
    """Name of the record schema (``article``, ``sentence``...) that describes a table's rows."""
    try:
        return TABLE_SCHEMAS[table]
    except KeyError:
        known = ", ".join(sorted(TABLE_SCHEMAS))
        raise ValueError(f"unknown table {table!r}; the tables are {known}") from None


def arrow_schema(json_schema: JsonSchema, registry: Registry) -> pa.Schema:
    """Arrow schema whose columns are the properties of an object JSON Schema, in their order."""
    resolver = _resolver_for(json_schema, registry)
    root, resolver = _resolve_refs(json_schema, resolver)
    if _declared_type(root)[0] != "object" or "properties" not in root:
        raise UnsupportedJsonSchema("a table schema must be an object with properties")
    return pa.schema(_object_fields(root, resolver))


def _resolver_for(json_schema: JsonSchema, registry: Registry) -> Resolver:
    """A resolver rooted at the schema itself, so relative refs inside it resolve too."""
    uri = json_schema.get("$id", "")
    resource = DRAFT202012.create_resource(json_schema)
    return registry.with_resource(uri, resource).resolver(base_uri=uri)


def _resolve_refs(schema: JsonSchema, resolver: Resolver) -> tuple[JsonSchema, Resolver]:
    """Follow ``$ref`` until none is left; keywords beside a ``$ref`` win over the target's."""
    while "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        siblings = {key: value for key, value in schema.items() if key != "$ref"}
        schema = {**resolved.contents, **siblings}
        resolver = resolved.resolver
    return schema, resolver


def _declared_type(schema: JsonSchema) -> tuple[str, bool]:
    """The one non-null type a schema declares, and whether it also allows null."""
    declared = schema.get("type")
    if isinstance(declared, str) and declared != "null":
        return declared, False
    if isinstance(declared, list):
        non_null = [name for name in declared if name != "null"]
        if len(non_null) == 1:
            return non_null[0], "null" in declared
    raise UnsupportedJsonSchema(f"need exactly one non-null type, got {declared!r}")


def _object_fields(schema: JsonSchema, resolver: Resolver) -> list[pa.Field]:
    required = set(schema.get("required", ()))
    return [
        _field(name, subschema, resolver, optional=name not in required)
        for name, subschema in schema["properties"].items()
    ]


def _field(name: str, schema: JsonSchema, resolver: Resolver, *, optional: bool = False) -> pa.Field:
    schema, resolver = _resolve_refs(schema, resolver)
    type_name, nullable = _declared_type(schema)
    description = schema.get("description")
    metadata = {"description": description} if description else None
    data_type = _data_type(type_name, schema, resolver)
    return pa.field(name, data_type, nullable=nullable or optional, metadata=metadata)


def _data_type(type_name: str, schema: JsonSchema, resolver: Resolver) -> pa.DataType:
    if type_name == "string" and schema.get("format") == "date-time":
        return _TIMESTAMP
    if type_name in _SCALAR_TYPES:
        return _SCALAR_TYPES[type_name]
    if type_name == "array":
        return _list_type(schema, resolver)
    if type_name == "object":
        return _object_type(schema, resolver)
    raise UnsupportedJsonSchema(f"no Arrow type for JSON type {type_name!r}")


def _list_type(schema: JsonSchema, resolver: Resolver) -> pa.DataType:
    items = schema.get("items")
    if not isinstance(items, dict):
        raise UnsupportedJsonSchema("an array needs one items schema")
    return pa.list_(_field("item", items, resolver))


def _object_type(schema: JsonSchema, resolver: Resolver) -> pa.DataType:
    extra = schema.get("additionalProperties", True)
    if "properties" in schema and extra is False:
        return pa.struct(_object_fields(schema, resolver))
    if "properties" not in schema and isinstance(extra, dict):
        value = _field("value", extra, resolver)
        return pa.map_(pa.field("key", pa.string(), nullable=False), value)
    raise UnsupportedJsonSchema("an object needs either closed properties or one additionalProperties schema")
