from flows.core.decode import normalise_text
from flows.core.layout import is_title_case, parse_dateline, parse_layout


def test_seed_layout_matches_what_a_reader_finds(seed_bytes: bytes, seed_expected: dict) -> None:
    layout = parse_layout(normalise_text(seed_bytes.decode("utf-8")))
    assert not isinstance(layout, str)
    assert layout.title == seed_expected["title"]
    assert layout.subtitle == seed_expected["subtitle"]
    assert [s.heading for s in layout.sections if s.heading] == seed_expected["sections"]
    body = "\n".join(p for s in layout.sections for p in s.paragraphs)
    for fragment in seed_expected["boilerplate"]:
        assert fragment not in body
        assert any(fragment in line for line in layout.removed)


def test_no_blank_line_after_the_title_still_finds_the_body() -> None:
    layout = parse_layout("Storm hits coast\nThe storm made landfall on Monday, officials said.\n")
    assert not isinstance(layout, str)
    assert layout.title == "Storm hits coast"
    assert layout.sections[0].paragraphs == ("The storm made landfall on Monday, officials said.",)


def test_title_only_has_no_body() -> None:
    assert parse_layout("Just a headline\n") == "no_body"


def test_boilerplate_only_is_recognised() -> None:
    text = "Leave a Reply\n\nYour email address will not be published. Required fields are marked *\n"
    assert parse_layout(text) == "boilerplate_only"


def test_blank_text_is_recognised() -> None:
    assert parse_layout(" \n\n\t\n") == "blank_text"


def test_trailing_share_and_tag_lines_are_removed() -> None:
    text = (
        "Rates rise again\n\nThe central bank raised its rate by half a point on Tuesday.\n\n"
        "Share this article\n\nPosted in Economy | Tagged rates, banks\n\nRelated: Rates held in May\n\n"
        "Comments are closed.\n"
    )
    layout = parse_layout(text)
    assert not isinstance(layout, str)
    assert layout.sections[0].paragraphs == ("The central bank raised its rate by half a point on Tuesday.",)
    assert len(layout.removed) == 4


def test_lead_paragraph_full_of_names_is_not_a_subtitle() -> None:
    text = (
        "Collins to run in Birmingham\n\n"
        "World champion Kim Collins will compete in the 60m at the Grand Prix in Birmingham.\n\n"
        "The race is on 18 February.\n"
    )
    layout = parse_layout(text)
    assert not isinstance(layout, str)
    assert layout.subtitle is None


def test_dateline_becomes_the_publication_date() -> None:
    layout = parse_layout("Headline here\n\nFriday, January 4, 2019\n\nBody text of the article follows here.\n")
    assert not isinstance(layout, str)
    assert layout.published == (2019, 1, 4)
    assert parse_dateline("2020-02-29") == (2020, 2, 29)
    assert parse_dateline("February 30, 2019") is None  # not a date: the line stays in the text
    assert parse_dateline("The 4 January talks") is None


def test_question_heading_opens_a_section() -> None:
    text = (
        "Talks resume\n\nNegotiators met again on Monday after a pause of three weeks in the capital.\n\n"
        "What happens next?\n\nBoth sides will report to their governments before the next round of talks begins.\n"
    )
    layout = parse_layout(text)
    assert not isinstance(layout, str)
    assert [s.heading for s in layout.sections] == [None, "What happens next?"]


def test_title_case_detection() -> None:
    assert is_title_case("In China, Blinken Faces Clashing Agendas and a Question")
    assert not is_title_case("the minister said the talks would continue")
