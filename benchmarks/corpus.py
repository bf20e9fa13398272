"""The BBC corpus as the benchmark reads it (at run time, from ../shared; never copied into the repository), and
larger corpora generated from it: new articles that recombine paragraphs of different BBC articles and vary their
names and numbers, so no two generated files are copies."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "corpora" / "bbc-news"
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")


@dataclass(frozen=True, slots=True)
class SourceArticle:
    title: str
    paragraphs: tuple[str, ...]


def bbc_files(root: Path = BBC) -> list[Path]:
    return sorted(root.rglob("*.txt"))


def split_article(text: str) -> SourceArticle:
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    return SourceArticle(blocks[0] if blocks else "", tuple(blocks[1:]))


def read_sources(paths: list[Path]) -> list[SourceArticle]:
    return [split_article(path.read_bytes().decode("utf-8", errors="replace")) for path in paths]


def vary_numbers(text: str, rng: random.Random) -> str:
    """Scale every number by a random factor, keeping its form (decimals, thousands commas); years stay."""

    def change(match: re.Match[str]) -> str:
        digits = match.group(0)
        if "." in digits:
            return f"{float(digits) * rng.uniform(0.5, 1.5):.{len(digits.split('.')[1])}f}"
        value = int(digits.replace(",", ""))
        if len(digits) == 4 and 1900 <= value <= 2030:
            return digits
        varied = max(1, round(value * rng.uniform(0.5, 1.5)))
        return f"{varied:,}" if "," in digits else str(varied)

    return _NUMBER.sub(change, text)


def swap_names(text: str, names: list[str], rng: random.Random, rate: float = 0.08) -> str:
    """Replace some capitalised words with capitalised words from elsewhere in the corpus."""
    return _CAPITALISED.sub(lambda m: rng.choice(names) if rng.random() < rate else m.group(0), text)


def generated_article(sources: list[SourceArticle], names: list[str], rng: random.Random) -> str:
    """A title from one article, then 3-10 paragraphs drawn from 2-4 others, numbers and some names varied."""
    donors = rng.sample(sources, rng.randint(2, 4))
    paragraphs = [p for donor in donors for p in rng.sample(donor.paragraphs, min(len(donor.paragraphs), 3))]
    rng.shuffle(paragraphs)
    body = [swap_names(vary_numbers(p, rng), names, rng) for p in paragraphs[: rng.randint(3, 10)]]
    title = swap_names(vary_numbers(rng.choice(sources).title, rng), names, rng, rate=0.3)
    return "\n\n".join([title, *body]) + "\n"


def capitalised_words(sources: list[SourceArticle]) -> list[str]:
    return sorted({word for source in sources for p in source.paragraphs for word in _CAPITALISED.findall(p)})


def generate_corpus(target: Path, count: int, seed: int = 2225) -> Path:
    """`count` generated articles under `target`, 1,000 to a folder; returns `target`."""
    sources = [s for s in read_sources(bbc_files()) if len(s.paragraphs) >= 2]
    names = capitalised_words(sources)
    rng = random.Random(seed)
    for index in range(count):
        folder = target / f"{index // 1000:03d}"
        if index % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{index:06d}.txt").write_text(generated_article(sources, names, rng), "utf-8")
    return target


def iter_texts(paths: list[Path]) -> Iterator[bytes]:
    for path in paths:
        yield path.read_bytes()
