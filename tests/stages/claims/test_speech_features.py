"""Features of the German speech tagger: tokens, quotation state, lexicons, shapes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.stages.claims.speech_features import (
    MAX_QUOTE,
    document_features,
    konjunktiv,
    quote_states,
    shape,
    tokenize,
    verb_kind,
)


def _words(text: str) -> list[str]:
    return [text[start:end] for start, end in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Er sagte: »Ich komme.«", ["Er", "sagte", ":", "»", "Ich", "komme", ".", "«"]),
        ("„Nein“, rief sie...", ["„", "Nein", "“", ",", "rief", "sie", "..."]),
        ("Nord-Ost -- gut", ["Nord-Ost", "--", "gut"]),
        ("", []),
    ],
)
def test_tokenize_follows_the_corpus(text: str, words: list[str]) -> None:
    assert _words(text) == words


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("a » B c « d", ["out", "open", "in", "in", "close", "out"]),
        ("a : « B » , d", ["out", "out", "open", "in", "close", "out", "out"]),
        ("„ b “ c", ["open", "in", "close", "out"]),
        ('" b " c', ["open", "in", "close", "out"]),
        ("“ b ” c", ["open", "in", "close", "out"]),
        ("„ b ” c", ["open", "in", "close", "out"]),
        ("a “ b", ["out", "open", "in"]),  # never closed: inside to the end
    ],
)
def test_quote_roles(text: str, roles: list[str]) -> None:
    assert [state.role for state in quote_states(text.split())] == roles


def test_quote_distances_and_reopen() -> None:
    states = quote_states("» A b « C » D".split())
    assert [s.since_open for s in states] == [0, 1, 2, 3, -1, 0, 1]
    assert [s.to_close for s in states[:4]] == [3, 2, 1, 0]
    assert states[0].length == 3
    assert states[5].to_close == -1  # the second quotation is never closed
    reopened = quote_states("» A » B «".split())
    assert [s.since_open for s in reopened] == [0, 1, 0, 1, 2]


def test_single_quotes_inside_double() -> None:
    states = quote_states("» A › b ‹ c «".split())
    assert [s.single for s in states] == [False, False, False, True, True, False, False]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # German „…“: “ closes, so a text that starts with one starts inside a quotation
        (
            "A b . “ Ich x . „ C “ , d",
            ["in"] * 3 + ["close", "out", "out", "out", "open", "in", "close", "out", "out"],
        ),
        # without „ in the text, “…” is the English pair
        ("a “ B ” c", ["out", "open", "in", "close", "out"]),
        # «…» (Swiss/French) decided by the vote: a closer is followed by a comma
        (
            "« A » , sagte er . « B » , rief",
            ["open", "in", "close"] + ["out"] * 4 + ["open", "in", "close", "out", "out"],
        ),
    ],
)
def test_quote_conventions_of_the_document(text: str, roles: list[str]) -> None:
    assert [state.role for state in quote_states(text.split())] == roles


def test_unclosed_quote_is_capped() -> None:
    states = quote_states(["»", *["X"] * (MAX_QUOTE + 50)])
    assert states[MAX_QUOTE].role == "in"
    assert states[MAX_QUOTE + 1].role == "out"


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("sagte", "speech"),
        ("Sagte", "speech"),
        ("erklärt", "speech"),
        ("geantwortet", "speech"),
        ("behauptete", "speech"),
        ("rief", "speech"),
        ("frug", "speech"),
        ("dachte", "thought"),
        ("glaubten", "thought"),
        ("schrieb", "writing"),
        ("meine", ""),
        ("Haus", ""),
        ("bitte", ""),
    ],
)
def test_verb_kind(word: str, kind: str) -> None:
    assert verb_kind(word) == kind


@pytest.mark.parametrize(
    ("sentence", "index", "mood"),
    [
        ("er sei krank", 1, "1"),
        ("sie hätten gewonnen", 1, "2"),
        ("er komme morgen", 1, "1"),
        ("er gehöre dazu", 1, "1?"),
        ("er sagte es", 1, ""),
        ("die schöne Frau", 1, ""),
        ("gehöre dazu", 0, ""),  # no third-person subject before it
    ],
)
def test_konjunktiv(sentence: str, index: int, mood: str) -> None:
    assert konjunktiv(sentence.split(), index) == mood


@pytest.mark.parametrize(("word", "expected"), [("Haus", "Xxx"), ("1914", "dd"), ("«", "«")])
def test_shape(word: str, expected: str) -> None:
    assert shape(word) == expected


def test_features_see_the_speech_cues() -> None:
    sentences = [_words("Er sagte, dass er krank sei."), _words("»Ich komme«, rief sie.")]
    first, second = document_features(sentences)
    assert len(first) == len(sentences[0]) and len(second) == len(sentences[1])
    krank = first[sentences[0].index("krank")]
    assert "ccontent=True" in krank and "ckonj=True" in krank and "verb@before" in krank
    assert "verb=speech" in first[1]
    ich = second[1]
    assert "q=in" in ich and "q+verb_after" in ich and "q+comma_after" in ich
    assert "q=out" in second[-1]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # reported: the clause of the speech verb or noun
        ("Er erzählte von der Reise.", "Reise", ["cverb=speech", "cverb-1=False"]),
        ("Das war ein Gerücht.", "ein", ["cverb=none", "cnoun=True"]),
        # indirect: the clause after (or before) the one with the verb
        ("Er sagte, er sei krank.", "krank", ["cverb=none", "cverb-1=True", "cverb+1=False"]),
        ("Er sei krank, dachte sie.", "Er", ["cverb=none", "cverb+1=True"]),
        ("Das Haus ist alt, der Hof auch.", "Hof", ["cverb=none", "cverb-1=False"]),
    ],
)
def test_clause_features_locate_the_speech_verb(text: str, word: str, expected: list[str]) -> None:
    words = _words(text)
    (rows,) = document_features([words])
    assert set(expected) <= set(rows[words.index(word)])


def test_quotation_state_runs_across_sentences() -> None:
    sentences = [["»", "Ich", "komme", "."], ["Morgen", ".", "«"], ["Gut", "."]]
    features = document_features(sentences)
    assert "q=in" in features[1][0] and "sq=all" in features[1][0]
    assert "q=out" in features[2][0]


@given(st.lists(st.lists(st.text(min_size=1, max_size=6), max_size=8), max_size=5))
def test_features_never_crash(sentences: list[list[str]]) -> None:
    features = document_features(sentences)
    assert [len(rows) for rows in features] == [len(sentence) for sentence in sentences]
