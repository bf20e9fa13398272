from datetime import UTC, datetime

from flows.core.article import Article, RunContext
from flows.core.problems import problem
from flows.core.tally import admit, build_report, new_tally

CONTEXT = RunContext("20261128T120000Z-abc123", datetime(2026, 11, 28, 12, tzinfo=UTC))


def article(article_id: str, location: str) -> Article:
    return Article({"article_id": article_id, "source_path": location}, [])


def test_new_unchanged_and_duplicate_inputs_are_told_apart() -> None:
    tally = new_tally({"aaaaaaaaaaaaaaaa": "seeds/a.txt"})
    batch = [
        article("aaaaaaaaaaaaaaaa", "seeds/a.txt"),  # published by an earlier run from the same input
        article("bbbbbbbbbbbbbbbb", "seeds/b.txt"),
        article("bbbbbbbbbbbbbbbb", "seeds/b copy.txt"),  # same content, another name
        article("aaaaaaaaaaaaaaaa", "elsewhere/a.txt"),
    ]
    kept = admit(batch, tally)
    assert [a.record["source_path"] for a in kept] == ["seeds/b.txt"]
    assert (tally.written, tally.unchanged) == (1, 1)
    assert [(d.location, d.duplicate_of) for d in tally.duplicates] == [
        ("seeds/b copy.txt", "seeds/b.txt"),
        ("elsewhere/a.txt", "seeds/a.txt"),
    ]


def test_report_counts_everything() -> None:
    tally = new_tally({})
    tally.inputs_seen = 3
    admit([article("cccccccccccccccc", "c.txt")], tally)
    tally.rejected.append(problem("empty_file", "e.txt"))
    report = build_report(CONTEXT, ["seeds"], "data", tally, CONTEXT.started_at, "1.0.0")
    assert report["counts"] == {
        "inputs_seen": 3, "articles_written": 1, "duplicates": 0, "unchanged": 0, "rejected": 1
    }
    assert report["rejected"] == [
        {"code": "empty_file", "location": "e.txt", "message": "the file has no bytes", "detail": None}
    ]
