"""The data dictionary says what each schema says: every property, its resolved type, Parquet type and nullability."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from flows.core.datadict import (
    arrow_label,
    describe_type,
    render_data_dictionary,
    resolver_for,
)
from flows.core.tableschema import TABLE_SCHEMAS, arrow_schema
from flows.io.schemas import load_schemas, resolve_schema_name, schema_registry

COMMON = {
    "$id": "urn:test:common",
    "$defs": {
        "code": {"description": "A three-letter code.", "type": "string", "pattern": "^[A-Z]{3}$"},
        "count": {"type": "integer", "minimum": 0},
        "when": {"type": ["string", "null"], "format": "date-time"},
    },
}
RECORD = {
    "$id": "urn:test:record",
    "title": "Record",
    "description": "A test record.",
    "type": "object",
    "additionalProperties": False,
    "required": ["code", "parts", "meta", "when"],
    "properties": {
        "code": {"description": "Code of the record.", "$ref": "urn:test:common#/$defs/code"},
        "parts": {
            "description": "The parts.",
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["size"],
                "properties": {"size": {"description": "Size of a part.", "$ref": "urn:test:common#/$defs/count"}},
            },
        },
        "meta": {
            "description": "Closed metadata.",
            "type": "object",
            "additionalProperties": False,
            "required": ["pipe"],
            "properties": {"pipe": {"description": "A | b.", "type": "string", "pattern": "^(a|b)$"}},
        },
        "when": {"description": "When it happened.", "$ref": "urn:test:common#/$defs/when"},
        "note": {"description": "An optional note.", "type": "string"},
    },
}
REGISTRY = Registry().with_resources(
    (schema["$id"], DRAFT202012.create_resource(schema)) for schema in (COMMON, RECORD)
)


def table_cells(line: str) -> list[str]:
    """Cells of one markdown table row, split on the pipes that are not escaped."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def section_text(markdown: str, section: str) -> str:
    heading = re.search(rf"^## .*\(`{re.escape(section)}`\)$", markdown, re.MULTILINE)
    assert heading, f"no section for {section}"
    return markdown[heading.end() :].split("\n## ", 1)[0]


def rows_of(markdown: str, section: str) -> dict[str, list[str]]:
    """Column name -> cells, from the first table of the section whose heading names ``section``."""
    text = section_text(markdown, section)
    lines = [line for line in text.splitlines() if line.startswith("| `")]
    return {table_cells(line)[0].strip("`"): table_cells(line) for line in lines}


def render_test_record(tables: dict[str, str] | None = None) -> str:
    schemas = {"record.v1": RECORD, "common.v1": COMMON}
    return render_data_dictionary(schemas, REGISTRY, tables if tables is not None else {"record.v1": "records"})


def test_refs_are_resolved_to_the_type_and_rule_they_stand_for() -> None:
    rows = rows_of(render_test_record(), "record.v1")
    assert rows["code"][1] == "string; pattern `^[A-Z]{3}$`"
    assert rows["code"][-1] == "Code of the record."  # the property's description wins over the definition's
    assert rows["when"][1] == "string or null; format date-time"
    assert rows["parts[].size"][1] == "integer; ≥ 0"


def test_nested_objects_get_rows_with_their_parquet_types() -> None:
    rows = rows_of(render_test_record(), "record.v1")
    assert list(rows) == ["code", "parts", "parts[].size", "meta", "meta.pipe", "when", "note"]
    assert rows["parts"][1:3] == ["array of object; at least 1 item", "`list<struct>`"]
    assert rows["parts[].size"][2] == "`int64`"
    assert rows["meta"][2] == "`struct`"
    assert rows["when"][2] == "`timestamp[us, tz=UTC]`"


def test_required_and_nullable_are_told_apart() -> None:
    rows = rows_of(render_test_record(), "record.v1")
    assert rows["code"][3:5] == ["yes", "no"]
    assert rows["when"][3:5] == ["yes", "yes"]
    assert rows["note"][3:5] == ["no", "no"]


def test_pipes_are_escaped_so_every_row_keeps_its_cells() -> None:
    markdown = render_test_record()
    rows = rows_of(markdown, "record.v1")
    assert rows["meta.pipe"][1] == r"string; pattern `^(a\|b)$`"
    assert rows["meta.pipe"][-1] == r"A \| b."
    assert {len(cells) for cells in rows.values()} == {6}


def test_a_table_schema_names_its_table_and_part_paths() -> None:
    markdown = render_test_record()
    assert "`OUT/parquet/records/ingest_date=YYYY-MM-DD/part-<run_id>.parquet`" in markdown
    assert "`OUT/json/records/ingest_date=YYYY-MM-DD/part-<run_id>.jsonl`" in markdown
    assert "- **$id**: `urn:test:record`" in markdown


