"""The Data Package descriptor is built from the facts it is given, valid against the v1 spec, and deterministic."""

from __future__ import annotations

import json
import re
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flows.core.datapackage import (
    FileFacts,
    TableFacts,
    build_datapackage,
    resource,
    table_schema_field,
    table_schema_type,
)

ARROW = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False, metadata={"description": "Id of the article."}),
        pa.field("n", pa.int64()),
        pa.field("at", pa.timestamp("us", tz="UTC"), nullable=False),
    ]
)
SPEC_NAME = re.compile(r"^[-a-z0-9._/]+$")


def digest(seed: int) -> str:
    return f"{seed:064x}"


def facts(path: str, size: int = 10, rows: int = 1, seed: int = 1) -> FileFacts:
    return FileFacts(path=path, bytes=size, sha256=digest(seed), rows=rows)


def table(name: str, files: dict[str, list[FileFacts]]) -> TableFacts:
    return TableFacts(table=name, schema_id=f"urn:test:{name}:v1", description=f"Rows of {name}.", arrow=ARROW,
                      files=files)


def package(*tables: TableFacts) -> dict[str, Any]:
    return build_datapackage(
        tables, schema_version="1.0.0", taxonomy_version="2.1.0", schema_ids={"b.v1": "urn:b", "a.v1": "urn:a"}
    )


def check_v1_structure(descriptor: dict[str, Any]) -> None:
    """The Data Package v1 rules this descriptor relies on, checked by hand."""
    assert descriptor["profile"] == "data-package"
    assert SPEC_NAME.match(descriptor["name"])
    assert descriptor["resources"], "a package needs at least one resource"
    names = [item["name"] for item in descriptor["resources"]]
    assert len(names) == len(set(names))
    for item in descriptor["resources"]:
        assert SPEC_NAME.match(item["name"])
        assert ("path" in item) != ("data" in item), "a resource has either path or data"
        for path in item.get("path", []):
            assert not path.startswith("/") and ".." not in path.split("/")
        if "hash" in item:
            assert re.fullmatch(r"sha256:[0-9a-f]{64}", item["hash"])
        assert all({"name", "type"} <= set(field) for field in item["schema"]["fields"])
    json.dumps(descriptor, allow_nan=False)


@pytest.mark.parametrize(
    ("data_type", "expected"),
    [
        (pa.string(), "string"),
        (pa.int64(), "integer"),
        (pa.float64(), "number"),
        (pa.bool_(), "boolean"),
        (pa.timestamp("us", tz="UTC"), "datetime"),
        (pa.list_(pa.string()), "array"),
        (pa.struct([pa.field("a", pa.string())]), "object"),
        (pa.map_(pa.string(), pa.int64()), "object"),
    ],
)
def test_arrow_types_map_to_table_schema_types(data_type: pa.DataType, expected: str) -> None:
    assert table_schema_type(data_type) == expected


def test_an_arrow_type_without_a_table_schema_type_is_refused() -> None:
    with pytest.raises(ValueError, match="no Table Schema type"):
        table_schema_type(pa.binary())


def test_only_non_nullable_fields_are_required_and_descriptions_carry_over() -> None:
    fields = [table_schema_field(field) for field in ARROW]
    assert fields[0] == {
        "name": "article_id", "type": "string", "description": "Id of the article.", "constraints": {"required": True}
    }
    assert fields[1] == {"name": "n", "type": "integer"}
    assert fields[2]["constraints"] == {"required": True}


def test_a_resource_of_several_files_totals_them_and_lists_each() -> None:
    files = [facts("parquet/t/ingest_date=2024-01-02/part-b.parquet", 30, 3, seed=2),
             facts("parquet/t/ingest_date=2024-01-01/part-a.parquet", 20, 2, seed=1)]
    described = resource(table("t", {"parquet": files}), "parquet")
    assert described["path"] == [files[1].path, files[0].path]
    assert described["bytes"] == 50
    assert described["agenda:rows"] == 5
    assert "hash" not in described  # the spec's hash would be of the files' concatenation
    assert described["agenda:files"] == [
        {"path": files[1].path, "bytes": 20, "hash": f"sha256:{digest(1)}", "rows": 2},
        {"path": files[0].path, "bytes": 30, "hash": f"sha256:{digest(2)}", "rows": 3},
    ]
    assert described["format"] == "parquet"
    assert described["mediatype"] == "application/vnd.apache.parquet"
    assert described["schema"]["agenda:json_schema"] == "urn:test:t:v1"


