"""Build the extractors once per process from the packaged reference data (or a user's taxonomy file)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from flows.core.actors import build_lexicon, demonyms
from flows.core.derive import Extractors
from flows.core.issues import compile_matcher
from flows.io.gazetteers import load_lexicon_sources
from flows.io.taxonomy import load_taxonomy


@cache
def load_extractors(taxonomy_path: Path | None = None) -> Extractors:
    lexicon = build_lexicon(load_lexicon_sources())
    taxonomy = load_taxonomy(taxonomy_path)
    return Extractors(lexicon, taxonomy, compile_matcher(taxonomy), demonyms(lexicon))
