"""Sentence segmentation: ``lagebild.sentences.v1`` (placeholder: paragraphs)."""

from __future__ import annotations

import re

from lagebild.pipeline import Stage, register_stage
from lagebild.records import Document, Span


def split_sentences(text: str, language: str | None = None) -> list[Span]:
    return [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text)]


@register_stage("lagebild.sentences.v1", requires=["text", "language"], assigns=["sentences"])
def make_sentences() -> Stage:
    """Split the clean text into sentences."""

    def sentences(document: Document) -> Document:
        document.sentences = split_sentences(document.text, document.language)
        return document

    return sentences
