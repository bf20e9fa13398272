"""The main flow end to end: real inputs, real Prefect (test harness), every table read back by four engines."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from flows.io.outputs import TABLES
from flows.io.schemas import validator_for
from tests.conftest import SEED, WIKINEWS

TABLE_SCHEMA = {"articles": "article", "sentences": "sentence", "actors": "actor", "issues": "issue",
                "mentions": "mention", "links": "link"}
BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "title only.txt": b"A headline with nothing under it\n",
    "boilerplate.txt": b"Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n",
}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed, the annotated Wikinews articles, a copy of the seed under another name, and bad inputs."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copy(SEED, root / SEED.name)
    shutil.copy(SEED, root / "seed-copy.txt")
    shutil.copytree(WIKINEWS / "articles", root / "wikinews")
    (root / "bad").mkdir()
    for name, data in BAD_INPUTS.items():
        (root / "bad" / name).write_bytes(data)
    return root


@pytest.fixture(scope="session")
def runs(prefect_harness: None, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    """Two runs of the flow over the same inputs into one output folder."""
    from flows.core.settings import RunSettings
    from flows.pipeline import agenda_run

    out = tmp_path_factory.mktemp("out")
    options = RunSettings(batch_size=16)
    first = agenda_run([str(corpus)], str(out), options)
    second = agenda_run([str(corpus)], str(out), options)
    return out, first, second


def test_first_run_accounts_for_every_input(runs: tuple[Path, dict, dict], corpus: Path) -> None:
    _, report, _ = runs
    articles = len(list((corpus / "wikinews").glob("*.txt"))) + 1
    counts = report["counts"]
    assert counts["inputs_seen"] == articles + 1 + len(BAD_INPUTS)
    assert counts["articles_written"] == articles
    assert counts["duplicates"] == 1 and counts["rejected"] == len(BAD_INPUTS)
    codes = {Path(r["location"]).name: r["code"] for r in report["rejected"]}
    assert codes == {
        "empty.txt": "empty_file", "binary.txt": "binary_content", "title only.txt": "no_body",
        "boilerplate.txt": "boilerplate_only",
    }
    duplicate = report["duplicates"][0]
    assert {Path(duplicate["location"]).name, Path(duplicate["duplicate_of"]).name} == {SEED.name, "seed-copy.txt"}


def test_report_is_written_and_valid(runs: tuple[Path, dict, dict]) -> None:
    out, report, _ = runs
    on_disk = json.loads((out / "runs" / f"{report['run_id']}.json").read_text())
    assert list(validator_for("run-report").iter_errors(on_disk)) == []
    assert on_disk["counts"] == report["counts"]


def test_second_run_adds_nothing(runs: tuple[Path, dict, dict]) -> None:
    out, first, second = runs
    assert second["counts"]["articles_written"] == 0
    # Every accepted input is unchanged now; rejected ones are looked at again (a limit may have changed) and
    # rejected again with the same reasons.
    assert second["counts"]["unchanged"] == first["counts"]["inputs_seen"] - first["counts"]["rejected"]
    assert sorted(r["code"] for r in second["rejected"]) == sorted(r["code"] for r in first["rejected"])
    assert second["tables"] == {}
    assert all(second["run_id"] not in p.name for p in out.rglob("*.parquet"))


@pytest.mark.parametrize("table", TABLES)
def test_every_engine_reads_every_table(runs: tuple[Path, dict, dict], table: str) -> None:
    out, report, _ = runs
    pattern = str(out / "parquet" / table / "**" / "*.parquet")
    expected = report["tables"][table]
    query = f"SELECT count(*) FROM read_parquet('{pattern}', hive_partitioning=true)"
    assert duckdb.sql(query).fetchall() == [(expected,)]
    assert pl.read_parquet(pattern).height == expected
    assert len(pd.read_parquet(out / "parquet" / table)) == expected
    assert ds.dataset(out / "parquet" / table, format="parquet", partitioning="hive").count_rows() == expected


@pytest.mark.parametrize("table", TABLES)
def test_parquet_files_are_stamped_and_compressed(runs: tuple[Path, dict, dict], table: str) -> None:
    out, _, _ = runs
    for path in (out / "parquet" / table).rglob("*.parquet"):
        meta = pq.ParquetFile(path)
        assert meta.schema_arrow.metadata[b"agenda.schema_version"] == b"1.0.0"
        assert meta.metadata.row_group(0).column(0).compression == "ZSTD"
        assert path.parent.name.startswith("ingest_date=")


@pytest.mark.parametrize("table", TABLES)
def test_every_json_row_is_valid_against_its_schema(runs: tuple[Path, dict, dict], table: str) -> None:
    out, report, _ = runs
    validator = validator_for(TABLE_SCHEMA[table])
    rows = [json.loads(line) for path in (out / "json" / table).rglob("*.jsonl") for line in path.open()]
    assert len(rows) == report["tables"][table]
    errors = [(row.get("article_id"), e.message) for row in rows for e in validator.iter_errors(row)]
    assert errors[:5] == []


def test_offsets_index_the_article_text(runs: tuple[Path, dict, dict]) -> None:
    out, _, _ = runs
    texts = dict(duckdb.sql(f"SELECT article_id, text FROM '{out}/parquet/articles/**/*.parquet'").fetchall())
    for table in ("sentences", "mentions"):
        rows = duckdb.sql(f"SELECT article_id, text, char_start, char_end FROM '{out}/parquet/{table}/**/*.parquet'")
        for article_id, text, start, end in rows.fetchall():
            assert texts[article_id][start:end] == text


def test_issues_raised_by_agrees_with_links(runs: tuple[Path, dict, dict]) -> None:
    out, _, _ = runs
    issues = pl.read_parquet(f"{out}/parquet/issues/**/*.parquet")
    links = pl.read_parquet(f"{out}/parquet/links/**/*.parquet").filter(pl.col("relation") == "raises")
    raisers = {(r["article_id"], r["issue_id"]): set(r["raised_by"]) for r in issues.iter_rows(named=True)}
    linked: dict[tuple[str, str], set[str]] = {}
    for row in links.iter_rows(named=True):
        linked.setdefault((row["article_id"], row["issue_id"]), set()).add(row["actor_id"])
    assert {key: value for key, value in raisers.items() if value} == linked


def test_datapackage_matches_the_files_on_disk(runs: tuple[Path, dict, dict]) -> None:
    import hashlib

    out, _, _ = runs
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    described = set()
    for resource in package["resources"]:
        for facts in resource.get("agenda:files", []):
            path = out / facts["path"]
            data = path.read_bytes()
            assert (len(data), f"sha256:{hashlib.sha256(data).hexdigest()}") == (facts["bytes"], facts["hash"])
            if path.suffix == ".parquet":
                assert pq.ParquetFile(path).metadata.num_rows == facts["rows"]
            described.add(path)
    on_disk = {p for tree in ("parquet", "json") for p in (out / tree).rglob("*") if p.is_file()}
    assert on_disk == described


def test_feed_items_and_text_files_land_in_the_same_tables(prefect_harness: None, tmp_path: Path) -> None:
    from flows.core.settings import RunSettings
    from flows.pipeline import agenda_run

    item = {"title": "Rates rise again", "published_at": "2024-05-02T10:00:00Z", "source_id": "wire",
            "text": "The Bank of England raised its rate by half a point on Tuesday.\n\nMarkets had expected it."}
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([json.dumps(item), '{"title": "no text"}', "not json", json.dumps(item)]) + "\n")
    out = tmp_path / "out"
    report = agenda_run([str(SEED), str(feed)], str(out), RunSettings(batch_size=2))
    assert report["counts"] == {"inputs_seen": 5, "articles_written": 2, "duplicates": 1, "unchanged": 0,
                                "rejected": 2}
    articles = pl.read_parquet(f"{out}/parquet/articles/**/*.parquet")
    assert sorted(articles["source_path"].to_list()) == sorted([str(SEED), f"{feed}#L1"])
    from_feed = articles.filter(pl.col("source_path") == f"{feed}#L1").row(0, named=True)
    assert from_feed["title"] == "Rates rise again" and from_feed["published_at"].year == 2024
    actors = pl.read_parquet(f"{out}/parquet/actors/**/*.parquet")
    assert "Bank of England" in actors.filter(pl.col("article_id") == from_feed["article_id"])["name"].to_list()
    (quarantine,) = (out / "quarantine" / report["run_id"]).iterdir()
    lines = [json.loads(line) for line in quarantine.read_text().splitlines()]
    assert [(q["line_number"], q["line"]) for q in lines] == [(2, '{"title": "no text"}'), (3, "not json")]
    assert all(q["errors"] for q in lines)


def test_a_transient_read_failure_is_retried(prefect_harness: None, tmp_path: Path, monkeypatch) -> None:
    import errno

    from flows.core.settings import RunSettings
    from flows.io import read as reading
    from flows.pipeline import agenda_run

    real_read_input = reading.read_input
    failures = iter([OSError(errno.EIO, "Input/output error")])

    def flaky_read_input(path: Path, max_bytes: int = reading.DEFAULT_MAX_BYTES):
        failure = next(failures, None)
        if failure is not None:
            return reading.read_failure(str(path), failure)
        return real_read_input(path, max_bytes)

    monkeypatch.setattr(reading, "read_input", flaky_read_input)
    settings = RunSettings(io_retries=1, io_retry_delay_seconds=0)
    report = agenda_run([str(SEED)], str(tmp_path / "out"), settings)
    assert report["counts"]["articles_written"] == 1 and report["rejected"] == []


def test_a_read_that_keeps_failing_is_rejected_after_its_retries(
    prefect_harness: None, tmp_path: Path, monkeypatch
) -> None:
    import errno

    from flows.core.settings import RunSettings
    from flows.io import read as reading
    from flows.pipeline import agenda_run

    def broken_read_input(path: Path, max_bytes: int = reading.DEFAULT_MAX_BYTES):
        return reading.read_failure(str(path), OSError(errno.EIO, "Input/output error"))

    monkeypatch.setattr(reading, "read_input", broken_read_input)
    report = agenda_run([str(SEED)], str(tmp_path / "out"), RunSettings(io_retries=2, io_retry_delay_seconds=0))
    assert [(r["code"], "after every retry" in r["detail"]) for r in report["rejected"]] == [("unreadable", True)]


def test_feed_items_keep_their_identity_when_lines_move(prefect_harness: None, tmp_path: Path) -> None:
    from flows.core.settings import RunSettings
    from flows.pipeline import agenda_run

    def item(title: str, text: str, source_id: str | None = None) -> str:
        return json.dumps({"title": title, "text": text} | ({"source_id": source_id} if source_id else {}))

    feed, out = tmp_path / "feed.jsonl", str(tmp_path / "out")
    first = [item("Rates rise", "The Bank of England raised rates."), item("Talks", "Ministers met.", "wire-7")]
    feed.write_text("\n".join(first) + "\n")
    agenda_run([str(feed)], out, RunSettings())
    moved = [item("New one", "A new story arrived today."), first[0], item("Talks", "Ministers met again.", "wire-7")]
    feed.write_text("\n".join(moved) + "\n")
    report = agenda_run([str(feed)], out, RunSettings())
    assert (report["counts"]["articles_written"], report["counts"]["unchanged"], report["duplicates"]) == (2, 1, [])
    articles = pl.read_parquet(f"{out}/parquet/articles/**/*.parquet")
    latest = articles.filter(pl.col("is_latest"))["title"].sort().to_list()
    assert latest == ["New one", "Rates rise", "Talks"]
    replaced = articles.filter(~pl.col("is_latest"))
    assert replaced["title"].to_list() == ["Talks"] and "again" not in replaced["text"][0]


def test_is_latest_follows_reverts_and_shared_content(prefect_harness: None, tmp_path: Path) -> None:
    from flows.core.settings import RunSettings
    from flows.pipeline import agenda_run

    inbox, out = tmp_path / "in", str(tmp_path / "out")
    inbox.mkdir()
    x, y = "Talks resume\n\nMinisters met in Geneva.\n", "Talks end\n\nMinisters left Geneva.\n"

    def run_with(a: str, b: str | None = None) -> dict[str, bool]:
        (inbox / "a.txt").write_text(a)
        if b is not None:
            (inbox / "b.txt").write_text(b)
        agenda_run([str(inbox)], out, RunSettings())
        rows = pl.read_parquet(f"{out}/parquet/articles/**/*.parquet").select("title", "is_latest").rows()
        return dict(rows)

    assert run_with(x) == {"Talks resume": True}
    assert run_with(y) == {"Talks resume": False, "Talks end": True}
    assert run_with(x) == {"Talks resume": True, "Talks end": False}  # a revert
    assert run_with(y, x) == {"Talks resume": True, "Talks end": True}  # b.txt holds the first version now
    package = json.loads((Path(out) / "datapackage.json").read_text())
    described = {f["path"]: f["hash"] for r in package["resources"] for f in r.get("agenda:files", [])}
    for path, digest in described.items():
        assert digest == "sha256:" + hashlib.sha256((Path(out) / path).read_bytes()).hexdigest(), path
