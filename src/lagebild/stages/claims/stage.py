"""The claim stage: ``lagebild.claims.v1`` — who said what, when, and how it is reported.

Per sentence, ``detect`` finds the cue, mode and content; ``speaker`` attaches the
speaker (entity, resolved pronoun or noun phrase).  The statement date is a time
expression of the clause outside the content ("sagte am Montag"), else the ticker
block's stamp, else the document date.  The stance looks for the reporter's cues in
the claim's sentence and the next one ("offered no evidence", "falsely claimed",
"lassen sich nicht unabhängig überprüfen").
"""

from __future__ import annotations

import bisect
import re
from bisect import bisect_right
from dataclasses import replace

from lagebild.pipeline import Stage, register_stage
from lagebild.records import Claim, Document, Span, TimeExpression
from lagebild.stages.claims import cues as c
from lagebild.stages.claims.continuation import continuation, fragment, sentence_units
from lagebild.stages.claims.detect import claims_in_sentence
from lagebild.stages.claims.found import Found, trimmed
from lagebild.stages.claims.mentions import Mentions
from lagebild.stages.claims.naming import Speaker, named
from lagebild.stages.claims.speaker import citing, speaker_of
from lagebild.stages.dates import fallback_date


@register_stage(
    "lagebild.claims.v1",
    requires=["text", "language", "sentences", "entities", "times"],
    assigns=["claims"],
)
def make_claims() -> Stage:
    """Find reported speech in German and English text."""

    def claims(document: Document) -> Document:
        language = document.language or "en"
        mentions = Mentions(document)
        times = _Times(document.times)
        starts = [sentence.start for sentence in document.sentences]
        document.claims = []
        last_unit = -2  # the unit of the last claim: continuations need it right before
        units = sentence_units(document.text, document.sentences)
        for unit, (start, end) in enumerate(units):
            found = claims_in_sentence(document.text, start, end, language)
            if not found and language == "de" and _continues(document.claims, last_unit, unit):
                found = [f for f in (continuation(document.text, start, end),) if f]
            found = _with_headline(found, _headline(document.text, start, end, mentions))
            found = _with_antecedent(
                document.text, found, units[unit - 1 : unit], last_unit == unit - 1
            )
            previous = document.claims[-1] if document.claims else None
            for item in found:
                index = max(bisect.bisect_right(starts, start) - 1, 0)
                claim = _claim(document, index, item, language, mentions, times)
                claim = _inherited(document.text, item, claim, previous, last_unit >= unit - 2)
                if _own_voice(claim):
                    continue
                document.claims.append(claim)
                previous = claim
            aside = last_unit == unit - 1 and fragment(document.text, start, end)
            last_unit = unit if found or aside else last_unit
        return document

    return claims


#: "Pistorius: Russlands Rüstungsproduktion …", "Kreml: …": a headline's attribution (after
#: an optional topic label), the speaker named before the colon.
HEADLINE = re.compile(
    r"(?:[^:\n]{1,40}:\s)?([A-ZÄÖÜ][\w-]+(?:\s[A-ZÄÖÜ][\w-]+){0,2}):\s+(?=[A-ZÄÖÜ„»\"])"
)
#: Common nouns that speak in a headline ("Nachrichtenagentur: …", "Experte: …").
SPEAKING_NOUN = re.compile(
    r"(?:Nachrichtenagentur|Agentur|Ministerium|Regierung|Sprecher\w*|Armee|Militär|"
    r"Generalstab|Behörden|Geheimdienst\w*|Polizei|Experten?|Minister\w*)$"
)


def _with_headline(found: list[Found], headline: Found | None) -> list[Found]:
    """A headline's attribution names the speaker of a cue-less claim ("Merz: „…“")."""
    if headline is None or any(item.has_cue for item in found):
        return found
    if not found:
        return [headline]
    return [
        replace(item, cue_start=headline.cue_start, cue_end=headline.cue_end, marker="headline")
        for item in found
    ]


