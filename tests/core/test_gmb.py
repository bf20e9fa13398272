"""GMB sentences: IOB rows to gold spans, and sentence-level span scoring."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flows.core.actors import build_lexicon
from flows.core.actors.sources import CountryName, LexiconSources, Person, Title
from flows.core.gmb import (
    GmbScore,
    GoldSpan,
    PredictedSpan,
    Token,
    detokenize,
    gold_spans,
    score_gmb,
    score_sentence,
    sentences_from_rows,
    title_words_of,
)

ROWS = [
    ["Sentence: 1", "President", "NNP", "B-per"], ["", "Bush", "NNP", "I-per"], ["", "met", "VBD", "O"],
    ["", "Iraqi", "JJ", "B-gpe"], ["", "officials", "NNS", "O"], ["", "in", "IN", "O"],
    ["", "Baghdad", "NNP", "B-geo"], ["", "on", "IN", "O"], ["", "Monday", "NNP", "B-tim"], ["", ".", ".", "O"],
    ["Sentence: 2", "The", "DT", "O"], ["", "World", "NNP", "B-org"], ["", "Bank", "NNP", "I-org"],
    ["", "'s", "POS", "O"], ["", "chief", "NN", "O"], ["", "(", "(", "O"], ["", "Mr.", "NNP", "B-per"],
    ["", "Zoellick", "NNP", "I-per"], ["", ")", ")", "O"], ["", "spoke", "VBD", "O"], ["", ".", ".", "O"],
]
TITLES = frozenset({"president", "mr"})
DEMONYMS = frozenset({"iraqi"})


def test_rows_are_grouped_into_sentences() -> None:
    sentences = sentences_from_rows(ROWS)
    assert [len(s) for s in sentences] == [10, 11]
    assert sentences[1][1] == Token("World", "B-org")


def test_detokenized_text_attaches_punctuation_and_clitics() -> None:
    text, _ = detokenize(sentences_from_rows(ROWS)[1])
    assert text == "The World Bank's chief (Mr. Zoellick) spoke."


@given(st.lists(st.sampled_from(["Iraq", ",", ".", "'s", "(", ")", "$", "the", "U.S.", "n't"]), max_size=12))
def test_every_token_sits_at_its_offsets(words: list[str]) -> None:
    tokens = [Token(word, "O") for word in words]
    text, offsets = detokenize(tokens)
    assert [text[start:end] for start, end in offsets] == words


def test_gold_spans_strip_titles_and_drop_demonyms() -> None:
    first, second = sentences_from_rows(ROWS)
    text, offsets = detokenize(first)
    spans = gold_spans(first, offsets, TITLES, DEMONYMS)
    assert [(text[s.start:s.end], s.label) for s in spans] == [("Bush", "per"), ("Baghdad", "geo"), ("Monday", "tim")]
    text, offsets = detokenize(second)
    assert [text[s.start:s.end] for s in gold_spans(second, offsets, TITLES, DEMONYMS)] == ["World Bank", "Zoellick"]


def test_a_stray_inside_tag_opens_a_span() -> None:
    tokens = [Token("in", "O"), Token("New", "I-geo"), Token("York", "I-geo")]
    text, offsets = detokenize(tokens)
    assert [(text[s.start:s.end], s.label) for s in gold_spans(tokens, offsets, TITLES, DEMONYMS)] == [
        ("New York", "geo")]


def test_score_sentence_counts_overlaps_types_and_ignores_other_classes() -> None:
    gold = [GoldSpan(0, 4, "per"), GoldSpan(10, 17, "geo"), GoldSpan(20, 26, "tim"), GoldSpan(30, 35, "org")]
    predicted = [PredictedSpan(0, 4, "person"), PredictedSpan(10, 17, "organization"),
                 PredictedSpan(20, 26, "person"), PredictedSpan(40, 44, "place")]
    score = GmbScore()
    score_sentence(gold, predicted, score)
    assert (score.spans.tp, score.spans.fp, score.spans.fn) == (2, 1, 1)
    assert (score.matched, score.type_right) == (2, 1)
    assert score.by_class["organization"].fn == 1 and score.by_class["location"].fp == 1


def test_title_words_leave_given_names_and_connectors_out() -> None:
    words = title_words_of(["Prime Minister", "Secretary of State", "King"], frozenset({"king"}))
    assert {"prime", "minister", "secretary", "state", "mr"} <= words
    assert not {"of", "king"} & words


def test_score_gmb_runs_the_extractor_per_sentence() -> None:
    sources = LexiconSources(
        version="test", countries=(CountryName("Iraq", "IRQ", "country"),), capitals=(("Baghdad", "IRQ"),),
        demonyms=(("Iraqi", "IRQ"),), institutions=(), places=(), people=(Person("George Bush", ("Bush",), "USA",
                                                                                   "GOV"),),
        titles=(Title("President", "GOV"),), given_names=frozenset({"george"}), common_words=frozenset({"met"}),
    )
    score = score_gmb(sentences_from_rows(ROWS[:10]), build_lexicon(sources), TITLES)
    assert (score.sentences, score.words) == (1, 10)
    assert (score.spans.tp, score.spans.fn) == (2, 0)
    assert score.type_agreement == 1.0
