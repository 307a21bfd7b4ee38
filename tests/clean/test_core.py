"""Debris removal: what goes, what stays, and the offset map."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.clean import clean_text
from lagebild.errors import ConfigError

P1 = "Der Präsident traf am Freitag in Minsk ein."
P2 = "Er sprach über die Lieferung von Luftabwehrsystemen."

EMBEDS = {
    "twitter-de": "Twitter\n\nMit dem Laden des Tweets akzeptieren Sie die Datenschutzerklärung von "
    "Twitter.\nMehr erfahren\n\nInhalt laden",
    "youtube-de": "YouTube\n\nMit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von "
    "YouTube.\nMehr erfahren\n\nVideo laden",
    "external-de": "Empfohlener externer Inhalt\n\nAn dieser Stelle finden Sie einen externen Inhalt, "
    "der den Artikel ergänzt.\n\nExterne Inhalte anzeigen",
    "twitter-en": "By loading the tweet, you agree to Twitter's privacy policy.\nLearn more\nLoad content",
    "instagram-en": "Instagram\n\nBy loading the post, you agree to Instagram's privacy policy.\n"
    "Learn more\nLoad content",
}


@pytest.mark.parametrize("name", sorted(EMBEDS))
def test_embed_block_is_removed_whole(name: str) -> None:
    result = clean_text(f"{P1}\n\n{EMBEDS[name]}\n\n{P2}\n")
    assert result.text == f"{P1}\n\n{P2}\n"
    assert len(result.removed) == 1 and result.removed[0].reason.startswith("embed-consent")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Drucken Teilen", "share-bar"),
        ("Teilen Merken Drucken", "share-bar"),
        ("Anzeige", "advertisement"),
        ('{ "placeholderType": "MREC" }', "advertisement"),
        ("Lesen Sie auch", "navigation"),
        ("Mehr zum Thema", "navigation"),
        ("Fotostrecke ansehen", "gallery"),
        ("Newsletter hier kostenlos abonnieren", "newsletter"),
        ("© IMAGO/Future Image", "photo-credit"),
        ("Foto: dpa", "photo-credit"),
        ("Falls Sie nicht weitergeleitet werden, klicken Sie bitte hier .", "redirect"),
        (
            "Transparenzhinweis Die Angaben stammen von beiden Seiten und sind nicht überprüft.",
            "transparency-note",
        ),
    ],
)
def test_debris_line_is_removed_with_reason(line: str, reason: str) -> None:
    result = clean_text(f"{P1}\n\n{line}\n\n{P2}")
    assert result.text == f"{P1}\n\n{P2}"
    assert [r.reason for r in result.removed] == [reason]


@pytest.mark.parametrize(
    "line",
    [
        "Twitter hat den Account gesperrt.",
        "Die Anzeige wurde am Montag erstattet.",
        "Lesen Sie auch, was der Kanzler dazu sagte: Er lehnte ab.",
        "Mehr erfahren wollte niemand.",
        "Die Angaben lassen sich nicht unabhängig überprüfen.",
        "X",
    ][:-1],
)
def test_content_lines_are_kept(line: str) -> None:
    text = f"{P1}\n\n{line}\n\n{P2}"
    assert clean_text(text).text == text


def test_trailing_photo_credit_is_cut_from_a_caption() -> None:
    result = clean_text(f"Nach der Unterzeichnung gab es einen Handschlag. © Privat\n\n{P2}")
    assert result.text == f"Nach der Unterzeichnung gab es einen Handschlag.\n\n{P2}"
    assert result.removed[0].reason == "photo-credit"


def test_note_repeated_in_ticker_blocks_is_removed_everywhere() -> None:
    note = "Die Angaben stammen teils von den Kriegsparteien und sind nicht überprüft."
    result = clean_text(f"{P1}\n\n{note}\n\n{P2}\n\n{note}\n\n{P1}")
    assert note not in result.text and result.text.count(P1) == 2
    assert {r.reason for r in result.removed} == {"repeated-boilerplate"}


def test_content_repeated_twice_is_kept() -> None:
    text = f"{P1}\n\n{P2}\n\n{P1}"
    assert clean_text(text).text == text


def test_line_inside_paragraph_keeps_neighbours_together() -> None:
    assert clean_text(f"{P1}\nAnzeige\n{P2}").text == f"{P1}\n{P2}"


def test_extra_pattern_from_config() -> None:
    result = clean_text(f"{P1}\n\nWerbeblock 17\n\n{P2}", extra_patterns=[r"werbeblock \d+"])
    assert result.removed[0].reason == "extra-pattern"


def test_bad_extra_pattern_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="bad cleaning pattern"):
        clean_text(P1, extra_patterns=["(unclosed"])


def test_removed_spans_hold_the_raw_text() -> None:
    raw = f"{P1}\n\nDrucken Teilen\n\n{P2}"
    for removal in clean_text(raw).removed:
        assert raw[removal.start : removal.end] == removal.text


LINES = st.sampled_from(
    [
        P1,
        P2,
        "",
        "Anzeige",
        "Drucken Teilen",
        "Twitter",
        "Mehr erfahren",
        "Inhalt laden",
        "Mit dem Laden des Tweets akzeptieren Sie die Datenschutzerklärung.",
        "© dpa",
        "  ",
        "x",
    ]
)


@given(st.lists(LINES, max_size=25))
def test_every_clean_character_maps_to_the_same_raw_character(lines: list[str]) -> None:
    raw = "\n".join(lines)
    result = clean_text(raw)
    assert all(raw[result.offsets.to_raw(i)] == c for i, c in enumerate(result.text))


@given(st.lists(LINES, max_size=25))
def test_cleaning_is_idempotent(lines: list[str]) -> None:
    once = clean_text("\n".join(lines)).text
    assert clean_text(once).text == once


@given(st.lists(st.sampled_from([P1, P2, "", "Er kam.", "Sie ging heim."]), unique=True))
def test_distinct_lines_matching_no_rule_are_never_removed(lines: list[str]) -> None:
    raw = "\n".join(lines)
    kept = [line for line in clean_text(raw).text.split("\n") if line.strip()]
    assert kept == [line for line in lines if line.strip()]


def test_a_line_repeated_three_times_is_boilerplate() -> None:
    text = "\n\n".join([P1, P2, P1, P2, P1])
    assert clean_text(text).text == f"{P2}\n\n{P2}"