def _headline(text: str, start: int, end: int, mentions: Mentions) -> Found | None:
    headline = HEADLINE.match(text, start, end)
    if headline is None:
        return None
    speakers = [
        m
        for m in mentions.between(*headline.span(1))
        if m.actor
        and not m.entity_id.startswith(("place/", "unk/place/"))
        and (m.start, m.end) == headline.span(1)
    ]
    if not speakers and not SPEAKING_NOUN.search(headline.group(1)):
        return None
    content = trimmed(text, headline.end(), end)
    mode = "direct" if speakers and "person/" in speakers[0].entity_id else "indirect"
    return Found(start, end, headline.start(1), headline.start(1), mode, *content, "headline")


def _with_antecedent(
    text: str, found: list[Found], before: list[tuple[int, int]], claimed_before: bool
) -> list[Found]:
    """ "Das teilte X mit": the sentence before (``before``) is the content, unless it is
    a claim of its own already (then this sentence only names its source again)."""
    if not any(item.marker == "that" for item in found):
        return found
    if not before or claimed_before:
        return [item for item in found if item.marker != "that"]
    content = trimmed(text, *before[0])
    return [
        replace(item, start=before[0][0], content_start=content[0], content_end=content[1])
        if item.marker == "that"
        else item
        for item in found
    ]


def _own_voice(claim: Claim) -> bool:
    """The analyst speaking ("ISW warned …"): the assessments stage's, not a claim."""
    spoken_by = (claim.speaker or "").strip().lower()
    return claim.speaker_id in c.OWN_VOICE or spoken_by in c.OWN_VOICE_WORDS


def _continues(claims: list[Claim], last_unit: int, unit: int) -> bool:
    """Konjunktiv goes on reporting what the sentence right before reported as said
    ("Er warnte vor Angriffen. Russland bereite eine Offensive vor.")."""
    return last_unit == unit - 1 and bool(claims)


def _inherited(
    text: str, found: Found, claim: Claim, previous: Claim | None, recent: bool
) -> Claim:
    """The speaker of the claim before, for a coordinated clause ("… and denied …") and
    for a source named before ("Demnach …", Konjunktiv continuations)."""
    if previous is None:
        return claim
    coordinated = previous.end >= found.start and (
        COORDINATED.match(text, found.start, found.cue_end)
        or GERUND_CLAUSE.fullmatch(text, found.start, found.cue_end)
    )
    if coordinated or (found.marker == "previous" and recent and claim.speaker is None):
        return _with_speaker_of(claim, previous)
    return claim


def _claim(
    document: Document,
    index: int,
    found: Found,
    language: str,
    mentions: Mentions,
    times: _Times,
) -> Claim:
    text = document.text
    reporter = speaker_of(document, found, language, mentions)
    speaker = _cited(document, found, mentions) or reporter
    found = _past_speaker(text, found, speaker.text)
    date, date_source = _date(document, found, times)
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
        **_addressee(document, found, mentions),
        chain=_chain(document, reporter, speaker),
        stance=stance,
        stance_cue=stance_cue,
    )


def _past_speaker(text: str, found: Found, speaker: str | None) -> Found:
    """A reported act's object starts after a subject that follows the verb ("fordert
    Außenministerin Baerbock (Grüne) europäische Anstrengungen")."""
    if found.mode != "reported" or not speaker:
        return found
    head = text[found.content_start : min(found.content_end, found.content_start + 80)]
    at = head.find(speaker)
    if at == -1 or len(head[:at].split()) > 3:
        return found
    after = SPEAKER_TAIL.match(text, found.content_start + at + len(speaker), found.content_end)
    start = after.end() if after else found.content_start + at + len(speaker)
    return replace(found, content_start=start) if found.content_end - start > 3 else found


#: A parenthesis and spaces after a speaker's name ("Baerbock (Grüne) …").
SPEAKER_TAIL = re.compile(r"(?:\s*\([^)]{1,40}\))?\s*")


#: A clause that continues the previous one's subject: "… and falsely claimed …" (but not
#: "… and Peskov denied …", which names its own).
COORDINATED = re.compile(r",?\s*(?:and|und|but|aber)\s+(?:\w+ly\s+|also\s+|auch\s+)?[a-zäöü]")


