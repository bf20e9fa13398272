from datetime import UTC, datetime

from flows.core.article import RunContext
from flows.core.batch import process_inputs
from flows.core.feeditem import FeedInput, parse_timestamp
from flows.core.incremental import FileStat
from flows.io.extractors import load_extractors
from flows.io.schemas import checker_for

CONTEXT = RunContext("20261128T120000Z-abc123", datetime(2026, 11, 28, 12, tzinfo=UTC))


def test_rfc3339_timestamps_in_any_case_are_read() -> None:
    assert parse_timestamp("2019-01-01t00:00:00z") == datetime(2019, 1, 1, tzinfo=UTC)


def test_a_defect_on_one_input_is_that_inputs_problem_not_the_runs_end() -> None:
    broken = FeedInput(FileStat("k#L1", "feed.jsonl#L1", 10, 0), {"title": "A title"}, "0" * 64)  # no "text" key
    good = FeedInput(FileStat("k#L2", "feed.jsonl#L2", 10, 0), {"title": "Talks", "text": "Ministers met today."},
                     "1" * 64)
    first, second = process_inputs([broken, good], CONTEXT, load_extractors(None), checker_for("article"), 20_000)
    assert first.result.code == "extraction_failed" and "KeyError" in first.result.detail  # type: ignore[union-attr]
    assert second.tables is not None and second.tables.counts["sentences"] >= 1
