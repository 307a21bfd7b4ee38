"""The German NER gate: strict F1 on held-out GermEval dev stays at or above its floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_german_ner_meets_its_floors(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    ner = load("ner_de")
    metrics = ner.evaluate()
    pinned = {k: v for k, v in metrics.items() if k.endswith("_f1")}
    assert_meets_floors("ner_de", pinned, ner.gold_hash())


def test_sentences_rebuild_gold_spans_on_token_boundaries(
    corpus: Path, load: Callable[[str], ModuleType]
) -> None:
    ner = load("ner_de")
    for text, spans in list(ner.sentences())[:200]:
        for start, end, _ in spans:
            assert text[start:end] == text[start:end].strip()
            assert start == 0 or text[start - 1] == " "
