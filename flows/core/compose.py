"""Lay an article's parts out as one canonical text and cut it into located sentences."""

from __future__ import annotations

from flows.core.layout import Layout, parse_layout
from flows.core.model import Sentence, SentenceKind
from flows.core.sentences import split_sentences

_GAP = "\n\n"


class _Writer:
    """Appends blocks to the canonical text and records a sentence for each piece."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list[Sentence] = []

    def add_block(self, block: str) -> int:
        if self.parts:
            self.parts.append(_GAP)
            self.length += len(_GAP)
        start = self.length
        self.parts.append(block)
        self.length += len(block)
        return start

    def add_line(self, line: str, kind: SentenceKind, section: int, heading: str | None) -> None:
        start = self.add_block(line)
        self.sentences.append(Sentence(len(self.sentences), start, start + len(line), kind, section, None, heading))

    def add_paragraph(self, paragraph: str, section: int, paragraph_index: int, heading: str | None) -> None:
        start = self.add_block(paragraph)
        for begin, end in split_sentences(paragraph):
            self.sentences.append(
                Sentence(len(self.sentences), start + begin, start + end, "body", section, paragraph_index, heading)
            )


def compose(layout: Layout) -> tuple[str, list[Sentence]]:
    """The canonical text (headline, sub-headline, then each heading and paragraph, blank-line separated) and its
    sentences. Title and subtitle belong to section 0."""
    writer = _Writer()
    writer.add_line(layout.title, "title", 0, None)
    if layout.subtitle:
        writer.add_line(layout.subtitle, "subtitle", 0, None)
    paragraph_index = 0
    for section_index, section in enumerate(layout.sections):
        if section.heading:
            writer.add_line(section.heading, "heading", section_index, section.heading)
        for paragraph in section.paragraphs:
            writer.add_paragraph(paragraph, section_index, paragraph_index, section.heading)
            paragraph_index += 1
    return "".join(writer.parts), writer.sentences


def sentences_of(raw_text: str) -> tuple[str, list[Sentence]]:
    """Convenience for tests and tools: parse already-decoded text and compose it."""
    layout = parse_layout(raw_text)
    if isinstance(layout, str):
        raise ValueError(f"not an article: {layout}")
    return compose(layout)
