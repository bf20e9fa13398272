"""The data dictionary: a markdown account of every published JSON Schema, generated from the schemas alone.

For each schema, sorted by name: its title, ``$id``, description, the table it describes with the paths of its
parts, and one row per property (nested objects flattened as ``parent.child``, objects inside arrays as
``parent[].child``) with the JSON type and its constraints, ``$ref`` resolved, the Parquet type derived by
``arrow_schema``, whether the key is required and whether the value may be null.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from flows.core.tableschema import arrow_schema

if TYPE_CHECKING:  # referencing exports no public name for its resolver type
    from referencing._core import Resolver

JsonSchema = dict[str, Any]
REGENERATE_COMMAND = ".venv/bin/python -m flows.schema_docs"
PARQUET_PATTERN = "OUT/parquet/{table}/ingest_date=YYYY-MM-DD/part-<run_id>.parquet"
JSONL_PATTERN = "OUT/json/{table}/ingest_date=YYYY-MM-DD/part-<run_id>.jsonl"
COLUMN_HEADER = ("Column", "JSON type", "Parquet type", "Required", "Nullable", "Description")
DEFINITION_HEADER = ("Definition", "JSON type", "Nullable", "Description")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    json_type: str
    parquet_type: str | None
    required: bool
    nullable: bool
    description: str


def resolver_for(schema: JsonSchema, registry: Registry) -> Resolver:
    uri = schema.get("$id", "")
    return registry.with_resource(uri, DRAFT202012.create_resource(schema)).resolver(base_uri=uri)


def resolve(schema: JsonSchema, resolver: Resolver) -> tuple[JsonSchema, Resolver]:
    """Follow ``$ref`` until none is left; keywords beside a ``$ref`` (its description) win over the target's."""
    while "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        schema = {**resolved.contents, **{key: value for key, value in schema.items() if key != "$ref"}}
        resolver = resolved.resolver
    return schema, resolver


