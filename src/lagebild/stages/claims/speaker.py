"""Who is speaking: the entity, pronoun or noun phrase a claim's cue attaches to.

German puts the speaker after a sentence-initial cue ("sagte Putin", "teilte der
Generalstab mit") and before it otherwise; English mostly before ("Russian
milbloggers claimed") and after in inverted quotes ("said Peskov").  Entity mentions
are preferred to bare noun phrases; a pronoun next to the cue goes through the
entities stage's resolver.  Source markers take the phrase they introduce ("laut
dem ukrainischen Generalstab").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lagebild.records import Document, EntityType, Span
from lagebild.stages.claims.detect import Found
from lagebild.stages.entities.coref import Antecedent, pronoun_gender, resolve_pronoun

#: How far (characters) a speaker may stand from its cue.
REACH = 80
NOUN_PHRASE_DE = re.compile(r"\s*((?:der|die|das|des|dem|den)\s(?:[\w-]+\s){0,4}?[A-ZÄÖÜ][\w-]+)")
WORDS_BEFORE_EN = re.compile(r"((?:[\w'’-]+\s){1,6})$")
ADDRESSING = re.compile(r"(?:told|tells|telling)$")
CITING = re.compile(
    r"\b(?:unter Berufung auf|citing|quoting|zitiert(?:e)?)\s+((?:[\w'’-]+\s?){1,6})"
)


@dataclass(frozen=True)
class Speaker:
    text: str | None
    entity_id: str | None
    via: str


def speaker_of(document: Document, found: Found, language: str) -> Speaker:
    """The speaker of ``found``; ``Speaker(None, None, "unknown")`` when none is in reach."""
    mentions = _candidates(document, found)
    if found.source_marker:
        after = [m for m in mentions if found.cue_end <= m[0] < found.cue_end + REACH]
        if after:
            return _entity(document, after[0])
        return _phrase_after(document.text, found.cue_end, found.end)
    pronoun = _pronoun_near(document, found)
    if pronoun is not None:
        return pronoun
    return _by_position(document, found, mentions, language)


def _candidates(document: Document, found: Found) -> list[tuple[int, int, str, str]]:
    """(start, end, entity id, name) of actor mentions in the sentence, outside the content."""
    return sorted(
        (mention.start, mention.end, entity.id, entity.name)
        for entity in document.entities
        if entity.type in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE)
        for mention in entity.mentions
        if min(found.start, found.sentence_start or found.start) <= mention.start < found.end
        and not (found.content_start <= mention.start < found.content_end)
        and mention.kind in ("name", "role", "compound")
    )


def _by_position(
    document: Document, found: Found, mentions: list[tuple[int, int, str, str]], language: str
) -> Speaker:
    """German: the subject opening the clause, or the name right after a fronted cue
    ("sagte Putin"); English: the nearest name before the cue, else right after it."""
    text = document.text
    after = [m for m in mentions if m[0] >= found.cue_end and _adjacent(text, found.cue_end, m[0])]
    if ADDRESSING.match(text[found.cue_start : found.cue_end]):
        after = []  # "told CNN": the name after the cue is the addressee
    before = [m for m in mentions if m[1] <= found.cue_start]
    in_clause = [m for m in before if m[0] >= found.start]
    if in_clause:
        return _entity(document, in_clause[0] if language == "de" else in_clause[-1])
    if after:
        return _entity(document, after[0])
    if before:  # a subject shared with an earlier clause ("…, sondern wiesen", "and claimed")
        return _entity(document, before[0])
    if language == "de":
        return _phrase_after(text, found.cue_end, found.end)
    return _phrase_before(text, found.start, found.cue_start)


def _adjacent(text: str, position: int, start: int) -> bool:
    """Only a few words (articles, titles, adjectives) and no comma between cue and name."""
    between = text[position:start]
    return "," not in between and len(between.split()) <= 4


def _entity(document: Document, mention: tuple[int, int, str, str]) -> Speaker:
    return Speaker(document.text[mention[0] : mention[1]], mention[2], "entity")


def _pronoun_near(document: Document, found: Found) -> Speaker | None:
    """A pronoun right before or right after the cue ("er sagte", "sagte er", "he said")."""
    text = document.text
    before = re.search(r"\b(\w+)\s+$", text[max(found.cue_start - 20, 0) : found.cue_start])
    after = re.match(r"\s+(\w+)\b", text[found.cue_end : found.cue_end + 20])
    for match, offset in ((after, found.cue_end), (before, max(found.cue_start - 20, 0))):
        if match is None or pronoun_gender(match.group(1)) is None:
            continue
        start = offset + match.start(1)
        if found.content_start <= start < found.content_end:
            continue
        resolved = resolve_pronoun(document, Span(start=start, end=start + len(match.group(1))))
        if isinstance(resolved, Antecedent):
            return Speaker(match.group(1), resolved.entity.id, "pronoun")
    return None


def _phrase_after(text: str, position: int, end: int) -> Speaker:
    match = NOUN_PHRASE_DE.match(text, position, end)
    if match:
        return Speaker(match.group(1).strip(" .,:"), None, "phrase")
    words: list[str] = []
    for word in text[position:end].split(",")[0].split()[:6]:
        if word[:1].islower() and words:
            break  # "Kovalenko demnach auf Telegram": the phrase ends at the adverb
        words.append(word.strip(" .,:;"))
    phrase = " ".join(w for w in words if w)
    if not phrase or phrase[:1].islower():
        return Speaker(None, None, "unknown")
    return Speaker(phrase, None, "phrase")


def _phrase_before(text: str, start: int, cue_start: int) -> Speaker:
    head = re.split(r"[,;:]|\band\b|\s[-–—]\s|^\s*[-–—*]\s", text[start:cue_start])[-1]
    match = WORDS_BEFORE_EN.search(head.strip() + " ")
    phrase = match.group(1).strip() if match else ""
    return Speaker(phrase or None, None, "phrase" if phrase else "unknown")


def citing(text: str, start: int, end: int) -> str | None:
    """The source a speaker cites: "Reuters berichtete unter Berufung auf Militärkreise"."""
    match = CITING.search(text, start, end)
    return match.group(1).strip(" ,.") if match else None
