"""Claims over whole documents: mode, speaker, cue, content, date and stance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import lagebild
from lagebild.records import Claim, Document

CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus"
SEED = CORPUS / "seed" / "isw-update-301-de.txt"


def _claims(text: str, language: str = "de") -> list[Claim]:
    document = Document(raw_text=text, language=language, published=date(2022, 12, 20))
    return lagebild.analyze_document(document).claims


@pytest.mark.parametrize(
    ("text", "language", "mode", "speaker", "cue", "content"),
    [
        (
            "Putin kündigte an, dass Belarus neue Raketen erhalte.",
            "de",
            "indirect",
            "person/vladimir-putin",
            "kündigte an",
            "Belarus neue Raketen erhalte",
        ),
        (
            "Die Lage an der Grenze sei stabil, sagte Lukaschenko.",
            "de",
            "indirect",
            "person/alexander-lukashenko",
            "sagte",
            "Die Lage an der Grenze sei stabil",
        ),
        (
            "Putin erklärte, beide Führer hätten die Verteidigung erörtert.",
            "de",
            "indirect",
            "person/vladimir-putin",
            "erklärte",
            "beide Führer hätten die Verteidigung erörtert",
        ),
        (
            "„Wir werden niemals angreifen, das ist klar“, sagte Lukaschenko.",
            "de",
            "direct",
            "person/alexander-lukashenko",
            "sagte",
            "Wir werden niemals angreifen, das ist klar",
        ),
        (
            "Zelensky claimed that Russia was preparing to bomb Odesa.",
            "en",
            "indirect",
            "person/volodymyr-zelensky",
            "claimed",
            "Russia was preparing to bomb Odesa",
        ),
    ],
)
def test_modes_speakers_and_content(
    text: str, language: str, mode: str, speaker: str, cue: str, content: str
) -> None:
    (claim,) = _claims(text, language)
    assert (claim.mode, claim.speaker_id, claim.cue, claim.content) == (
        mode,
        speaker,
        cue,
        content,
    )


def test_source_marker_laut() -> None:
    (claim,) = _claims("Laut Lukaschenko wird Russland S-400 liefern.")
    assert (claim.mode, claim.speaker_id, claim.cue) == (
        "indirect",
        "person/alexander-lukashenko",
        "Laut",
    )
    assert claim.content == "wird Russland S-400 liefern"


def test_particle_verb_without_particle_is_no_cue() -> None:
    assert _claims("Die Ukraine teilte das Land in zwei Zonen.") == []


def test_participle_after_article_is_no_cue() -> None:
    assert _claims("Die behaupteten Angriffe blieben aus.") == []


def test_scare_quotes_are_not_direct_speech() -> None:
    (claim,) = _claims("Putin sagte, die Lage sei „eskalierend“.")
    assert claim.mode == "indirect"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Mizintsev falsely claimed that Ukraine shelled the corridor.", "refuted"),
        (
            "Zelensky claimed that Russia was preparing an attack, although he offered no evidence.",
            "disputed",
        ),
        ("Peskov said that talks would continue.", "neutral"),
    ],
)
def test_stance(text: str, stance: str) -> None:
    assert _claims(text, "en")[0].stance == stance


def test_statement_date_from_the_clause_not_the_content() -> None:
    (claim,) = _claims("Lukaschenko sagte am 19. Dezember, Russland werde am 1. März liefern.")
    assert (claim.date, claim.date_source) == ("2022-12-19", "sentence")


def test_date_falls_back_to_the_document() -> None:
    (claim,) = _claims("Putin sagte, Russland werde liefern.")
    assert (claim.date, claim.date_source) == ("2022-12-20", "document")


def test_pronoun_speaker_is_resolved() -> None:
    claims = _claims("Putin reiste nach Minsk. Dort sagte er, Belarus sei ein Verbündeter.")
    assert (claims[-1].speaker, claims[-1].speaker_id) == ("er", "person/vladimir-putin")


def test_addressee() -> None:
    (claim,) = _claims("Peskov told Reuters that talks would continue.", "en")
    assert (claim.addressee, claim.addressee_id) == ("Reuters", "org/reuters")


def test_attribution_chain_through_an_intermediary() -> None:
    document = Document(
        raw_text="Reuters berichtete unter Berufung auf ukrainische Militärkreise, die Brücke sei zerstört.",
        language="de",
        source="agentur.txt",
        published=date(2022, 12, 20),
    )
    (claim,) = lagebild.analyze_document(document).claims
    assert claim.speaker == "ukrainische Militärkreise"
    assert claim.chain == ["agentur.txt", "Reuters", "ukrainische Militärkreise"]


def test_medium() -> None:
    (claim,) = _claims("Selenskyj erklärte auf Telegram, die Front halte.")
    assert claim.medium == "auf Telegram"


@pytest.mark.corpus
@pytest.mark.skipif(not SEED.exists(), reason="../shared/corpus is not beside the project")
def test_seed_claims() -> None:
    document = lagebild.analyze(SEED, published=date(2022, 12, 20))
    found = {(c.speaker_id, c.mode, c.cue): c for c in document.claims}
    aircrews = found["person/vladimir-putin", "indirect", "kündigte an"]
    assert "Munition mit speziellen Sprengköpfen" in aircrews.content
    delivery = found["person/alexander-lukashenko", "indirect", "hingewiesen"]
    assert "S-400" in delivery.content and "Iskander" in delivery.content
    defence = found["person/vladimir-putin", "indirect", "erklärte"]
    assert "hätten" in defence.content
    hints = found["person/alexander-lukashenko", "reported", "Andeutungen"]
    assert hints.date == "2022-02-17"


ISW_0306 = CORPUS / "isw-en" / "2022-03-06-ukraine-invasion-update-16.md"


@pytest.mark.corpus
@pytest.mark.skipif(not ISW_0306.exists(), reason="../shared/corpus is not beside the project")
def test_isw_2022_03_06_claims_and_stances() -> None:
    document = lagebild.analyze(ISW_0306)
    zelensky = [c for c in document.claims if c.speaker_id == "person/volodymyr-zelensky"]
    odesa = next(c for c in zelensky if "Odesa" in c.content)
    assert (odesa.stance, odesa.stance_cue) == ("disputed", "offered no evidence")
    mizintsev = [c for c in document.claims if "Mizintsev" in (c.speaker or "")]
    assert any(c.stance == "refuted" and c.cue == "claimed" for c in mizintsev)


def _speakers(text: str, language: str = "de") -> list[tuple[str | None, str | None, str | None]]:
    return [(c.speaker, c.speaker_id, c.cue) for c in _claims(text, language)]


def test_konjunktiv_continuation_keeps_the_speaker() -> None:
    text = "Putin sagte, Russland werde liefern. Die Lieferung erfolge noch in diesem Jahr."
    assert _speakers(text)[-1] == ("Putin", "person/vladimir-putin", None)


def test_continuation_needs_the_claim_right_before() -> None:
    text = "Putin sagte, Russland werde liefern. Es regnete. Die Lieferung erfolge bald."
    assert len(_claims(text)) == 1


def test_demnach_takes_the_source_named_before() -> None:
    text = "Laut Selenskyj ist die Lage schwierig. Die Front halte demnach noch."
    assert _speakers(text)[-1][1:] == ("person/volodymyr-zelensky", "demnach")


def test_quotation_over_sentences_is_one_direct_claim() -> None:
    text = "„Wir haben einen Plan. Wir werden ihn umsetzen“, sagte Selenskyj."
    (claim,) = _claims(text)
    assert (claim.mode, claim.speaker_id, claim.content) == (
        "direct",
        "person/volodymyr-zelensky",
        "Wir haben einen Plan. Wir werden ihn umsetzen",
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Der Gouverneur von Kaluga, Wladislaw Schapscha, erklärte, das Feuer sei gelöscht.",
            "Wladislaw Schapscha",
        ),
        (
            "Das Feuer sei gelöscht, sagte der Gouverneur von Kaluga, Wladislaw Schapscha, dem Sender.",
            "Wladislaw Schapscha",
        ),
        (
            "Zuvor hatte die ukrainische Staatsführung diesen Schritt angekündigt.",
            "die ukrainische Staatsführung",
        ),
        (
            "Wie der Generalstab auf Facebook mitteilt, toben noch immer Gefechte.",
            "der Generalstab",
        ),
        (
            "In der Oblast Kaluga ist einem Medienbericht zufolge eine Raffinerie in Brand geraten.",
            "Medienbericht",
        ),
    ],
)
def test_german_speaker_by_position(text: str, speaker: str) -> None:
    assert _speakers(text)[0][0] == speaker


def test_a_place_in_a_genitive_is_not_the_speaker() -> None:
    text = "Das Verteidigungsministerium der Ukraine hatte den Schritt angekündigt."
    assert _speakers(text)[0][1] != "place/ukraine"


def test_definite_noun_phrase_takes_the_entity_of_an_earlier_mention() -> None:
    text = (
        "Das ukrainische Verteidigungsministerium verlegte Truppen. "
        "Die Angriffe würden abgewehrt, begründet das Ministerium die Maßnahmen."
    )
    assert _speakers(text)[-1][1] == "org/ukrainian-defence-ministry"


def test_epithet_refers_back_to_the_last_person_speaker() -> None:
    text = "Pistorius sagte, Russland rüste auf. Der SPD-Politiker sagte, das sei gefährlich."
    assert _speakers(text)[-1][1] == "person/boris-pistorius"


def test_headline_attribution() -> None:
    (claim,) = _claims("Pistorius: Russlands Rüstung übersteigt den Bedarf\n")
    assert (claim.speaker_id, claim.cue, claim.content) == (
        "person/boris-pistorius",
        None,
        "Russlands Rüstung übersteigt den Bedarf",
    )


def test_english_coordinated_clause_with_its_own_subject() -> None:
    text = (
        "Podolyak said that talks could take days, and Peskov denied that a ceasefire is planned."
    )
    assert [s[1] for s in _speakers(text, "en")] == [
        "person/mykhailo-podolyak",
        "person/dmitry-peskov",
    ]


def test_english_coordinated_clause_shares_the_subject() -> None:
    text = "Medvedev stated that sanctions are temporary and claimed that the West will suffer."
    assert [s[1] for s in _speakers(text, "en")] == ["person/dmitry-medvedev"] * 2


def test_reportedly_names_no_speaker() -> None:
    text = "Putin said that talks would continue. Many participants reportedly left early."
    assert _speakers(text, "en")[-1] == (None, None, "reportedly")


def test_name_in_a_prepositional_phrase_is_not_the_speaker() -> None:
    text = (
        "The Kremlin set conditions for an attack in Ukraine by promoting false claims of biolabs."
    )
    (claim,) = _claims(text, "en")
    assert (claim.speaker_id, claim.cue, claim.mode) == ("org/kremlin", "promoting", "reported")


def test_demonstrative_report_takes_the_sentence_before() -> None:
    text = (
        "Norwegen und die Ukraine arbeiten enger zusammen. Das teilte Selenskyj auf Facebook mit."
    )
    (claim,) = _claims(text)
    assert (claim.content, claim.speaker_id, claim.cue) == (
        "Norwegen und die Ukraine arbeiten enger zusammen",
        "person/volodymyr-zelensky",
        "teilte mit",
    )


def test_demonstrative_report_after_a_claim_adds_no_second_claim() -> None:
    text = "Laut Reuters brennt eine Raffinerie. Das meldet auch die Agentur Tass."
    assert len(_claims(text)) == 1


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Der Minister äußerte sich am Montag in Berlin.", 0),
        ("Der Minister äußerte sich auf X: „Wir stehen an der Seite der Ukraine.“", 1),
    ],
)
def test_aeussern_needs_what_was_said(text: str, count: int) -> None:
    assert len(_claims(text)) == count


@pytest.mark.parametrize(
    "text",
    [
        "ISW hält eine Offensive für unwahrscheinlich.",
        "ISW assessed that Russian forces will likely fail, and ISW warned that the attack stalls.",
    ],
)
def test_the_analysts_own_voice_is_no_claim(text: str) -> None:
    language = "en" if "assessed" in text else "de"
    assert _claims(text, language) == []


@pytest.mark.parametrize(
    ("text", "speaker_id"),
    [
        (
            "Zuvor hatte das Verteidigungsministerium der Ukraine den Schritt angekündigt.",
            "org/ukrainian-defence-ministry",
        ),
        ("Laut dem Generalstab der Ukraine wurden Dörfer geräumt.", "org/ukrainian-general-staff"),
    ],
)
def test_a_national_body_named_by_head_and_country(text: str, speaker_id: str) -> None:
    assert _speakers(text)[0][1] == speaker_id


def test_statement_date_is_the_first_date_of_the_clause() -> None:
    (claim,) = _claims("Am 3. Januar sagte Putin, Russland werde am 1. März liefern.")
    assert (claim.date, claim.date_source) == ("2023-01-03", "sentence")


WEIDEL = CORPUS / "news-de" / "2024-10-09-alice-weidel.md"


@pytest.mark.corpus
@pytest.mark.skipif(not WEIDEL.exists(), reason="../shared/corpus is not beside the project")
def test_claim_joined_across_sentences_keeps_its_stance_window_ordered() -> None:
    # A claim found from one sentence started after that sentence's end (it was joined
    # across sentences); its stance window used to end before it began.
    document = lagebild.analyze(WEIDEL)
    assert document.claims
    assert all(c.start <= c.end for c in document.claims)


def test_person_after_the_verb_beats_names_in_a_prepositional_prefield() -> None:
    text = (
        "Nach dem Telefonat von Kanzler Olaf Scholz (SPD) mit Kreml-Chef Wladimir Putin fordert "
        "Außenministerin Annalena Baerbock (Grüne) europäische Anstrengungen."
    )
    assert _speakers(text)[0][1] == "person/annalena-baerbock"


def test_feminine_epithet_refers_back_to_the_person_who_spoke() -> None:
    text = (
        "Annalena Baerbock sagte, Europa sei gefragt. "
        "„Wir müssen jetzt gemeinsam handeln und helfen“, sagte die Grünen-Politikerin."
    )
    assert [speaker[1] for speaker in _speakers(text)] == [
        "person/annalena-baerbock",
        "person/annalena-baerbock",
    ]


def test_a_verbless_aside_does_not_end_a_konjunktiv_report() -> None:
    text = (
        "Das Institut teilte mit, die Gesellschaft habe sich konsolidiert. "
        "78 Prozent stünden hinter dem Kurs. Tendenz steigend. "
        "Die Befragten hätten sehr gern geantwortet."
    )
    assert [claim.mode for claim in _claims(text)] == ["indirect"] * 3


def test_reported_object_starts_after_a_subject_behind_the_verb() -> None:
    text = "Nach dem Telefonat fordert Außenministerin Annalena Baerbock (Grüne) mehr Hilfe."
    assert _claims(text)[0].content == "mehr Hilfe"


def test_coordinated_speakers_name_the_first() -> None:
    text = (
        "Volodymyr Zelensky and Foreign Minister Dmytro Kuleba stated on March 22 that Ukraine "
        "must regain control of Crimea, refuting Russian claims that Kyiv would discuss it."
    )
    (claim,) = _claims(text, "en")[:1]
    assert (claim.speaker_id, claim.content) == (
        "person/volodymyr-zelensky",
        "Ukraine must regain control of Crimea",
    )


def test_speech_participle_clause_is_a_claim_of_the_main_subject() -> None:
    text = (
        "Kremlin Spokesperson Dmitry Peskov said on April 1 that Russia will delay the decree, "
        "claiming the procedure would be a long and time-consuming process."
    )
    claims = _claims(text, "en")
    assert [(c.cue, c.speaker_id, c.content) for c in claims] == [
        ("said", "person/dmitry-peskov", "Russia will delay the decree"),
        (
            "claiming",
            "person/dmitry-peskov",
            "the procedure would be a long and time-consuming process",
        ),
    ]


def test_the_reporters_set_phrase_is_no_continuation() -> None:
    text = (
        "Putin sagte, Russland werde liefern. "
        "Es sei daran erinnert, dass Russland schon früher Waffen geliefert hatte."
    )
    assert len(_claims(text)) == 1


def test_the_quoted_object_speaks_and_the_quoting_agency_is_the_intermediary() -> None:
    text = (
        "Die Gespräche seien normal, zitiert Tass den russischen Vizeaußenminister Sergej Rjabkow."
    )
    (claim,) = _claims(text)
    assert (claim.speaker, claim.chain[0]) == (
        "den russischen Vizeaußenminister Sergej Rjabkow",
        "Tass",
    )
