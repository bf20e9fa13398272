from pathlib import Path

from flows.core.problems import problem
from flows.core.tally import new_tally
from flows.io.discover import path_groups


def sizes(found: list, size: int, first: int | None = None) -> list[int]:
    return [len(group) for group in path_groups(found, size, new_tally("20261128T120000Z-abc123", {}), first)]


def test_batches_follow_the_batch_size_after_a_smaller_first_one() -> None:
    texts = [Path(f"{n}.txt") for n in range(25)]
    assert sizes(texts, 10) == [10, 10, 5]
    assert sizes(texts, 10, first=4) == [4, 10, 10, 1]
    assert sizes(texts, 10, first=40) == [10, 10, 5]


def test_a_feed_goes_alone_and_problems_go_to_the_tally() -> None:
    found = [Path("a.txt"), Path("feed.jsonl"), problem("not_found", "gone.txt"), Path("b.txt"), Path("c.txt")]
    tally = new_tally("20261128T120000Z-abc123", {})
    groups = list(path_groups(found, 10, tally, first=2))
    assert groups == [[Path("a.txt")], [Path("feed.jsonl")], [Path("b.txt"), Path("c.txt")]]
    assert [p.code for p in tally.rejected] == ["not_found"]
