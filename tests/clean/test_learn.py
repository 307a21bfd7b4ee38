"""Learning debris lines from a corpus."""

from __future__ import annotations

from lagebild.clean.learn import as_rules, learn
from lagebild.clean.patterns import compile_rules, read_rules


def _article(topic: str, *extra: str) -> str:
    return "\n".join([f"Bericht über {topic}.", f"Weitere Einzelheiten zu {topic}.", *extra])


def test_line_recurring_across_unrelated_documents_is_learned() -> None:
    texts = [_article(t, "Jetzt im Kiosk") for t in ("Minsk", "Kiew", "Odessa", "Riga")]
    assert learn(texts) == ["Jetzt im Kiosk"]


def test_copies_of_one_article_count_once() -> None:
    copy = _article("Minsk", "Ein Satz, der nur in diesem Artikel steht.")
    assert learn([copy, copy, copy]) == []


def test_lines_already_covered_by_a_rule_are_not_learned() -> None:
    texts = [_article(t, "Drucken Teilen") for t in ("Minsk", "Kiew", "Odessa")]
    assert learn(texts) == []


def test_learned_rules_round_trip_through_a_pattern_file() -> None:
    rules = compile_rules(read_rules(as_rules(["Jetzt im Kiosk (neu)"]), "t"))
    assert rules[0].pattern.fullmatch("jetzt im kiosk (neu)")
