from flows.core.incremental import LedgerEntry, articles_moved, current_articles, current_entries


def entry(key: str, article_id: str | None, outcome: str = "written") -> LedgerEntry:
    return LedgerEntry(key, key, 1, 1, "0" * 64, article_id, outcome, "r")  # type: ignore[arg-type]


def test_a_revert_makes_the_first_version_current_again() -> None:
    last = {"a": entry("a", "Y")}
    merged = current_entries(last, [entry("a", "X", "unchanged")])
    assert articles_moved(last, merged) and current_articles(merged) == {"X"}


def test_an_article_two_inputs_hold_stays_current_while_one_holds_it() -> None:
    last = {"a": entry("a", "X"), "b": entry("b", "X", "duplicate")}
    merged = current_entries(last, [entry("a", "Y")])
    assert current_articles(merged) == {"X", "Y"}


def test_a_broken_input_keeps_its_last_good_article() -> None:
    last = {"a": entry("a", "X")}
    merged = current_entries(last, [entry("a", None, "rejected")])
    assert not articles_moved(last, merged) and current_articles(merged) == {"X"}
