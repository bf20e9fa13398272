"""Opening feeds: chunks from files and standard input; missing files, folders and bad schema files are reasons."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from flows.io.feeds import FeedSource, SchemaFileError, load_schema_file, open_feed, read_chunks


def test_a_file_is_read_in_chunks_of_the_given_size(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"x" * 10)
    with path.open("rb") as handle:
        assert list(read_chunks(handle, close=False, size=4)) == [b"xxxx", b"xxxx", b"xx"]


def test_open_feed_gives_the_bytes_and_closes_the_file_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"a": 1}\n')
    opened = open_feed(str(path))
    assert isinstance(opened, FeedSource) and opened.label == str(path)
    assert b"".join(opened.chunks) == b'{"a": 1}\n'


def test_standard_input_is_named_dash() -> None:
    opened = open_feed("-", stdin=io.BytesIO(b"[1]"))
    assert isinstance(opened, FeedSource) and opened.label == "<stdin>"
    assert b"".join(opened.chunks) == b"[1]"


def test_missing_files_and_folders_are_reasons_not_exceptions(tmp_path: Path) -> None:
    assert open_feed(str(tmp_path / "absent.jsonl")) == "no such file"
    assert open_feed(str(tmp_path)) == "is a directory, not a file"


def test_schema_files_must_be_json_objects(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text('{"type": "object"}', "utf-8")
    assert load_schema_file(good) == {"type": "object"}
    for name, text in (("list.json", "[1]"), ("broken.json", "{")):
        (tmp_path / name).write_text(text, "utf-8")
        with pytest.raises(SchemaFileError):
            load_schema_file(tmp_path / name)
    with pytest.raises(SchemaFileError, match="no such file"):
        load_schema_file(tmp_path / "absent.json")