def test_a_resource_of_one_file_carries_its_hash() -> None:
    described = resource(table("t", {"jsonl": [facts("json/t/part-a.jsonl", seed=7)]}), "jsonl")
    assert described["hash"] == f"sha256:{digest(7)}"
    assert described["path"] == ["json/t/part-a.jsonl"]
    assert described["mediatype"] == "application/jsonl"


def test_a_table_without_files_is_an_empty_inline_table_with_its_header() -> None:
    described = resource(table("t", {}), "parquet")
    assert described["data"] == [["article_id", "n", "at"]]
    assert not {"path", "format", "bytes", "hash"} & set(described)
    assert described["agenda:rows"] == 0
    assert described["agenda:files"] == []


def test_the_package_has_a_resource_per_table_and_format_and_the_versions() -> None:
    descriptor = package(table("articles", {"parquet": [facts("parquet/a.parquet")]}), table("links", {}))
    assert [item["name"] for item in descriptor["resources"]] == [
        "articles-parquet", "articles-jsonl", "links-parquet", "links-jsonl"
    ]
    assert descriptor["agenda:schema_version"] == "1.0.0"
    assert descriptor["agenda:taxonomy_version"] == "2.1.0"
    assert list(descriptor["agenda:schemas"].items()) == [("a.v1", "urn:a"), ("b.v1", "urn:b")]
    assert "created" not in descriptor
    check_v1_structure(descriptor)


def test_the_descriptor_is_valid_for_frictionless() -> None:
    import frictionless
    descriptor = package(
        table("articles", {"parquet": [facts("parquet/a/1.parquet"), facts("parquet/a/2.parquet", seed=2)],
                           "jsonl": [facts("json/a/1.jsonl")]}),
        table("links", {}),
    )
    report = frictionless.Package.validate_descriptor(descriptor)
    assert report.valid, [error.message for error in report.errors]


@pytest.mark.parametrize("path", ["/abs/part.parquet", "../up/part.parquet", "a//b.parquet", "a\\b.parquet", ""])
def test_file_paths_must_stay_inside_the_package(path: str) -> None:
    with pytest.raises(ValueError, match="relative POSIX path"):
        FileFacts(path=path, bytes=1, sha256=digest(1), rows=1)


@pytest.mark.parametrize("sha256", ["ABC", "AB" * 32, digest(1)[:-1], digest(1) + "0", "g" * 64])
def test_digests_must_be_lowercase_sha256_hex(sha256: str) -> None:
    with pytest.raises(ValueError, match="SHA-256"):
        FileFacts(path="a.parquet", bytes=1, sha256=sha256, rows=1)


PATHS = st.lists(st.text(alphabet="abcdef0123456789-", min_size=1, max_size=8), min_size=1, max_size=6, unique=True)


@given(PATHS, st.randoms(use_true_random=False))
def test_the_same_files_in_any_order_give_the_same_bytes(names: list[str], random: Any) -> None:
    files = [facts(f"parquet/t/part-{name}.parquet", size=len(name), rows=index, seed=index)
             for index, name in enumerate(names)]
    shuffled = files[:]
    random.shuffle(shuffled)
    first = json.dumps(package(table("t", {"parquet": files})), indent=2)
    second = json.dumps(package(table("t", {"parquet": shuffled})), indent=2)
    assert first == second
    described = package(table("t", {"parquet": files}))["resources"][0]
    assert described["path"] == sorted(item.path for item in files)
    assert described["bytes"] == sum(item.bytes for item in files)
    assert described["agenda:rows"] == sum(item.rows for item in files)
