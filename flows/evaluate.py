"""`agenda eval`: score the extractors on the annotated Wikinews set (and the GMB sentences, when present).

The command layer only: reading is flows.io.goldset's, scoring flows.core.scoring's and flows.core.gmb's.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flows.core.actors import extract_actors
from flows.core.article import Article, RunContext, Source, article_from_bytes, sha256_hex
from flows.core.derive import Extractors, derive_rows
from flows.core.gmb import GmbScore, score_gmb, title_words_of
from flows.core.scoring import Counts, Score, score_document
from flows.io.extractors import load_extractors
from flows.io.gazetteers import load_lexicon_sources
from flows.io.goldset import GMB_CSV, GoldDocument, load_gold_documents, read_gmb_sentences

FORMATS = ("text", "json")
_CONTEXT_ID = "00000000T000000Z-eval00"


@dataclass(slots=True)
class Evaluation:
    split: str
    documents: int
    score: Score
    words: int
    seconds: float
    gmb: GmbScore | None
    gmb_note: str | None

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def score_documents(documents: list[GoldDocument], extractors: Extractors) -> tuple[Score, list[Article]]:
    context = RunContext(_CONTEXT_ID, datetime.now(UTC))
    score = Score()
    articles = []
    for document in documents:
        article = article_from_bytes(document.data, Source(document.name, sha256_hex(document.data)), context)
        if not isinstance(article, Article):
            raise ValueError(f"{document.name}: not an article ({article})")
        tables = derive_rows(article, extractors)
        mentions = [str(m["text"]) for m in tables["mentions"] if m["kind"] == "issue"]
        issue_ids = [str(row["issue_id"]) for row in tables["issues"]]
        score_document(document.gold, tables["actors"], mentions, score, issue_ids)
        articles.append(article)
    return score, articles


def time_extraction(articles: list[Article], extractors: Extractors, repeats: int = 3) -> tuple[int, float]:
    """(words, best seconds of ``repeats`` runs) of actor extraction alone over the articles."""
    words = sum(len(article.text.split()) for article in articles)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for article in articles:
            extract_actors(article.text, article.sentences, extractors.lexicon)
        best = min(best, time.perf_counter() - started)
    return words, best if articles else 0.0


def evaluate(split: str, gmb_sentences: int) -> Evaluation:
    extractors = load_extractors()
    score, articles = score_documents(load_gold_documents(split), extractors)
    words, seconds = time_extraction(articles, extractors)
    gmb, note = None, None
    if gmb_sentences > 0:
        sentences = read_gmb_sentences(gmb_sentences)
        if sentences is None:
            note = f"GMB skipped: {GMB_CSV.name} not found under ../shared/corpora/gmb-ner/"
        else:
            sources = load_lexicon_sources()
            titles = title_words_of((t.phrase for t in sources.titles), extractors.lexicon.given_names)
            gmb = score_gmb(sentences, extractors.lexicon, titles)
    return Evaluation(split, len(articles), score, words, seconds, gmb, note)


def _counts(counts: Counts) -> dict[str, float | int]:
    return {"precision": round(counts.precision, 4), "recall": round(counts.recall, 4), "f1": round(counts.f1, 4),
            "tp": counts.tp, "fp": counts.fp, "fn": counts.fn}


def as_document(result: Evaluation) -> dict[str, Any]:
    score = result.score
    document: dict[str, Any] = {
        "split": result.split,
        "documents": result.documents,
        "actors": _counts(score.actors),
        "by_type": {kind: _counts(counts) for kind, counts in sorted(score.by_type.items())},
        "type_accuracy": round(score.type_accuracy, 4),
        "country_accuracy": round(score.country_accuracy, 4),
        "country_accuracy_by_type": {kind: {"right": right, "matched": matched}
                                     for kind, (right, matched) in sorted(score.country_by_type.items())},
        "country_errors": dict(sorted(score.country_errors.items())),
        "matched": score.matched,
        "issues": {
            "recall": round(score.issues.recall, 4),
            "precision": round(score.issue_ids.precision, 4),
            "gold": score.issues.tp + score.issues.fn,
            "found": score.issues.tp,
            "uncoded_gold": score.issues_uncoded,
            "scored_by_keyword": score.issues_by_keyword,
            "predicted": score.issue_ids.tp + score.issue_ids.fp,
            "predicted_right": score.issue_ids.tp,
        },
        "speed": {"words": result.words, "seconds": round(result.seconds, 4),
                  "words_per_second": round(result.words_per_second)},
    }
    if result.gmb is not None:
        gmb = result.gmb
        document["gmb"] = {"sentences": gmb.sentences, "words": gmb.words, "spans": _counts(gmb.spans),
                           "by_class": {k: _counts(c) for k, c in sorted(gmb.by_class.items())},
                           "type_agreement": round(gmb.type_agreement, 4)}
    if result.gmb_note:
        document["gmb_note"] = result.gmb_note
    return document


def _line(label: str, counts: Counts) -> str:
    return (f"  {label:<14} P {counts.precision:.3f}  R {counts.recall:.3f}  F1 {counts.f1:.3f}"
            f"  (tp {counts.tp}, fp {counts.fp}, fn {counts.fn})")


def _issue_precision(score: Score) -> str:
    predicted = score.issue_ids.tp + score.issue_ids.fp
    if not predicted:
        return "n/a (no gold file has issue codes yet)"
    return f"{score.issue_ids.precision:.3f} ({score.issue_ids.tp}/{predicted} predicted ids)"


def text_lines(result: Evaluation) -> list[str]:
    score = result.score
    lines = [f"Wikinews {result.split}: {result.documents} articles", "actors (document level, lenient spans)"]
    lines += [_line(kind, counts) for kind, counts in sorted(score.by_type.items())]
    lines.append(_line("overall", score.actors))
    lines.append(f"  type accuracy {score.type_accuracy:.3f}   country-code accuracy {score.country_accuracy:.3f}"
                 f"   ({score.matched} matched actors)")
    lines.append("  country codes right by type: " + ", ".join(
        f"{kind} {right}/{matched}" for kind, (right, matched) in sorted(score.country_by_type.items()))
        + "; wrong codes: " + ", ".join(f"{count} {kind}" for kind, count in sorted(score.country_errors.items())))
    gold_issues = score.issues.tp + score.issues.fn
    lines.append(f"issues: recall {score.issues.recall:.3f} ({score.issues.tp}/{gold_issues}; "
                 f"{score.issues_uncoded} gold issues have no taxonomy code, {score.issues_by_keyword} scored by "
                 f"keyword)   precision {_issue_precision(score)}")
    lines.append(f"speed: {result.words_per_second:,.0f} words/s of actor extraction "
                 f"({result.words} words, best of 3 runs, one core)")
    if result.gmb is not None:
        gmb = result.gmb
        lines.append(f"GMB: {gmb.sentences} sentences, {gmb.words} tokens (sentence level, overlapping spans)")
        lines += [_line(kind, counts) for kind, counts in sorted(gmb.by_class.items())]
        lines.append(_line("overall", gmb.spans))
        lines.append(f"  type agreement {gmb.type_agreement:.3f}")
    if result.gmb_note:
        lines.append(result.gmb_note)
    return lines


def eval_command(split: str = "tune", gmb_sentences: int = 5000, format: str = "text") -> int:
    """Print the scores; 0 on success, 2 on a bad option."""
    if format not in FORMATS:
        print(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        return 2
    try:
        result = evaluate(split, gmb_sentences)
    except ValueError as error:
        print(error)
        return 2
    if format == "json":
        print(json.dumps(as_document(result), indent=2, sort_keys=True))
    else:
        print("\n".join(text_lines(result)))
    return 0
