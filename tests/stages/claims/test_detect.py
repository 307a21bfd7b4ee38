"""The sentence-level claim detector: robustness and clause handling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.stages.claims.detect import claims_in_sentence


def _modes(text: str, language: str = "de") -> list[tuple[str, str]]:
    return [
        (found.mode, text[found.content_start : found.content_end])
        for found in claims_in_sentence(text, 0, len(text), language)
    ]


def test_two_clauses_two_claims() -> None:
    text = "Lukaschenko sagte, Russland liefere Raketen, während Putin erklärte, beide hätten verhandelt."
    assert _modes(text) == [
        ("indirect", "Russland liefere Raketen"),
        ("indirect", "beide hätten verhandelt"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Putin stated on March 5 that the operation was going to plan.",
            "the operation was going to plan",
        ),
        (
            "Nach Angaben des Generalstabs wurden zwölf Drohnen abgeschossen.",
            "wurden zwölf Drohnen abgeschossen",
        ),
        (
            "Dem Generalstab zufolge wurden zwölf Drohnen abgeschossen.",
            "wurden zwölf Drohnen abgeschossen",
        ),
    ],
)
def test_content(text: str, content: str) -> None:
    language = "en" if " the " in text else "de"
    assert _modes(text, language)[0][1] == content


def test_ticker_stamp_is_not_content() -> None:
    text = "Update vom 10. Mai, 12.57 Uhr: Die Ukraine hat Truppen verlegt, teilte das Ministerium mit."
    assert _modes(text) == [("indirect", "Die Ukraine hat Truppen verlegt")]


def test_source_marker_after_a_stamp() -> None:
    text = "Update vom 10. Mai, 15.35 Uhr: Nach Angaben des Generalstabs wurden Dörfer geräumt."
    assert _modes(text) == [("indirect", "wurden Dörfer geräumt")]


def test_speech_act_noun_is_reported() -> None:
    text = "Er hatte im Februar ähnliche Drohungen gegen Polen gemacht."
    assert _modes(text) == [("reported", "ähnliche Drohungen gegen Polen")]


@given(st.text(max_size=400), st.sampled_from(["de", "en"]))
def test_detector_never_fails_and_stays_inside(text: str, language: str) -> None:
    for found in claims_in_sentence(text, 0, len(text), language):
        assert 0 <= found.start <= found.cue_start < found.cue_end <= found.end <= len(text)
        assert found.start <= found.content_start <= found.content_end <= found.end


def _found(text: str, language: str = "de") -> list[tuple[str, str, str, str]]:
    """(mode, cue, content, marker) of each claim."""
    return [
        (
            found.mode,
            text[found.cue_start : found.cue_end],
            text[found.content_start : found.content_end],
            found.marker,
        )
        for found in claims_in_sentence(text, 0, len(text), language)
    ]


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("Selenskyj sprach von einer neuen Welle an Angriffen.", "de", "sprach"),
        ("Der Minister warb für einen schnellen Beitritt.", "de", "warb"),
        ("Er hielt einen Angriff im Norden für möglich.", "de", "hielt"),
        ("Der Gouverneur sieht keine Gefahr für die Stadt.", "de", "sieht"),
        ("Zelensky called for direct negotiations with Putin.", "en", "called"),
        ("The ministry called the leak a Ukrainian “provocation.”", "en", "called"),
    ],
)
def test_verbs_with_their_governed_word_are_cues(text: str, language: str, cue: str) -> None:
    assert [found[1] for found in _found(text, language)] == [cue]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Er sprach am Montag mit Journalisten.", "de"),
        ("Die Armee hielt die Stellung.", "de"),
        ("Der Gouverneur sieht die Stadt aus der Luft.", "de"),
        ("Officials called an emergency meeting.", "en"),
    ],
)
def test_verbs_without_their_governed_word_are_no_cues(text: str, language: str) -> None:
    assert _found(text, language) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wie der Generalstab auf Facebook mitteilt, toben noch immer Gefechte.",
            ("indirect", "mitteilt", "toben noch immer Gefechte", "as"),
        ),
        (
            "Zwei Menschen wurden verletzt, wie Reuters berichtet.",
            ("indirect", "berichtet", "Zwei Menschen wurden verletzt", "as"),
        ),
        (
            "Die Ukraine werde die Initiative zurückerlangen, so Selenskyj bei einer Pressekonferenz.",
            ("indirect", "so", "Die Ukraine werde die Initiative zurückerlangen", "after"),
        ),
        (
            "Die Ukraine halte die Linien, hieß es weiter.",
            ("indirect", "hieß", "Die Ukraine halte die Linien", "previous"),
        ),
        (
            "Hierzu zählen demnach mehrere Dörfer.",
            ("indirect", "demnach", "Hierzu zählen demnach mehrere Dörfer", "previous"),
        ),
        (
            "Das Militär hat nach eigenen Angaben zehn Drohnen abgefangen.",
            (
                "indirect",
                "nach eigenen Angaben",
                "Das Militär hat nach eigenen Angaben zehn Drohnen abgefangen",
                "subject",
            ),
        ),
        (
            "In Kaluga ist einem Medienbericht zufolge eine Raffinerie in Brand geraten.",
            (
                "indirect",
                "zufolge",
                "In Kaluga ist einem Medienbericht zufolge eine Raffinerie in Brand geraten",
                "before",
            ),
        ),
        (
            "Nach Angaben ukrainischer Militärkreise sollen Dörfer erobert worden sein.",
            ("indirect", "Nach Angaben", "sollen Dörfer erobert worden sein", "after"),
        ),
    ],
)
def test_source_markers(text: str, expected: tuple[str, str, str, str]) -> None:
    assert _found(text) == [expected]


def test_reportative_sollen_is_a_claim_without_cue() -> None:
    text = "Durch die Angriffe sollen auch Zivilisten getötet worden sein."
    assert _found(text) == [("indirect", "", text[:-1], "previous")]


def test_reporting_noun_with_wonach_clause() -> None:
    text = "Er teile Einschätzungen der Balten, wonach Russland bald angreifen könnte."
    (found,) = _found(text)
    assert found[:3] == ("indirect", "Einschätzungen", "wonach Russland bald angreifen könnte")


def test_apposition_comma_is_no_fronted_content() -> None:
    text = "Der Vertreter des Geheimdienstes, Andriy Yusov, bewertete die Drohne als wirksam."
    assert _found(text) == [("reported", "bewertete", "die Drohne als wirksam", "")]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Evgeny Fedorov proposed a bill to ban companies that left Russia.", "reported"),
        ("Israel rejected Ukraine’s request on March 21 and opted for aid instead.", "reported"),
        ("Putin emphasized the unacceptability of claimed US activities.", "reported"),
        ("Kalin stated on March 19 that Putin was not ready for talks.", "indirect"),
        (
            "Petkov announced during a press conference with Austin that Bulgaria will lead.",
            "indirect",
        ),
    ],
)
def test_english_content_clause_or_object(text: str, mode: str) -> None:
    assert _found(text, "en")[0][0] == mode


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin spread false claims of threats from biolabs in Ukraine.",
        "Calls for violence remain violations, though calls for calm went unheard.",
    ],
)
def test_english_nouns_are_not_verbs(text: str) -> None:
    assert all(found[1] not in ("claims", "calls") for found in _found(text, "en"))


def test_coordinated_clause_with_a_new_subject() -> None:
    text = (
        "Podolyak said that talks could take days, and Peskov denied that a ceasefire is planned."
    )
    assert [found[1] for found in _found(text, "en")] == ["said", "denied"]


def test_quotation_without_cue_takes_the_speaker_before() -> None:
    text = "„Was die Experten sagen, ist, dass Russland aufrüstet.“"
    assert _found(text) == [("direct", "", text[1:-1], "previous")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Nach den Worten von Selenskyj muss die Ukraine alles tun.", "Nach den Worten von"),
        ("Wie es weiter heißt, könnte Lviv die erste Stadt sein.", "Wie es weiter heißt"),
        ("Biden soll grünes Licht gegeben haben, die Raketen einzusetzen.", ""),
    ],
)
def test_more_german_sources(text: str, cue: str) -> None:
    assert [found[1] for found in _found(text)] == [cue]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Die behaupteten Angriffe blieben aus.", 0),
        ("Der behaupteten westlichen Aggression wegen rüstet Belarus auf.", 0),
        ("Das teilte der Minister mit.", 1),
    ],
)
def test_a_verb_form_after_an_article_is_an_adjective_only_before_a_noun(
    text: str, count: int
) -> None:
    assert len(_found(text)) == count


@pytest.mark.parametrize(
    ("text", "mode", "content"),
    [
        (
            "The Kremlin is increasingly falsely claiming that Western states prolong the war.",
            "indirect",
            "Western states prolong the war",
        ),
        (
            "Lavrov said on March 23 that Russia accepts mediation but repeated that Russia has "
            "red lines.",
            "indirect",
            "Russia accepts mediation",
        ),
        (
            "Viele vermuten, dass die Anzahl weit höher liegt.",
            "indirect",
            "die Anzahl weit höher liegt",
        ),
        (
            "Die Ärztin bestritt die Vorwürfe, Aussage stand gegen Aussage.",
            "reported",
            "die Vorwürfe",
        ),
    ],
)
def test_general_cues_and_objects(text: str, mode: str, content: str) -> None:
    """Progressive speech verbs, coordinated "repeated that", belief verbs with dass, a
    reported act's object closed by a comma before a new clause."""
    assert _modes(text, "en" if text[0] in "TL" else "de")[0] == (mode, content)


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces conducted repeated attacks on Kharkiv.",
        "Russian forces were advancing toward Izyum.",
        "Hunderte Menschen vermuten ihre Angehörigen unter den Trümmern.",
    ],
)
def test_no_claim_without_the_governed_clause(text: str) -> None:
    assert _modes(text, "en" if text.isascii() else "de") == []


def test_stance_frame_remains_firm_that() -> None:
    text = "Kyiv remains firm that Russia must return Crimea, despite Kremlin claims."
    assert _modes(text, "en")[0] == ("indirect", "Russia must return Crimea")
