from hypothesis import given
from hypothesis import strategies as st

from flows.core.compose import compose, sentences_of
from flows.core.layout import Layout, Section


def test_every_sentence_indexes_the_canonical_text(seed_bytes: bytes) -> None:
    text, sentences = sentences_of(seed_bytes.decode("utf-8"))
    assert text.startswith("Antony J. Blinken Arrives in Beijing")
    assert "Leave a Reply" not in text and "will not be published" not in text
    assert [s.kind for s in sentences[:3]] == ["title", "subtitle", "body"]
    headings = [text[s.char_start : s.char_end] for s in sentences if s.kind == "heading"]
    assert headings == [
        "What are the key issues on Blinken’s agenda?",
        "What can we expect from China?",
        "Will Xi Jinping personally meet with Blinken?",
    ]
    china_section = [s for s in sentences if s.heading == "What can we expect from China?" and s.kind == "body"]
    assert china_section and all(s.section_index == 2 for s in china_section)
    assert [s.index for s in sentences] == list(range(len(sentences)))


words = st.text(st.sampled_from("abcdefgh"), min_size=1, max_size=8)
lines = st.lists(words, min_size=1, max_size=8).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraphs = st.lists(lines, min_size=1, max_size=4).map(" ".join)
sections = st.builds(
    Section, st.one_of(st.none(), lines.map(lambda s: s[:-1] + "?")), st.lists(paragraphs, min_size=1).map(tuple)
)
layouts = st.builds(
    Layout, lines, st.one_of(st.none(), lines), st.lists(sections, min_size=1, max_size=3).map(tuple), st.just(()),
    st.none(),
)


@given(layouts)
def test_offsets_hold_for_any_layout(layout: Layout) -> None:
    text, sentences = compose(layout)
    body = [s for s in sentences if s.kind == "body"]
    assert len({s.paragraph_index for s in body}) == sum(len(sec.paragraphs) for sec in layout.sections)
    for sentence in sentences:
        piece = text[sentence.char_start : sentence.char_end]
        assert piece and piece == piece.strip()
    paragraph_texts = ["\n".join(text[s.char_start : s.char_end] for s in body if s.paragraph_index == i)
                       for i in range(len({s.paragraph_index for s in body}))]
    expected = [p for sec in layout.sections for p in sec.paragraphs]
    assert [p.replace("\n", " ") for p in paragraph_texts] == expected
