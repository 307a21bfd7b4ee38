"""The claim stage: ``lagebild.claims.v1`` — who said what, when, and how it is reported.

Per sentence, ``detect`` finds the cue, mode and content; ``speaker`` attaches the
speaker (entity, resolved pronoun or noun phrase).  The statement date is a time
expression of the clause outside the content ("sagte am Montag"), else the ticker
block's stamp, else the document date.  The stance looks for the reporter's cues in
the claim's sentence and the next one ("offered no evidence", "falsely claimed",
"lassen sich nicht unabhängig überprüfen").
"""

from __future__ import annotations

import re

from lagebild.pipeline import Stage, register_stage
from lagebild.records import Claim, Document, Span
from lagebild.stages.claims import cues as c
from lagebild.stages.claims.detect import Found, claims_in_sentence
from lagebild.stages.claims.speaker import Speaker, citing, speaker_of


@register_stage(
    "lagebild.claims.v1",
    requires=["text", "language", "sentences", "entities", "times"],
    assigns=["claims"],
)
def make_claims() -> Stage:
    """Find reported speech in German and English text."""

    def claims(document: Document) -> Document:
        language = document.language or "en"
        document.claims = []
        for index, sentence in enumerate(document.sentences):
            previous: Claim | None = None
            for found in claims_in_sentence(document.text, sentence.start, sentence.end, language):
                claim = _claim(document, index, found, language)
                if previous and COORDINATED.match(document.text, found.start):
                    claim = _with_speaker_of(claim, previous)
                document.claims.append(claim)
                previous = claim
        return document

    return claims


def _claim(document: Document, index: int, found: Found, language: str) -> Claim:
    text = document.text
    reporter = speaker_of(document, found, language)
    speaker = _cited(document, found) or reporter
    date, date_source = _date(document, found)
    stance, stance_cue = _stance(document, index, found)
    medium = c.MEDIUM.search(text, found.start, found.end)
    return Claim(
        start=found.start,
        end=found.end,
        speaker=speaker.text,
        speaker_id=speaker.entity_id,
        cue=_cue(text, found),
        content=text[found.content_start : found.content_end],
        content_start=found.content_start,
        content_end=found.content_end,
        mode=found.mode,
        date=date,
        date_source=date_source,
        medium=medium.group() if medium else None,
        **_addressee(document, found),
        chain=_chain(document, reporter, speaker),
        stance=stance,
        stance_cue=stance_cue,
    )


#: A clause that continues the previous one's subject: "… and falsely claimed …".
COORDINATED = re.compile(r"\s*(?:and|und)\s")


def _with_speaker_of(claim: Claim, previous: Claim) -> Claim:
    chain = [*claim.chain[:-1], previous.speaker] if previous.speaker else claim.chain
    return claim.model_copy(
        update={"speaker": previous.speaker, "speaker_id": previous.speaker_id, "chain": chain}
    )


def _addressee(document: Document, found: Found) -> dict[str, str | None]:
    """The entity right after "told", "gegenüber", "in an interview with" in the clause."""
    for marker in c.ADDRESSEE.finditer(document.text, found.start, found.end):
        if found.content_start <= marker.start() < found.content_end:
            continue
        nearby = [
            (mention.start, mention.text, entity.id)
            for entity in document.entities
            for mention in entity.mentions
            if marker.end() <= mention.start <= marker.end() + 25
        ]
        if nearby:
            _, name, entity_id = min(nearby)
            return {"addressee": name, "addressee_id": entity_id}
    return {"addressee": None, "addressee_id": None}


def _cue(text: str, found: Found) -> str:
    """The cue as a reader names it: particle verbs with their particle ("kündigte an")."""
    word = text[found.cue_start : found.cue_end].strip()
    particle = c.PARTICLE_DE.get(word)
    return f"{word} {particle}" if particle else word


def _date(document: Document, found: Found) -> tuple[str | None, str]:
    for time in document.times:
        inside_clause = found.start <= time.start < found.end
        in_content = found.content_start <= time.start < found.content_end
        if inside_clause and not in_content and time.type in ("DATE", "TIME") and time.value:
            return time.value, "sentence"
    block = _block_anchor(document, found.start)
    if block:
        return block, "block"
    if document.published:
        return document.published.isoformat(), "document"
    return None, "none"


def _block_anchor(document: Document, offset: int) -> str | None:
    blocks = document.metadata.get("time", {}).get("blocks", [])
    current = None
    for block in blocks:
        if block["start"] > offset:
            break
        current = block["anchor"]
    return current


def _stance(document: Document, index: int, found: Found) -> tuple[str, str | None]:
    """The reporter's stance, strongest first.  A refutation ("falsely claimed") must sit
    at the claim's own cue; doubts about evidence ("offered no evidence", "lassen sich
    nicht unabhängig überprüfen") may follow to the end of the next sentence; hedges
    ("angeblich", "allegedly") count next to the cue."""
    text = document.text
    near = (max(found.cue_start - 25, found.start), min(found.cue_end + 25, found.end))
    refuted = c.STANCE["refuted"].search(text, *near)
    if refuted:
        return "refuted", refuted.group().strip()
    sentences = document.sentences[index : index + 2]
    for span in (Span(start=found.start, end=sentences[0].end), *sentences[1:]):
        disputed = c.STANCE["disputed"].search(text, span.start, span.end)
        if disputed:
            return "disputed", disputed.group().strip()
    supported = c.STANCE["supported"].search(text, found.start, sentences[0].end)
    if supported:
        return "supported", supported.group().strip()
    weak = c.WEAK_STANCE.search(text, *near)
    return ("disputed", weak.group()) if weak else ("neutral", None)


def _cited(document: Document, found: Found) -> Speaker | None:
    """ "Reuters berichtete unter Berufung auf Militärkreise": the cited source speaks."""
    cited = citing(document.text, found.start, found.end)
    if cited is None:
        return None
    start = document.text.find(cited, found.start, found.end)
    for entity in document.entities:
        for mention in entity.mentions:
            if start <= mention.start < start + len(cited):
                return Speaker(cited, entity.id, "cited")
    return Speaker(cited, None, "cited")


def _chain(document: Document, reporter: Speaker, speaker: Speaker) -> list[str]:
    """The document's source → the reporting intermediary → the speaker."""
    source = document.author or document.title or document.source or None
    links = [source, reporter.text if reporter is not speaker else None, speaker.text]
    return [link for link in links if link]
