"""The actor extractor: people, countries, organisations, places and groups named in an article.

Rules and gazetteers only (no model weights). Build the lexicon once per process with :func:`build_lexicon`,
then call :func:`extract_actors` for each article.
"""

from flows.core.actors.extract import extract_actors
from flows.core.actors.lexicon import Lexicon, build_lexicon, demonyms

__all__ = ["Lexicon", "build_lexicon", "demonyms", "extract_actors"]
