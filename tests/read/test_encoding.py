"""Encoding detection and decoding: BOMs, UTF-8, mostly-UTF-8, legacy code pages, streams."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.read.encoding import DecodeStats, decode, decode_chunks, detect, non_latin_share

GERMAN = "Die Straße nach Kiew ist überfüllt; größere Verbände rücken vor."
QUOTED = "„Wir halten die Stellung“, sagte der Kommandeur – 5 € pro Tag…"
RUSSIAN = "Российские войска продолжают наступление на Харьков."
UKRAINIAN = "Збройні сили України звільнили село на півдні."

WORDS = ["Lage", "Front", "Straße", "Grüße", "Übung", "Größe", "Kämpfe", "Dörfer", "und",
         "die", "Angriff", "Brücke", "Öl", "Äcker", "nach", "Süden", "€", "–", "„Zitat“"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "encoding", "label"),
    [
        (GERMAN, "utf-8", "utf-8"),
        (GERMAN, "utf-8-sig", "utf-8-sig"),
        (GERMAN, "utf-16", "utf-16"),
        (GERMAN, "utf-16-le", "utf-16-le"),
        (GERMAN, "utf-32", "utf-32"),
        (GERMAN, "latin-1", "latin-1"),
        (QUOTED, "cp1252", "cp1252"),
        (RUSSIAN, "cp1251", "cp1251"),
        (UKRAINIAN, "cp1251", "cp1251"),
        (RUSSIAN, "koi8-r", "koi8-r"),
        ("plain ASCII only", "ascii", "utf-8"),
    ],
)
def test_detects_and_decodes(text: str, encoding: str, label: str) -> None:
    data = text.encode(encoding)
    detected = detect(data)
    assert (detected.label, decode(data, detected)) == (label, (text, 0))


def test_latin1_is_chosen_without_c1_bytes() -> None:
    assert detect("Grüße aus Köln".encode("latin-1")).codec == "latin-1"


def test_cp1252_is_chosen_when_c1_bytes_appear() -> None:
    assert detect("Grüße – aus Köln".encode("cp1252")).codec == "cp1252"


def test_mostly_utf8_keeps_utf8_and_counts_the_bad_bytes() -> None:
    data = ("Grüße aus Kyjiw. " * 4).encode() + "Müller sagte: „Nein“.".encode("cp1252")
    detected = detect(data)
    assert detected.label == "utf-8"
    assert decode(data, detected) == ("Grüße aus Kyjiw. " * 4 + "Müller sagte: „Nein“.", 3)


def test_undecodable_bytes_are_kept_reversibly() -> None:
    data = b"Lage: ok. " * 3 + "Stra\xdfe".encode("latin-1") + "ü".encode()
    text, errors = decode(data, detect(data))
    assert (text.endswith("Straße\u00fc"), errors) == (True, 1)


def test_mostly_latin1_is_not_utf8() -> None:
    data = ("Größe " * 5).encode("latin-1") + "ü".encode()
    assert detect(data).codec == "latin-1"


def test_non_latin_share() -> None:
    assert non_latin_share(GERMAN.encode("latin-1")) < 0.2
    assert non_latin_share(RUSSIAN.encode("cp1251")) > 0.9


german_text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)


@given(german_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_round_trip(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert decode(data, detect(data)) == (text, 0)


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1))
def test_any_utf8_text_round_trips(text: str) -> None:
    data = text.encode("utf-8")
    assert decode(data, detect(data)) == (text, 0)


@given(german_text.filter(lambda text: not text.isascii()))
def test_cp1252_round_trip(text: str) -> None:
    data = text.encode("cp1252")
    assert decode(data, detect(data)) == (text, 0)


@given(german_text.map(lambda text: text.replace("€", "").replace("–", "").replace("„Zitat“", "")))
def test_latin1_round_trip(text: str) -> None:
    data = text.encode("latin-1")
    assert decode(data, detect(data)) == (text, 0)


@given(german_text, st.sampled_from(["utf-8", "utf-16", "cp1252"]), st.data())
def test_streamed_decoding_matches_whole_decoding(
    text: str, encoding: str, data: st.DataObject
) -> None:
    raw = text.replace(" ", "\r\n", 3).encode(encoding)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(raw)), max_size=6)))
    chunks = [raw[start:end] for start, end in zip([0, *cuts], [*cuts, len(raw)], strict=True)]
    detected = detect(raw)
    streamed = "".join(decode_chunks(chunks, detected, DecodeStats()))
    assert streamed == decode(raw, detected)[0].replace("\r\n", "\n")


def test_crlf_split_across_chunks_is_one_newline() -> None:
    chunks = [b"erste Zeile\r", b"\nzweite Zeile\r", b"dritte\r"]
    assert "".join(decode_chunks(chunks, detect(b""), DecodeStats())) == (
        "erste Zeile\nzweite Zeile\ndritte\n"
    )


def test_stream_counts_decode_errors() -> None:
    stats = DecodeStats()
    chunks = ["Grüße ".encode() * 3, b"M\xfcller"]
    assert "".join(decode_chunks(chunks, detect(chunks[0]), stats)).endswith("Müller")
    assert stats.errors == 1
