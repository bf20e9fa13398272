"""Reading the scoring material: the hand-annotated Wikinews set and, when present, the GMB NER extract.

The Wikinews set ships with the repository (tests/fixtures/wikinews: gold/*.json and articles/*.txt, CC BY 2.5).
The GMB extract is shared material next to the repository (../shared/corpora/gmb-ner/ner_dataset.csv); it is read
at run time only and never copied.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from flows.core.gmb import Token, sentences_from_rows

REPO_ROOT = Path(__file__).resolve().parents[2]
WIKINEWS_DIR = REPO_ROOT / "tests" / "fixtures" / "wikinews"
GMB_CSV = REPO_ROOT / ".." / "shared" / "corpora" / "gmb-ner" / "ner_dataset.csv"
SPLITS = ("tune", "heldout", "all")


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One annotated article: its gold annotations and the article file's bytes."""

    gold: dict[str, Any]
    data: bytes

    @property
    def name(self) -> str:
        return str(self.gold["file"])


def load_gold_documents(split: str, root: Path = WIKINEWS_DIR) -> list[GoldDocument]:
    """The annotated articles of one split ("tune", "heldout" or "all"), in file-name order."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    documents = []
    for path in sorted((root / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if split == "all" or gold.get("split") == split:
            documents.append(GoldDocument(gold, (root / "articles" / gold["file"]).read_bytes()))
    return documents


def _csv_rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        yield from reader


def _rows_of_first_sentences(path: Path, count: int) -> Iterator[list[str]]:
    seen = 0
    for row in _csv_rows(path):
        if row and row[0].strip():
            seen += 1
            if seen > count:
                return
        yield row


def read_gmb_sentences(count: int, path: Path = GMB_CSV) -> list[list[Token]] | None:
    """The first ``count`` sentences of the GMB extract, or None when the file is absent."""
    if not path.is_file():
        return None
    return list(islice(sentences_from_rows(_rows_of_first_sentences(path, count)), count))