def code(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"`{text}`"


def type_names(schema: JsonSchema) -> list[str]:
    declared = schema.get("type", [])
    return [declared] if isinstance(declared, str) else list(declared)


def allows_null(schema: JsonSchema, resolver: Resolver) -> bool:
    schema, _ = resolve(schema, resolver)
    if "null" in type_names(schema) or None in schema.get("enum", ()):
        return True
    return "const" in schema and schema["const"] is None


def constraint_phrases(schema: JsonSchema) -> list[str]:
    """The value constraints of a schema in words, in a fixed order."""
    phrases = []
    if "format" in schema:
        phrases.append(f"format {schema['format']}")
    if "const" in schema:
        phrases.append(f"always {code(schema['const'])}")
    if "enum" in schema:
        phrases.append("one of " + ", ".join(code(item) for item in schema["enum"]))
    if "pattern" in schema:
        phrases.append(f"pattern {code(schema['pattern'])}")
    bounds = (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"), ("exclusiveMaximum", "<"))
    phrases.extend(f"{sign} {schema[key]}" for key, sign in bounds if key in schema)
    counts = (("minLength", "at least", "character"), ("maxLength", "at most", "character"),
              ("minItems", "at least", "item"), ("maxItems", "at most", "item"))
    phrases.extend(f"{word} {schema[key]} {noun}{'s' * (schema[key] != 1)}" for key, word, noun in counts
                   if key in schema)
    if schema.get("uniqueItems"):
        phrases.append("unique items")
    return phrases


def describe_type(schema: JsonSchema, resolver: Resolver) -> str:
    """A schema's type and constraints in words, e.g. "string or null; pattern `^[A-Z]{3}$`"."""
    schema, resolver = resolve(schema, resolver)
    names = type_names(schema)
    if not names and ("anyOf" in schema or "oneOf" in schema):
        branches = schema.get("anyOf", schema.get("oneOf", []))
        return "any of: " + " | ".join(f"({describe_type(branch, resolver)})" for branch in branches)
    base = " or ".join(names) if names else "any"
    if "array" in names and isinstance(schema.get("items"), dict):
        base = base.replace("array", f"array of {grouped(describe_type(schema['items'], resolver))}", 1)
    if "object" in names:
        base = base.replace("object", describe_object(schema, resolver), 1)
    return "; ".join([base, *constraint_phrases(schema)])


def grouped(words: str) -> str:
    """Words about an item type, in parentheses when they are more than one type name."""
    return f"({words})" if any(mark in words for mark in (";", " or ", "(")) else words


def describe_object(schema: JsonSchema, resolver: Resolver) -> str:
    """An object whose keys are free is described by its keys and values; one with properties by its rows."""
    values = schema.get("additionalProperties")
    if "properties" in schema or not isinstance(values, dict):
        return "object"
    keys = schema.get("propertyNames", {}).get("enum")
    key_words = f"keys one of {', '.join(code(key) for key in keys)}, " if keys else ""
    return f"object ({key_words}values {describe_type(values, resolver)})"


def arrow_label(data_type: pa.DataType) -> str:
    """A short Arrow type name; a struct's members get rows of their own."""
    if pa.types.is_list(data_type):
        return f"list<{arrow_label(data_type.value_type)}>"
    if pa.types.is_struct(data_type):
        return "struct"
    if pa.types.is_map(data_type):
        return f"map<{arrow_label(data_type.key_type)}, {arrow_label(data_type.item_type)}>"
    return str(data_type)


def nested_struct(data_type: pa.DataType | None) -> pa.StructType | None:
    """The struct whose fields are the children of a column: its own type or its list's item type."""
    while data_type is not None and pa.types.is_list(data_type):
        data_type = data_type.value_type
    return data_type if data_type is not None and pa.types.is_struct(data_type) else None


def property_columns(
    schema: JsonSchema, resolver: Resolver, arrow: pa.StructType | pa.Schema | None, prefix: str = ""
) -> Iterator[Column]:
    """A row per property, then the rows of the object it holds or the objects its array holds."""
    required = set(schema.get("required", ()))
    for name, subschema in schema.get("properties", {}).items():
        resolved, sub_resolver = resolve(subschema, resolver)
        arrow_type = arrow.field(name).type if arrow is not None else None
        yield Column(
            name=prefix + name,
            json_type=describe_type(resolved, sub_resolver),
            parquet_type=arrow_label(arrow_type) if arrow_type is not None else None,
            required=name in required,
            nullable=allows_null(resolved, sub_resolver),
            description=resolved.get("description", ""),
        )
        child, child_resolver, marker = resolved, sub_resolver, "."
        if "array" in type_names(resolved) and isinstance(resolved.get("items"), dict):
            (child, child_resolver), marker = resolve(resolved["items"], sub_resolver), "[]."
        if "properties" in child:
            yield from property_columns(child, child_resolver, nested_struct(arrow_type), f"{prefix}{name}{marker}")


def cell(text: str) -> str:
    """Text safe inside a markdown table cell: one line, pipes escaped (GitHub splits cells even inside code)."""
    return " ".join(text.split()).replace("|", "\\|")


def table_row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def markdown_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    return [table_row(header), table_row(tuple("---" for _ in header)), *(table_row(row) for row in rows)]


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def column_cells(column: Column, *, with_parquet: bool) -> tuple[str, ...]:
    parquet = (cell(code(column.parquet_type or "")),) if with_parquet else ()
    return (
        code(column.name),
        cell(column.json_type),
        *parquet,
        yes_no(column.required),
        yes_no(column.nullable),
        cell(column.description),
    )


def definition_rows(schema: JsonSchema, resolver: Resolver) -> list[tuple[str, ...]]:
    rows = []
    for name, definition in schema.get("$defs", {}).items():
        resolved, def_resolver = resolve(definition, resolver)
        rows.append((
            code(name),
            cell(describe_type(resolved, def_resolver)),
            yes_no(allows_null(resolved, def_resolver)),
            cell(resolved.get("description", "")),
        ))
    return rows


def condition_lines(schema: JsonSchema, resolver: Resolver) -> list[str]:
    """``if``/``then``/``else`` at the top of a schema, in words: which properties get which extra rule."""
    if "if" not in schema:
        return []

    def condition(branch: JsonSchema) -> str:
        return " and ".join(
            f"{code(name)} is {code(sub['const']) if 'const' in sub else describe_type(sub, resolver)}"
            for name, sub in branch.get("properties", {}).items()
        ) or code(branch)

    def requirement(branch: JsonSchema) -> str:
        return "; ".join(
            f"{code(name)} must be {describe_type(sub, resolver)}" for name, sub in branch.get("properties", {}).items()
        ) or code(branch)

    lines = [f"- when {condition(schema['if'])}: {requirement(schema.get('then', {}))}"]
    if "else" in schema:
        lines.append(f"- otherwise: {requirement(schema['else'])}")
    return ["Conditional rules:", "", *(cell(line) for line in lines), ""]


def table_lines(table: str) -> list[str]:
    return [
        f"- **Table**: `{table}`",
        f"  - Parquet: `{PARQUET_PATTERN.format(table=table)}`",
        f"  - JSON Lines: `{JSONL_PATTERN.format(table=table)}`",
    ]


def schema_section(name: str, schema: JsonSchema, registry: Registry, table: str | None) -> list[str]:
    resolver = resolver_for(schema, registry)
    arrow = arrow_schema(schema, registry) if table else None
    lines = [
        f'<a id="{anchor(name)}"></a>',
        f"## {schema.get('title', name)} (`{name}`)",
        "",
        f"- **$id**: `{schema.get('$id', '')}`",
        f"- **File**: `schemas/{name}.schema.json`",
        *(table_lines(table) if table else []),
        "",
        " ".join(schema.get("description", "").split()),
        "",
    ]
    columns = [column_cells(column, with_parquet=bool(table)) for column in property_columns(schema, resolver, arrow)]
    if columns:
        header = COLUMN_HEADER if table else tuple(name for name in COLUMN_HEADER if name != "Parquet type")
        lines += [*markdown_table(header, columns), ""]
    elif "$defs" not in schema:
        lines += [f"Type: {cell(describe_type(schema, resolver))}", ""]
    lines += condition_lines(schema, resolver)
    if definitions := definition_rows(schema, resolver):
        lines += ["Definitions:", "", *markdown_table(DEFINITION_HEADER, definitions), ""]
    return lines


def anchor(name: str) -> str:
    return name.replace(".", "-")


def contents_lines(schemas: Mapping[str, JsonSchema], tables: Mapping[str, str]) -> list[str]:
    lines = []
    for name in sorted(schemas):
        table = f", table `{tables[name]}`" if name in tables else ""
        lines.append(f"- [{schemas[name].get('title', name)}](#{anchor(name)}) (`{name}`{table})")
    return [*lines, ""]


def render_data_dictionary(schemas: Mapping[str, JsonSchema], registry: Registry, tables: Mapping[str, str]) -> str:
    """The whole dictionary; ``tables`` maps a schema name ("article.v1") to the table it describes."""
    lines = [
        "# Data dictionary",
        "",
        f"Generated from the JSON Schemas in `schemas/` by `{REGENERATE_COMMAND}`; do not edit it by hand "
        "(a test fails when it is stale).",
        "",
        "*Required*: the key must be present. *Nullable*: the value may be null. A Parquet column is nullable "
        "when its property is not required or may be null. `OUT` is the run's output folder.",
        "",
        *contents_lines(schemas, tables),
    ]
    for name in sorted(schemas):
        lines += schema_section(name, schemas[name], registry, tables.get(name))
    return "\n".join(lines).rstrip("\n") + "\n"
