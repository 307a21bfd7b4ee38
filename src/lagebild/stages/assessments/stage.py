"""The assessment stage: ``lagebild.assessments.v1`` — who judges what how likely.

Per sentence, ``detect`` finds estimative terms, their explicit frames ("ISW assesses
that", "Das ISW hält … für") and the judged clause; this module names the assessor:

- explicit: the frame's subject, an entity where a mention covers it ("we"/"wir" is
  the document's author);
- speaker: a term in reported speech belongs to the speaker (the nearest entity
  mention before the speech cue, else right after it: "laut Peskov", "said Peskov");
  a speaker who is the document's own voice (the author's entity, "ISW") is explicit;
- author: otherwise the judgement is the writer's — the document's ``author``.

Entities whose mentions fall inside the proposition (outside the phrase and the
assessor) are linked by id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.pipeline import Stage, register_stage
from lagebild.records import Assessment, Document
from lagebild.stages.assessments.detect import Found, assessments_in_sentence


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity_id: str
    text: str
    type: str
    kind: str


@dataclass(frozen=True)
class _Assessor:
    name: str | None
    entity_id: str | None
    source: str


@register_stage(
    "lagebild.assessments.v1",
    requires=["text", "language", "sentences", "entities"],
    assigns=["assessments"],
)
def make_assessments() -> Stage:
    """Find estimative language (ICD 203 terms, modals, assessment verbs), German and English."""

    def assessments(document: Document) -> Document:
        mentions = _mentions(document)
        spans = [(m.start, m.end) for m in mentions]
        author = _author(document, mentions)
        document.assessments = []
        for sentence in document.sentences:
            for found in assessments_in_sentence(
                document.text, sentence.start, sentence.end, document.language or "en", spans
            ):
                assessor = _assessor(document, found, mentions, author, sentence.start)
                document.assessments.append(_record(document.text, found, assessor, mentions))
        return document

    return assessments


def _mentions(document: Document) -> list[_Mention]:
    found = [
        _Mention(m.start, m.end, entity.id, m.text, entity.type.value, m.kind)
        for entity in document.entities
        for m in entity.mentions
        if m.kind != "pronoun"
    ]
    return sorted(found, key=lambda m: (m.start, -m.end))


def _author(document: Document, mentions: list[_Mention]) -> _Assessor:
    """The document's author, linked to an entity whose mention the author line names."""
    name = document.author
    if not name:
        return _Assessor(None, None, "author")
    agents = [m for m in mentions if m.type in ("ORGANIZATION", "PERSON")]
    for mention in sorted(agents, key=lambda m: -len(m.text)):
        if re.search(rf"(?<!\w){re.escape(mention.text)}(?!\w)", name):
            return _Assessor(name, mention.entity_id, "author")
    return _Assessor(name, None, "author")


def _assessor(
    document: Document,
    found: Found,
    mentions: list[_Mention],
    author: _Assessor,
    sentence_start: int,
) -> _Assessor:
    frame = found.frame
    if frame and frame.subject:
        if frame.first_person:
            return _Assessor(author.name, author.entity_id, "explicit")
        return _named(document.text, frame.subject, mentions, "explicit")
    if found.speech:
        speaker = _speaker(found.speech, mentions, sentence_start)
        own_voice = speaker.entity_id is not None and speaker.entity_id == author.entity_id
        if own_voice or (speaker.name or "") in ("ISW", "we", "We", "wir", "Wir"):
            return _Assessor(speaker.name, speaker.entity_id, "explicit")
        return speaker
    return author


def _named(text: str, span: tuple[int, int], mentions: list[_Mention], source: str) -> _Assessor:
    """An assessor named by ``span``: the entity of a mention inside it, else the text."""
    inside = [m for m in mentions if span[0] <= m.start and m.end <= span[1]]
    if inside:
        return _Assessor(inside[-1].text, inside[-1].entity_id, source)
    return _Assessor(" ".join(text[span[0] : span[1]].split()), None, source)


def _speaker(cue: tuple[int, int], mentions: list[_Mention], sentence_start: int) -> _Assessor:
    """The nearest mention before the speech cue in its sentence, else the one just after.

    Nationality adjectives are not speakers: "Russian TV outlets claimed" is not Russia."""
    mentions = [m for m in mentions if m.kind != "nationality"]
    before = [m for m in mentions if sentence_start <= m.start and m.end <= cue[0]]
    if before:
        return _Assessor(before[-1].text, before[-1].entity_id, "speaker")
    after = [m for m in mentions if cue[1] <= m.start <= cue[1] + 20]
    if after:
        return _Assessor(after[0].text, after[0].entity_id, "speaker")
    return _Assessor(None, None, "speaker")


def _record(text: str, found: Found, assessor: _Assessor, mentions: list[_Mention]) -> Assessment:
    term, phrase = found.term, found.phrase
    start, end = found.proposition
    return Assessment(
        start=found.start,
        end=found.end,
        assessor=assessor.name,
        assessor_id=assessor.entity_id,
        assessor_source=assessor.source,
        proposition=_without(text, found.proposition, phrase),
        proposition_start=start,
        proposition_end=end,
        phrase=" ".join(text[phrase[0] : phrase[1]].split()) if phrase else "",
        phrase_start=phrase[0] if phrase else None,
        phrase_end=phrase[1] if phrase else None,
        cue=_cue(text, found),
        term=found.lexeme.phrase if found.lexeme else None,
        kind=found.kind,
        label=term.label if term else None,
        category=term.category if term else None,
        probability=term.band if term else None,
        point=term.point if term else None,
        stix_confidence=term.stix if term else None,
        negated=found.negated,
        confidence=found.confidence,
        continuity=found.continuity,
        continuity_cue=found.continuity_cue,
        entity_ids=_entities(found, mentions, assessor),
    )


def _without(text: str, span: tuple[int, int], phrase: tuple[int, int] | None) -> str:
    """The proposition's words, the estimative phrase cut out."""
    if phrase and span[0] <= phrase[0] and phrase[1] <= span[1]:
        words = text[span[0] : phrase[0]] + " " + text[phrase[1] : span[1]]
    else:
        words = text[span[0] : span[1]]
    return " ".join(words.split())


def _cue(text: str, found: Found) -> str | None:
    if found.frame:
        return " ".join(text[found.frame.start : found.frame.end].split())
    if found.speech:
        return text[found.speech[0] : found.speech[1]]
    return None


def _entities(found: Found, mentions: list[_Mention], assessor: _Assessor) -> list[str]:
    start, end = found.proposition
    phrase = found.phrase or (0, 0)
    ids: list[str] = []
    for mention in mentions:
        inside = start <= mention.start and mention.end <= end
        in_phrase = phrase[0] <= mention.start < phrase[1]
        if inside and not in_phrase and mention.entity_id not in ids:
            ids.append(mention.entity_id)
    if assessor.entity_id in ids and found.frame is None:
        ids.remove(assessor.entity_id)  # a speaker named inside the clause is not judged
    return ids