def test_a_schema_without_a_table_has_no_parquet_column() -> None:
    markdown = render_test_record(tables={})
    assert "Parquet type" not in markdown
    assert "OUT/parquet" not in markdown
    assert {len(cells) for cells in rows_of(markdown, "record.v1").values()} == {5}


def test_definitions_are_listed_for_a_schema_of_definitions() -> None:
    rows = rows_of(render_test_record(), "common.v1")
    assert rows["code"] == ["`code`", "string; pattern `^[A-Z]{3}$`", "no", "A three-letter code."]
    assert rows["when"][2] == "yes"


def test_schemas_come_out_sorted_whatever_order_they_are_given_in() -> None:
    forward = render_data_dictionary({"common.v1": COMMON, "record.v1": RECORD}, REGISTRY, {"record.v1": "records"})
    backward = render_data_dictionary({"record.v1": RECORD, "common.v1": COMMON}, REGISTRY, {"record.v1": "records"})
    assert forward == backward
    assert forward.index('<a id="common-v1">') < forward.index('<a id="record-v1">')
    assert forward.endswith("\n") and not forward.endswith("\n\n")


@pytest.mark.parametrize(
    ("schema", "words"),
    [
        ({"type": "string", "const": "1.0.0"}, "string; always `1.0.0`"),
        ({"type": "string", "enum": ["a", "b"]}, "string; one of `a`, `b`"),
        ({"type": "integer", "exclusiveMinimum": 0, "maximum": 9}, "integer; > 0; ≤ 9"),
        ({"type": "string", "minLength": 1, "maxLength": 2}, "string; at least 1 character; at most 2 characters"),
        ({"type": "array", "items": {"type": "string"}, "uniqueItems": True}, "array of string; unique items"),
        ({"type": "array", "items": {"type": ["string", "null"]}}, "array of (string or null)"),
        (
            {"type": "object", "propertyNames": {"enum": ["x"]}, "additionalProperties": {"type": "integer"}},
            "object (keys one of `x`, values integer)",
        ),
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, "any of: (string) | (null)"),
        ({}, "any"),
    ],
)
def test_types_and_constraints_in_words(schema: dict[str, Any], words: str) -> None:
    assert describe_type(schema, resolver_for(schema, Registry())) == words


def test_conditional_rules_are_spelled_out() -> None:
    markdown = render_data_dictionary(load_schemas(), schema_registry(), {})
    mention = section_text(markdown, "mention.v1")
    assert "- when `kind` is `actor`: `ref_id` must be string; pattern `^(?:[A-Z]{3}\\|[a-z]+:[a-z0-9:-]+)$`" in mention
    assert "- otherwise: `ref_id` must be string; pattern `^[A-Z][A-Z0-9_]*$`" in mention


@pytest.mark.parametrize("table", sorted(TABLE_SCHEMAS))
def test_every_column_of_every_table_is_in_the_dictionary_with_its_arrow_type(table: str) -> None:
    name = resolve_schema_name(TABLE_SCHEMAS[table])
    markdown = render_data_dictionary(load_schemas(), schema_registry(), {name: table})
    rows = rows_of(markdown, name)
    schema = arrow_schema(load_schemas()[name], schema_registry())
    assert [column for column in rows if "." not in column] == schema.names
    for field in schema:
        assert rows[field.name][2] == f"`{arrow_label(field.type)}`".replace("|", "\\|")
        assert rows[field.name][-1] == load_schemas()[name]["properties"][field.name]["description"]


SCALARS = st.sampled_from(
    [({"type": "string"}, "string"), ({"type": "integer"}, "integer"), ({"type": "boolean"}, "boolean")]
)
NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=10)


@given(st.dictionaries(NAMES, st.tuples(SCALARS, st.booleans(), st.booleans()), min_size=1, max_size=6))
def test_generated_schemas_get_one_faithful_row_per_property(members: dict[str, Any]) -> None:
    properties = {
        name: {**schema, "type": [schema["type"], "null"]} if nullable else schema
        for name, ((schema, _), nullable, _) in members.items()
    }
    required = [name for name, (_, _, is_required) in members.items() if is_required]
    schema = {"$id": "urn:test:gen", "type": "object", "additionalProperties": False, "required": required,
              "properties": properties}
    rows = rows_of(render_data_dictionary({"gen.v1": schema}, Registry(), {}), "gen.v1")
    assert list(rows) == list(members)
    for name, ((_, type_name), nullable, is_required) in members.items():
        assert rows[name][1] == (f"{type_name} or null" if nullable else type_name)
        assert rows[name][2:4] == ["yes" if is_required else "no", "yes" if nullable else "no"]
