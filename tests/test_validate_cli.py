"""`agenda validate` end to end: exit codes, located errors, and every hostile input reported, never raised."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

import pytest

from flows.io.schemas import validator_for
from flows.validate import SchemaNotUsable, validate_command, validate_files

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile_json"
GOOD = b'{"title": "Talks resume", "text": "Officials met."}\n'


def errors_of(name: str) -> list[tuple[int | None, int | None, str | None, str]]:
    report = validate_files([str(HOSTILE / name)])
    return [(error.line, error.index, error.pointer, error.code) for error in report.errors]


def run_json(files: list[str], **options: object) -> tuple[int, dict]:
    out = io.StringIO()
    code = validate_command(files, format="json", out=out, **options)  # type: ignore[arg-type]
    document = json.loads(out.getvalue())
    assert [error.message for error in validator_for("validation-report").iter_errors(document)] == []
    return code, document


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("malformed-line.jsonl", [(2, None, None, "invalid_json")]),
        ("truncated-last-line.jsonl", [(3, None, None, "truncated")]),
        ("nan-infinity.jsonl", [(2, None, None, "invalid_json"), (3, None, None, "invalid_json")]),
        ("duplicate-keys.jsonl", [(1, None, None, "duplicate_key")]),
        ("lone-surrogate.jsonl", [(1, None, None, "invalid_text")]),
        ("control-character.jsonl", [(1, None, None, "invalid_json")]),
        ("items.json", [(3, 1, "", "schema"), (4, 2, "/published_at", "schema"), (6, 3, None, "truncated"),
                        (7, None, None, "invalid_json")]),
        ("trailing-comma.json", [(3, None, None, "invalid_json")]),
        ("utf8-bom.jsonl", []),
        ("utf16le-bom.jsonl", []),
    ],
)
def test_each_hostile_fixture_is_reported_with_its_line(name: str, expected: list) -> None:
    assert errors_of(name) == expected


def test_bom_and_utf16_are_accepted_with_a_note() -> None:
    report = validate_files([str(HOSTILE / "utf8-bom.jsonl"), str(HOSTILE / "utf16le-bom.jsonl")])
    assert report.exit_code == 0 and report.valid == 4
    assert [summary.notes[0].split()[0] for summary in report.files] == ["a", "decoded"]


def test_utf16_without_a_bom_cannot_be_read() -> None:
    code, document = run_json([str(HOSTILE / "utf16le-no-bom.jsonl")])
    assert code == 2 and "UTF-16LE" in document["files"][0]["problem"]


def test_exit_codes_and_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.jsonl"
    good.write_bytes(GOOD * 3)
    assert validate_command([str(good)]) == 0
    assert validate_command([str(good), str(HOSTILE / "malformed-line.jsonl")]) == 1
    assert validate_command([str(good), str(tmp_path / "absent.jsonl")]) == 2
    assert validate_command([str(tmp_path)]) == 2
    text = capsys.readouterr().out
    assert "malformed-line.jsonl:2: invalid JSON" in text and "absent.jsonl: cannot be read: no such file" in text


def test_schema_errors_carry_pointer_keyword_and_a_readable_message(tmp_path: Path) -> None:
    feed = tmp_path / "feed.ndjson"
    feed.write_bytes(GOOD + b'{"title": "", "text": "B", "url": "/x", "author": "Y", "published_at": "2023-13-45"}\n')
    code, document = run_json([str(feed)])
    assert code == 1
    assert [(e["line"], e["pointer"], e["keyword"], e["message"]) for e in document["errors"]] == [
        (2, "/author", "additionalProperties", 'unexpected property "author"'),
        (2, "/title", "minLength", "must not be empty"),
        (2, "/published_at", "format", '"2023-13-45" is not a valid date-time'),
        (2, "/url", "format", '"/x" is not a valid uri'),
    ]
    assert document["totals"]["valid"] == 1 and document["totals"]["invalid"] == 1


def test_max_errors_stops_and_marks_the_report_truncated(tmp_path: Path) -> None:
    feed = tmp_path / "bad.jsonl"
    feed.write_bytes(b"{}\n" * 10)
    later = tmp_path / "later.jsonl"
    later.write_bytes(GOOD)
    code, document = run_json([str(feed), str(later)], max_errors=3)
    assert (code, document["truncated"], document["totals"]["errors"]) == (1, True, 3)
    assert [f["status"] for f in document["files"]] == ["stopped", "not_reached"]


def test_standard_input_is_sniffed_as_json_lines_or_an_array() -> None:
    lines = validate_files(["-"], stdin=io.BytesIO(b"\n" + GOOD + b"{}\n"))
    array = validate_files(["-"], stdin=io.BytesIO(b"  [" + GOOD + b", {}]"))
    assert [(f.format, f.records, f.invalid) for f in lines.files + array.files] == [
        ("json-lines", 2, 1),
        ("json-array", 2, 1),
    ]
    assert [(e.line, e.index) for e in array.errors] == [(2, 1), (2, 1)]


def test_a_single_json_document_is_one_record(tmp_path: Path) -> None:
    doc = tmp_path / "one.json"
    doc.write_text('\n{\n  "title": "A",\n  "text": "B",\n  "language": "EN"\n}\n', "utf-8")
    report = validate_files([str(doc)])
    assert (report.files[0].format, report.records) == ("json-document", 1)
    assert [(e.line, e.pointer) for e in report.errors] == [(2, "/language")]


def test_schemas_by_name_and_by_path(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(GOOD)
    assert validate_files([str(feed)], "feed-item.v1").exit_code == 0
    assert validate_files([str(feed)], "article").exit_code == 1
    custom = tmp_path / "custom.schema.json"
    custom.write_text(json.dumps({"$ref": "urn:agenda:schema:common:v1#/$defs/article_id"}), "utf-8")
    report = validate_files([str(feed)], custom)
    assert (report.schema, report.errors[0].keyword) == (str(custom), "type")
    with pytest.raises(SchemaNotUsable):
        validate_files([str(feed)], "no-such-schema")
    assert validate_command([str(feed)], schema=str(tmp_path / "absent.json")) == 2


def test_an_integer_of_10000_digits_is_reported(tmp_path: Path) -> None:
    feed = tmp_path / "big-int.jsonl"
    feed.write_bytes(b'{"title": "A", "text": "B", "source_id": ' + b"7" * 10_000 + b"}\n" + GOOD)
    report = validate_files([str(feed)])
    assert [(e.line, e.code) for e in report.errors] == [(1, "number_too_long")] and report.valid == 1


def test_nesting_100000_deep_is_reported_in_lines_and_in_arrays(tmp_path: Path) -> None:
    deep = b'{"title": "A", "text": "B", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    (tmp_path / "deep.jsonl").write_bytes(deep + b"\n" + GOOD)
    (tmp_path / "deep.json").write_bytes(b"[" + deep + b"," + GOOD + b"]")
    report = validate_files([str(tmp_path / "deep.jsonl"), str(tmp_path / "deep.json")])
    assert [(e.line, e.index, e.code) for e in report.errors] == [(1, None, "too_deep"), (1, 0, "too_deep")]
    assert report.valid == 2


def test_a_100_mb_line_is_refused_without_holding_it(tmp_path: Path) -> None:
    feed = tmp_path / "huge.jsonl"
    with feed.open("wb") as handle:
        handle.write(GOOD)
        handle.write(b'{"title": "A", "text": "')
        block = b"x" * (1 << 20)
        for _ in range(100):
            handle.write(block)
        handle.write(b'"}\n')
        handle.write(GOOD)
    tracemalloc.start()
    try:
        report = validate_files([str(feed)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(e.line, e.code) for e in report.errors] == [(2, "too_large")]
    assert (report.records, report.valid) == (3, 2)
    assert peak < 48 * 1024 * 1024  # the 20 MiB record limit plus a chunk or two, never the whole line
