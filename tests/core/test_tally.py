from datetime import UTC, datetime

from flows.core.article import Article, RunContext
from flows.core.batch import Processed, encode_tables
from flows.core.incremental import FileStat, LedgerEntry
from flows.core.problems import problem
from flows.core.tally import admit, build_report, new_tally

CONTEXT = RunContext("20261128T120000Z-abc123", datetime(2026, 11, 28, 12, tzinfo=UTC))


def processed(article_id: str, location: str) -> Processed:
    stat = FileStat(f"/abs/{location}", location, 10, 1)
    record = {"article_id": article_id, "source_path": location, "supersedes": None}
    return Processed(stat, "0" * 64, Article(record, []), encode_tables({}))


def test_new_unchanged_and_duplicate_inputs_are_told_apart() -> None:
    tally = new_tally(CONTEXT.run_id, {"aaaaaaaaaaaaaaaa": "seeds/a.txt"})
    batch = [
        processed("aaaaaaaaaaaaaaaa", "seeds/a.txt"),  # published by an earlier run from the same input
        processed("bbbbbbbbbbbbbbbb", "seeds/b.txt"),
        processed("bbbbbbbbbbbbbbbb", "seeds/b copy.txt"),  # same content, another name
        processed("aaaaaaaaaaaaaaaa", "elsewhere/a.txt"),
    ]
    kept = [item.stat.location for item in batch if admit(item, tally, None)]
    assert kept == ["seeds/b.txt"]
    assert (tally.written, tally.unchanged) == (1, 1)
    assert [(d.location, d.duplicate_of) for d in tally.duplicates] == [
        ("seeds/b copy.txt", "seeds/b.txt"),
        ("elsewhere/a.txt", "seeds/a.txt"),
    ]
    assert [e.outcome for e in tally.entries] == ["unchanged", "written", "duplicate", "duplicate"]


def test_a_changed_input_supersedes_the_article_it_used_to_produce() -> None:
    tally = new_tally(CONTEXT.run_id, {"aaaaaaaaaaaaaaaa": "seeds/a.txt"})
    before = LedgerEntry("/abs/seeds/a.txt", "seeds/a.txt", 9, 0, "1" * 64, "aaaaaaaaaaaaaaaa", "written", "r0")
    item = processed("cccccccccccccccc", "seeds/a.txt")
    assert admit(item, tally, before)
    assert item.result.record["supersedes"] == "aaaaaaaaaaaaaaaa"  # type: ignore[union-attr]
    assert tally.entries[-1].supersedes == "aaaaaaaaaaaaaaaa"


def test_report_counts_everything() -> None:
    tally = new_tally(CONTEXT.run_id, {})
    tally.inputs_seen = 3
    admit(processed("cccccccccccccccc", "c.txt"), tally, None)
    bad = Processed(FileStat("/abs/e.txt", "e.txt", 0, 1), "0" * 64, problem("empty_file", "e.txt"))
    admit(bad, tally, None)
    report = build_report(CONTEXT, ["seeds"], "data", tally, CONTEXT.started_at, "1.0.0")
    assert report["counts"] == {
        "inputs_seen": 3, "articles_written": 1, "duplicates": 0, "unchanged": 0, "rejected": 1
    }
    assert report["rejected"] == [
        {"code": "empty_file", "location": "e.txt", "message": "the file has no bytes", "detail": None}
    ]
    assert tally.entries[-1].outcome == "rejected" and tally.entries[-1].reason == "empty_file"
