"""The detector on single sentences: terms, negation, frames, propositions, precision."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.stages.assessments.detect import Found, assessments_in_sentence


def _found(text: str, language: str = "en") -> list[Found]:
    return assessments_in_sentence(text, 0, len(text), language)


def _one(text: str, language: str = "en") -> Found:
    (found,) = _found(text, language)
    return found


def _phrase(text: str, found: Found) -> str:
    assert found.phrase is not None
    return text[found.phrase[0] : found.phrase[1]]


def _proposition(text: str, found: Found) -> str:
    return text[found.proposition[0] : found.proposition[1]]


@pytest.mark.parametrize(
    ("text", "language", "phrase", "category"),
    [
        ("Russian forces will likely attack Kharkiv.", "en", "likely", "likely"),
        ("Russian forces will very likely attack Kharkiv.", "en", "very likely", "very likely"),
        ("Kyiv will almost certainly hold.", "en", "almost certainly", "almost certain"),
        ("Russia is unlikely to take Kyiv.", "en", "unlikely", "unlikely"),
        ("The offensive is probably over.", "en", "probably", "likely"),
        ("Russian forces may be preparing a new axis.", "en", "may", "possible"),
        ("The war could change rapidly in Russia’s favor.", "en", "could", "possible"),
        ("Belarus might join the war.", "en", "might", "possible"),
        ("Russia is possibly preparing a false flag.", "en", "possibly", "possible"),
        ("Russland dürfte die Offensive fortsetzen.", "de", "dürfte", "likely"),
        ("Die Truppen dürften bald abziehen.", "de", "dürften", "likely"),
        ("Die Brücke ist vermutlich zerstört.", "de", "vermutlich", "likely"),
        ("Er wird wohl kommen.", "de", "wohl", "likely"),
        (
            "Höchstwahrscheinlich wird Russland angreifen.",
            "de",
            "Höchstwahrscheinlich",
            "very likely",
        ),
        (
            "Mit hoher Wahrscheinlichkeit greift Russland an.",
            "de",
            "Mit hoher Wahrscheinlichkeit",
            "very likely",
        ),
        ("Ein wahrscheinlicher Angriff droht.", "de", "wahrscheinlicher", "likely"),
        ("Ein Angriff ist unwahrscheinlich.", "de", "unwahrscheinlich", "unlikely"),
        ("Russland wird die Stadt kaum einnehmen können.", "de", "kaum", "very unlikely"),
        ("Russland könnte die Offensive bald wieder aufnehmen.", "de", "könnte", "possible"),
    ],
)
def test_terms(text: str, language: str, phrase: str, category: str) -> None:
    found = _one(text, language)
    assert found.term is not None
    assert (_phrase(text, found), found.term.category) == (phrase, category)


@pytest.mark.parametrize(
    ("text", "language", "phrase", "category"),
    [
        ("An attack is not likely.", "en", "not likely", "unlikely"),
        ("An attack isn't very likely.", "en", "n't very likely", "unlikely"),
        ("An attack is not unlikely.", "en", "not unlikely", "roughly even chance"),
        ("Kyiv is no longer likely to fall.", "en", "no longer likely", "unlikely"),
        (
            "Ein Angriff ist nicht unwahrscheinlich.",
            "de",
            "nicht unwahrscheinlich",
            "roughly even chance",
        ),
        ("Ein Angriff ist nicht wahrscheinlich.", "de", "nicht wahrscheinlich", "unlikely"),
        ("Ein Angriff ist kaum wahrscheinlich.", "de", "kaum wahrscheinlich", "unlikely"),
        ("Der Plan dürfte kaum gelingen.", "de", "dürfte kaum", "unlikely"),
    ],
)
def test_negation(text: str, language: str, phrase: str, category: str) -> None:
    found = _one(text, language)
    assert found.negated and found.term is not None
    assert (_phrase(text, found), found.term.category) == (phrase, category)


def test_modal_negation_negates_the_proposition_not_the_estimate() -> None:
    found = _one("Russian forces may not succeed with the forces they have.")
    assert not found.negated and found.term is not None and found.term.category == "possible"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Talks were scheduled for May 5 in Arkhangelsk.", "en"),
        ("May the talks succeed.", "en"),
        ("ISW could not confirm the location.", "en"),
        ("If Russia could take Kyiv, Putin would declare victory.", "en"),
        ("The military might of Russia is overrated.", "en"),
        ("Peskov said that Russia could complete its invasion in the near future.", "en"),
        ("US intelligence sources said that Russia may arrest prominent Ukrainians.", "en"),
        ("“We may strike at any time,” the commander warned.", "en"),
        ("Putin kündigte an, dass er Munition in Betracht ziehen könnte.", "de"),
        ("Wenn Russland angreifen könnte, würde es das tun.", "de"),
        ("Er hat in der Nacht kaum geschlafen.", "de"),
        ("Kaum ein Soldat kehrte zurück.", "de"),
        ("Das ist eine Show, die man kaum anders beschreiben kann.", "de"),
        ("Das ist wohl aber nicht alles.", "de"),
        ("Es gibt sowohl Angriffe als auch Verhandlungen.", "de"),
        ("Die Wahrscheinlichkeit eines Angriffs wurde diskutiert.", "de"),
        ("Russian units moved to remote areas of the oblast.", "en"),
        ("„Ein Angriff ist wahrscheinlich“, sagte der Sprecher.", "de"),
        ("ISW Assessed Control of Terrain in Ukraine, 2022.", "en"),
        ("An estimated 20 BTGs are concentrated there.", "en"),
        ("Fighting is expected to continue.", "en"),
    ],
)
def test_no_assessment(text: str, language: str) -> None:
    assert _found(text, language) == []


def test_term_in_reported_speech_is_marked_with_the_cue() -> None:
    text = "Peskov said that a deal is likely."
    found = _one(text)
    assert found.speech is not None and text[found.speech[0] : found.speech[1]] == "said"


def test_fronted_content_with_speech_cue() -> None:
    text = "Russia will likely attack Kharkiv, the Pentagon said."
    assert _one(text).speech is not None


@pytest.mark.parametrize(
    ("text", "subject", "proposition", "continuity"),
    [
        (
            "ISW continues to assess that Russia will likely attack Kyiv.",
            "ISW",
            "Russia will likely attack Kyiv",
            "reaffirmed",
        ),
        (
            "We assess that Russia will likely take a phased approach.",
            "We",
            "Russia will likely take a phased approach",
            "new",
        ),
        (
            "ISW now assesses that an attack on Kyiv is unlikely.",
            "ISW",
            "an attack on Kyiv is unlikely",
            "changed",
        ),
        (
            "Russia will likely attack Kharkiv in the coming days, ISW assesses.",
            "ISW",
            "Russia will likely attack Kharkiv in the coming days",
            "new",
        ),
        (
            "ISW previously assessed that the Kremlin could conduct a false flag attack.",
            "ISW",
            "the Kremlin could conduct a false flag attack",
            "reaffirmed",
        ),
    ],
)
def test_english_frames(text: str, subject: str, proposition: str, continuity: str) -> None:
    found = _one(text)
    assert found.frame is not None and found.frame.subject is not None
    assert text[found.frame.subject[0] : found.frame.subject[1]] == subject
    assert _proposition(text, found) == proposition
    assert found.continuity == continuity


def test_assessment_verb_without_term_is_kept_without_probability() -> None:
    text = "ISW assesses with low confidence that Russian forces have completed the encirclement of Mariupol."
    found = _one(text)
    assert (found.kind, found.term, found.confidence) == ("verb", None, "low")
    assert _proposition(text, found) == "Russian forces have completed the encirclement of Mariupol"


@pytest.mark.parametrize(
    ("text", "subject", "proposition", "phrase", "continuity"),
    [
        (
            "Das ISW hält eine Beteiligung Weißrusslands am Krieg weiterhin für unwahrscheinlich.",
            "Das ISW",
            "eine Beteiligung Weißrusslands am Krieg",
            "für unwahrscheinlich",
            "reaffirmed",
        ),
        (
            "Das ISW hält es nun für wahrscheinlich, dass Russland angreift.",
            "Das ISW",
            "Russland angreift",
            "für wahrscheinlich",
            "changed",
        ),
        (
            "Das ISW hält einen Angriff nach wie vor für sehr unwahrscheinlich.",
            "Das ISW",
            "einen Angriff",
            "für sehr unwahrscheinlich",
            "reaffirmed",
        ),
        (
            "Das ISW hält einen Angriff nicht für wahrscheinlich.",
            "Das ISW",
            "einen Angriff",
            "nicht für wahrscheinlich",
            "new",
        ),
        (
            "Das ISW hält einen Angriff nicht mehr für wahrscheinlich.",
            "Das ISW",
            "einen Angriff",
            "nicht mehr für wahrscheinlich",
            "changed",
        ),
    ],
)
def test_halt_fuer(text: str, subject: str, proposition: str, phrase: str, continuity: str) -> None:
    found = _one(text, "de")
    assert found.frame is not None and found.frame.subject is not None
    assert text[found.frame.subject[0] : found.frame.subject[1]] == subject
    assert (_proposition(text, found), found.continuity) == (proposition, continuity)
    assert _phrase(text, found) in (phrase, phrase.replace("für ", "", 1)) or phrase.startswith(
        _phrase(text, found)
    )


@pytest.mark.parametrize(
    ("text", "proposition", "continuity"),
    [
        (
            "Das ISW geht davon aus, dass Russland die Offensive fortsetzen wird.",
            "Russland die Offensive fortsetzen wird",
            "new",
        ),
        (
            "Das ISW geht weiterhin davon aus, dass Russland angreift.",
            "Russland angreift",
            "reaffirmed",
        ),
        ("Das ISW schätzt, dass Russland angreift.", "Russland angreift", "new"),
        ("Das ISW schätzt erneut, dass Russland angreift.", "Russland angreift", "reaffirmed"),
        ("Das ISW schätzt die Lage als kritisch ein.", "die Lage als kritisch", "new"),
    ],
)
def test_german_verb_frames(text: str, proposition: str, continuity: str) -> None:
    found = _one(text, "de")
    assert found.kind == "verb" and found.term is None
    assert (_proposition(text, found), found.continuity) == (proposition, continuity)


@pytest.mark.parametrize(
    ("text", "language", "proposition"),
    [
        ("It is likely that Kyiv falls.", "en", "Kyiv falls"),
        ("Es ist wahrscheinlich, dass Kiew fällt.", "de", "Kiew fällt"),
        ("Es ist nicht auszuschließen, dass Kiew fällt.", "de", "Kiew fällt"),
        (
            "Putin signed a decree on March 6, likely to raise state revenue.",
            "en",
            "Putin signed a decree on March 6, likely to raise state revenue",
        ),
        (
            "Lukaschenko würde seine Rhetorik wahrscheinlich anpassen, um eine Erklärung zu liefern.",
            "de",
            "Lukaschenko würde seine Rhetorik wahrscheinlich anpassen",
        ),
        (
            "Zelensky is almost certainly right that Russia will bomb Odesa, but the timing remains unclear.",
            "en",
            "Zelensky is almost certainly right that Russia will bomb Odesa",
        ),
    ],
)
def test_proposition_is_the_clause(text: str, language: str, proposition: str) -> None:
    assert _proposition(text, _one(text, language)) == proposition


@pytest.mark.parametrize(
    ("text", "continuity", "cue"),
    [
        ("An attack remains unlikely.", "reaffirmed", "remains"),
        ("An attack is still unlikely.", "reaffirmed", "still"),
        ("Ein Angriff bleibt unwahrscheinlich.", "reaffirmed", "bleibt"),
        ("Russian forces will likely attack.", "new", None),
        ("Russian forces are now likely to attack.", "new", None),
    ],
)
def test_continuity_near_the_term(text: str, continuity: str, cue: str | None) -> None:
    language = "de" if "Angriff" in text else "en"
    found = _one(text, language)
    assert (found.continuity, found.continuity_cue) == (continuity, cue)


def test_offsets_are_into_the_whole_text() -> None:
    text = "Erster Satz. Russland dürfte angreifen."
    (found,) = assessments_in_sentence(text, 13, len(text), "de")
    assert found.phrase is not None and text[found.phrase[0] : found.phrase[1]] == "dürfte"


def test_unknown_language_uses_english() -> None:
    assert _one("An attack is likely.", "fr").term is not None


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("ab ,;:.–—()„“\"»«'ISW hält für dass may could likely nicht kaum wohl\n")
        ),
        max_size=200,
    ),
    st.sampled_from(["de", "en"]),
)
def test_detector_never_crashes_and_keeps_offsets_in_range(text: str, language: str) -> None:
    for found in assessments_in_sentence(text, 0, len(text), language):
        assert 0 <= found.start <= found.end <= len(text)
        assert 0 <= found.proposition[0] <= found.proposition[1] <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["de", "en"]))
def test_detector_never_crashes_on_arbitrary_text(text: str, language: str) -> None:
    for found in assessments_in_sentence(text, 0, len(text), language):
        assert 0 <= found.start <= found.end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "Russian TV outlets claimed that cities are being looted, likely to set conditions for escalation.",
        "Peskov said that Putin will observe the exercises from Moscow, likely the NDCC.",
        "The Russian forces reported as engaging are probably insufficient to attack.",
    ],
)
def test_writers_gloss_on_a_report_is_not_reported_speech(text: str) -> None:
    assert _one(text).speech is None


def test_modal_in_the_analysts_own_report_counts() -> None:
    text = "ISW warned on March 9 that the Kremlin may conduct a false-flag attack."
    assert _one(text).kind == "modal"
