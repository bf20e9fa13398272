from flows.core.actors.extract import has_name_word
from flows.core.actors.grouping import slug


def test_slugs_are_ascii_words_and_never_empty() -> None:
    assert slug("Antony J. Blinken") == "antony-j-blinken"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    cyrillic = slug("Владимир Путин")
    assert cyrillic.startswith("u") and len(cyrillic) == 13 and cyrillic == slug("Владимир Путин")
    assert slug("Владимир Путин") != slug("Ким Чен Ын")


def test_initials_and_symbols_alone_name_nobody() -> None:
    assert not has_name_word("E & W")
    assert not has_name_word("J. K.")
    assert has_name_word("UN") and has_name_word("Xi")
