"""Sentence-level scoring against the GMB NER extract (IOB2-tagged tokens of Voice of America news).

GMB's classes map onto ours: ``per`` -> person, ``org`` -> organisation or group, ``geo`` and ``gpe`` -> country or
place. GMB puts titles inside person spans ("President Bush", "Mr. Brown"); they are stripped, because our person
names exclude titles. ``gpe`` spans that are demonyms ("Iraqi") are no actors for us and are left out, as are
time, artefact, event and natural-phenomenon spans; a prediction overlapping one of those counts neither way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from flows.core.actors import Lexicon, extract_actors
from flows.core.model import Actor, Sentence
from flows.core.scoring import Counts

ACCEPTED_TYPES: dict[str, frozenset[str]] = {
    "per": frozenset({"person"}),
    "org": frozenset({"organization", "group"}),
    "geo": frozenset({"country", "place"}),
    "gpe": frozenset({"country", "place"}),
}
BUCKETS = {"per": "person", "org": "organization", "geo": "location", "gpe": "location"}
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d"})
_NO_SPACE_AFTER = frozenset({"(", "$"})


@dataclass(frozen=True, slots=True)
class Token:
    word: str
    tag: str  # "O", "B-per", "I-geo", ...


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    label: str  # per, org, geo, gpe, or another GMB class (tim, art, eve, nat) that is ignored


@dataclass(frozen=True, slots=True)
class PredictedSpan:
    start: int
    end: int
    type: str  # one of our actor types


@dataclass(slots=True)
class GmbScore:
    spans: Counts = field(default_factory=Counts)
    by_class: dict[str, Counts] = field(default_factory=dict)  # person, organization, location
    type_right: int = 0
    matched: int = 0
    sentences: int = 0
    words: int = 0

    @property
    def type_agreement(self) -> float:
        return self.type_right / self.matched if self.matched else 1.0


def sentences_from_rows(rows: Iterable[Sequence[str]]) -> list[list[Token]]:
    """Group CSV rows (``Sentence #``, ``Word``, ``POS``, ``Tag``; the first column set only on a sentence's first
    token) into sentences of tokens."""
    sentences: list[list[Token]] = []
    for row in rows:
        if len(row) < 4:
            continue
        if row[0].strip() or not sentences:
            sentences.append([])
        sentences[-1].append(Token(row[1], row[3].strip()))
    return [sentence for sentence in sentences if sentence]


def detokenize(tokens: Sequence[Token]) -> tuple[str, list[tuple[int, int]]]:
    """Plain text of a token sentence and each token's (start, end) in it: no space before closing punctuation
    and clitics, none after an opening bracket or a currency sign."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    previous = ""
    for token in tokens:
        if parts and token.word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
            parts.append(" ")
            length += 1
        offsets.append((length, length + len(token.word)))
        parts.append(token.word)
        length += len(token.word)
        previous = token.word
    return "".join(parts), offsets


def _raw_spans(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, label) of each IOB2 span; a stray I- tag opens a span too."""
    spans: list[tuple[int, int, str]] = []
    for index, token in enumerate(tokens):
        if token.tag == "O" or "-" not in token.tag:
            continue
        prefix, label = token.tag.split("-", 1)
        if prefix == "I" and spans and spans[-1][1] == index and spans[-1][2] == label:
            spans[-1] = (spans[-1][0], index + 1, label)
        else:
            spans.append((index, index + 1, label))
    return spans


def gold_spans(tokens: Sequence[Token], offsets: Sequence[tuple[int, int]], title_words: frozenset[str],
               demonyms: frozenset[str]) -> list[GoldSpan]:
    """The sentence's entity spans in character offsets: titles stripped from person spans (``title_words`` are
    lowercase), demonym ``gpe`` spans dropped, spans left empty by stripping dropped."""
    found: list[GoldSpan] = []
    for first, last, label in _raw_spans(tokens):
        if label == "per":
            while first < last and tokens[first].word.lower().rstrip(".") in title_words:
                first += 1
        if first == last:
            continue
        surface = " ".join(token.word for token in tokens[first:last])
        if label == "gpe" and surface.lower() in demonyms:
            continue
        found.append(GoldSpan(offsets[first][0], offsets[last - 1][1], label))
    return found


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score_sentence(gold: Sequence[GoldSpan], predicted: Sequence[PredictedSpan], score: GmbScore) -> None:
    """Add one sentence: a gold span is found when a prediction overlaps it; a prediction is wrong when it
    overlaps no gold span at all (spans of ignored classes make it neither right nor wrong)."""
    for span in gold:
        if span.label not in ACCEPTED_TYPES:
            continue
        counts = score.by_class.setdefault(BUCKETS[span.label], Counts())
        partner = next((p for p in predicted if _overlaps(span.start, span.end, p.start, p.end)), None)
        if partner is None:
            score.spans.fn += 1
            counts.fn += 1
            continue
        score.spans.tp += 1
        counts.tp += 1
        score.matched += 1
        score.type_right += partner.type in ACCEPTED_TYPES[span.label]
    for prediction in predicted:
        if not any(_overlaps(prediction.start, prediction.end, g.start, g.end) for g in gold):
            score.spans.fp += 1
            bucket = {"person": "person", "country": "location", "place": "location"}.get(prediction.type,
                                                                                         "organization")
            score.by_class.setdefault(bucket, Counts()).fp += 1


def predicted_spans(actors: Iterable[Actor]) -> list[PredictedSpan]:
    """Every mention of the extracted actors as a typed span."""
    return [PredictedSpan(m.char_start, m.char_end, actor.type) for actor in actors for m in actor.mentions]


def score_gmb(sentences: Iterable[Sequence[Token]], lexicon: Lexicon, title_words: frozenset[str]) -> GmbScore:
    """Run the extractor on each sentence on its own (one body sentence) and score its spans."""
    score = GmbScore()
    demonyms = frozenset(lexicon.demonym_codes)
    for tokens in sentences:
        text, offsets = detokenize(tokens)
        sentence = Sentence(0, 0, len(text), "body", 0, 0, None)
        actors = extract_actors(text, [sentence], lexicon)
        score_sentence(gold_spans(tokens, offsets, title_words, demonyms), predicted_spans(actors), score)
        score.sentences += 1
        score.words += len(tokens)
    return score


def title_words_of(titles: Iterable[str], given_names: frozenset[str]) -> frozenset[str]:
    """Lowercase single words of title phrases ("prime", "minister", "mr") that are not also given names."""
    found = {word.lower().rstrip(".") for phrase in titles for word in phrase.split()}
    return frozenset(found - given_names - {"of", "for", "the", "and", ""}) | {"mr", "mrs", "ms", "dr"}
