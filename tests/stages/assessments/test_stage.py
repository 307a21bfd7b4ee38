"""The assessment stage over whole documents: assessors, entities, the done-when checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lagebild.records import Document, Entity, EntityType, Mention
from lagebild.stages.assessments.stage import make_assessments
from lagebild.stages.sentences import split_sentences

STAGE = make_assessments()
CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus"
SEED = CORPUS / "seed" / "isw-update-301-de.txt"
ISW_0306 = CORPUS / "isw-en" / "2022-03-06-ukraine-invasion-update-16.md"


def _entity(text: str, entity_id: str, word: str, kind: EntityType) -> Entity:
    mentions = []
    start = text.find(word)
    while start >= 0:
        mentions.append(Mention(start=start, end=start + len(word), text=word))
        start = text.find(word, start + 1)
    return Entity(id=entity_id, name=word, type=kind, mentions=mentions)


def _run(text: str, language: str, author: str | None = None, **names: str) -> Document:
    kinds = {"org": EntityType.ORGANIZATION, "person": EntityType.PERSON}
    entities = [
        _entity(
            text,
            entity_id.replace("_", "/"),
            word,
            kinds.get(entity_id.split("_")[0], EntityType.PLACE),
        )
        for entity_id, word in names.items()
    ]
    document = Document(
        text=text,
        language=language,
        author=author,
        sentences=split_sentences(text, language),
        entities=entities,
    )
    return STAGE(document)


def test_explicit_german_assessor_with_entity_and_proposition() -> None:
    text = "Das ISW hält eine Beteiligung von Belarus am Krieg weiterhin für unwahrscheinlich."
    (found,) = _run(text, "de", org_isw="ISW", place_belarus="Belarus").assessments
    assert (found.assessor, found.assessor_id, found.assessor_source) == (
        "ISW",
        "org/isw",
        "explicit",
    )
    assert (found.label, found.probability, found.stix_confidence) == ("unlikely", (0.2, 0.45), 30)
    assert (found.continuity, found.continuity_cue) == ("reaffirmed", "weiterhin")
    assert found.proposition == "eine Beteiligung von Belarus am Krieg"
    assert found.entity_ids == ["place/belarus"]
    assert found.phrase == "für unwahrscheinlich" and found.term == "unwahrscheinlich"


def test_implicit_assessor_is_the_author_linked_to_an_entity() -> None:
    text = "ISW reported fighting. Russian forces will likely attack Kharkiv."
    document = _run(text, "en", author="ISW Russia Team", org_isw="ISW", place_kharkiv="Kharkiv")
    (found,) = document.assessments
    assert (found.assessor, found.assessor_id, found.assessor_source) == (
        "ISW Russia Team",
        "org/isw",
        "author",
    )
    assert found.entity_ids == ["place/kharkiv"]
    assert found.proposition == "Russian forces will attack Kharkiv"


def test_unknown_author_leaves_the_assessor_empty() -> None:
    (found,) = _run("Russland dürfte angreifen.", "de").assessments
    assert (found.assessor, found.assessor_source) == (None, "author")


def test_first_person_frame_is_the_author() -> None:
    (found,) = _run("We assess that Russia will likely attack.", "en", author="ISW").assessments
    assert (found.assessor, found.assessor_source, found.cue) == ("ISW", "explicit", "We assess")


def test_term_in_reported_speech_belongs_to_the_speaker() -> None:
    text = "Peskov said that a deal with Kyiv is likely."
    (found,) = _run(text, "en", author="ISW", person_peskov="Peskov", place_kyiv="Kyiv").assessments
    assert (found.assessor, found.assessor_id, found.assessor_source, found.cue) == (
        "Peskov",
        "person/peskov",
        "speaker",
        "said",
    )
    assert found.entity_ids == ["place/kyiv"]


def test_speaker_named_after_the_cue() -> None:
    text = "Laut Peskov ist ein Abkommen wahrscheinlich."
    (found,) = _run(text, "de", person_peskov="Peskov").assessments
    assert (found.assessor, found.assessor_source) == ("Peskov", "speaker")


def test_isw_as_speaker_is_an_explicit_assessor() -> None:
    text = "ISW warned on March 9 that the Kremlin is likely setting conditions for a false flag."
    (found,) = _run(text, "en", org_isw="ISW").assessments
    assert (found.assessor, found.assessor_source) == ("ISW", "explicit")


def test_noun_frame_names_the_assessor() -> None:
    text = "Nach Einschätzung des ISW wird Russland vermutlich angreifen."
    (found,) = _run(text, "de", org_isw="ISW", place_russia="Russland").assessments
    assert (found.assessor_id, found.assessor_source, found.label) == (
        "org/isw",
        "explicit",
        "likely",
    )
    assert found.proposition == "wird Russland angreifen"


def test_verb_only_assessment_has_no_probability() -> None:
    text = "ISW assesses with low confidence that Russian forces have encircled Mariupol."
    (found,) = _run(text, "en", org_isw="ISW", place_mariupol="Mariupol").assessments
    assert (found.kind, found.label, found.probability, found.point, found.stix_confidence) == (
        "verb",
        None,
        None,
        None,
        None,
    )
    assert (found.confidence, found.phrase, found.entity_ids) == ("low", "", ["place/mariupol"])


def test_modal_has_the_possible_category_and_no_icd_label() -> None:
    (found,) = _run("Russian forces may be preparing a new axis.", "en").assessments
    assert (found.kind, found.label, found.category, found.probability, found.stix_confidence) == (
        "modal",
        None,
        "possible",
        (0.2, 0.55),
        40,
    )


def test_spans_point_into_the_text() -> None:
    text = "Erster Satz ohne Urteil. Ein Angriff ist nicht unwahrscheinlich."
    (found,) = _run(text, "de").assessments
    assert found.phrase_start is not None and found.phrase_end is not None
    assert text[found.phrase_start : found.phrase_end] == found.phrase == "nicht unwahrscheinlich"
    assert found.negated and found.label == "roughly even chance"
    assert text[found.start : found.end].startswith("Ein Angriff")


def test_document_without_sentences_has_no_assessments() -> None:
    document = STAGE(Document(text="Russland dürfte angreifen.", language="de"))
    assert document.assessments == []


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not SEED.exists(), reason="../shared/corpus is not beside the project")
def test_seed_done_when() -> None:
    import lagebild

    document = lagebild.analyze(SEED, published=date(2022, 12, 20))
    belarus = [
        a for a in document.assessments if "place/belarus" in a.entity_ids and a.label == "unlikely"
    ]
    assert len(belarus) == 1
    (found,) = belarus
    assert (found.assessor_id, found.assessor_source) == ("org/isw", "explicit")
    assert found.probability == (0.2, 0.45)
    assert (found.continuity, found.continuity_cue) == ("reaffirmed", "weiterhin")
    (rhetoric,) = [a for a in document.assessments if "Rhetorik" in a.proposition]
    assert rhetoric.proposition.startswith("Lukaschenko würde seine Rhetorik anpassen")
    assert (rhetoric.phrase, rhetoric.label, rhetoric.probability) == (
        "wahrscheinlich",
        "likely",
        (0.55, 0.8),
    )
    assert "person/alexander-lukashenko" in rhetoric.entity_ids


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.skipif(not ISW_0306.exists(), reason="../shared/corpus is not beside the project")
def test_isw_2022_03_06_done_when() -> None:
    import lagebild

    document = lagebild.analyze(ISW_0306)
    (found,) = [a for a in document.assessments if a.proposition.startswith("Zelensky is right")]
    assert (found.phrase, found.label, found.probability, found.stix_confidence) == (
        "almost certainly",
        "almost certain",
        (0.95, 0.99),
        95,
    )
    assert (found.assessor, found.assessor_id, found.assessor_source) == (
        "ISW Russia Team",
        "org/isw",
        "author",
    )
    assert {"person/volodymyr-zelensky", "place/odesa"} <= set(found.entity_ids)