#: A participle clause of speech: "…, claiming that …" shares the main clause's subject.
GERUND_CLAUSE = re.compile(r",\s(?:\w+ly\s)?\w+ing")


def _with_speaker_of(claim: Claim, previous: Claim) -> Claim:
    chain = [*claim.chain[:-1], previous.speaker] if previous.speaker else claim.chain
    return claim.model_copy(
        update={"speaker": previous.speaker, "speaker_id": previous.speaker_id, "chain": chain}
    )


def _addressee(document: Document, found: Found, mentions: Mentions) -> dict[str, str | None]:
    """The entity right after "told", "gegenüber", "in an interview with" in the clause."""
    for marker in c.ADDRESSEE.finditer(document.text, found.start, found.end):
        if found.content_start <= marker.start() < found.content_end:
            continue
        nearby = mentions.between(marker.end(), marker.end() + 26)
        if nearby:
            return {"addressee": nearby[0].text, "addressee_id": nearby[0].entity_id}
    return {"addressee": None, "addressee_id": None}


def _cue(text: str, found: Found) -> str | None:
    """The cue as a reader names it: particle verbs with their particle ("kündigte an");
    none for a Konjunktiv continuation or reportative "sollen"."""
    if not found.has_cue:
        return None
    word = text[found.cue_start : found.cue_end].strip()
    particle = c.ALL_PARTICLES_DE.get(word)
    clause = text[found.cue_end : found.end]
    if particle and re.search(rf"\b{particle}\b", clause):
        return f"{word} {particle}"
    return word


class _Times:
    """The document's time expressions in text order, looked up by offset (bisect)."""

    def __init__(self, times: list[TimeExpression]) -> None:
        self.items = sorted(times, key=lambda time: time.start)
        self.starts = [time.start for time in self.items]

    def between(self, low: int, high: int) -> list[TimeExpression]:
        return self.items[
            bisect.bisect_left(self.starts, low) : bisect.bisect_left(self.starts, high)
        ]


def _date(document: Document, found: Found, times: _Times) -> tuple[str | None, str]:
    """A date of the clause outside the content ("sagte am Montag"), else the ticker
    block's stamp, else the document date."""
    for time in times.between(found.start, found.end):
        in_content = found.content_start <= time.start < found.content_end
        if not in_content and time.type in ("DATE", "TIME") and time.value:
            return time.value, "sentence"
    return fallback_date(document, found.start)


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
    # The claim's own sentence: a claim joined across sentences (a long quotation, a
    # continuation) may start after the sentence it was found from.
    starts = [sentence.start for sentence in document.sentences]
    first = max(index, bisect_right(starts, found.start) - 1)
    sentences = document.sentences[first : first + 2]
    own_end = max(sentences[0].end, found.start) if sentences else found.end
    for span in (Span(start=found.start, end=own_end), *sentences[1:]):
        disputed = c.STANCE["disputed"].search(text, span.start, span.end)
        if disputed:
            return "disputed", disputed.group().strip()
    supported = c.STANCE["supported"].search(text, found.start, own_end)
    if supported:
        return "supported", supported.group().strip()
    weak = c.WEAK_STANCE.search(text, *near)
    return ("disputed", weak.group()) if weak else ("neutral", None)


def _cited(document: Document, found: Found, mentions: Mentions) -> Speaker | None:
    """ "Reuters berichtete unter Berufung auf Militärkreise": the cited source speaks."""
    cited = citing(document.text, found.start, found.end)
    if cited is None:
        return None
    start = document.text.find(cited, found.start, found.end)
    inside = [m for m in mentions.between(start, start + len(cited)) if m.actor]
    if inside:
        return Speaker(cited, inside[0].entity_id, "cited")
    phrase = named(document, mentions, start, start + len(cited))  # "die Politikerin"
    return Speaker(cited, phrase.entity_id, "cited")


def _chain(document: Document, reporter: Speaker, speaker: Speaker) -> list[str]:
    """The document's source → the reporting intermediary → the speaker."""
    source = document.author or document.title or document.source or None
    links = [source, reporter.text if reporter is not speaker else None, speaker.text]
    return [link for link in links if link]
