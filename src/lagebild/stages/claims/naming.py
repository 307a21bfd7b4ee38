"""Naming a speaker: a noun phrase's entity (a mention in it, an earlier mention with the
same head, the country's body in the knowledge base, the person an epithet refers back to),
and which names cannot be speakers (inside prepositional phrases, genitives, compounds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from lagebild.kb import load_kb
from lagebild.kb.model import Entity
from lagebild.records import Document, EntityType
from lagebild.stages.claims.mentions import Candidate, Mentions, noun_stem

#: Heads of German epithets for a person ("der SPD-Politiker", "der Verteidigungsminister").
PERSON_HEAD = re.compile(
    r"(?:minister|politiker|präsident|sprecher|chef|kommandeur|gouverneur|bürgermeister|"
    r"leiter|kanzler|general|botschafter|berater|abgeordnete|vorsitzende|diplomat|direktor|"
    r"experte|expert|forscher|vertraute|jährige|sekretär|beauftragte)(?:in|s|n|en|r)?$",
    re.IGNORECASE,
)


#: How far back (characters) an epithet looks for its person.
EPITHET_REACH = 1500
#: A name after a preposition (and its article or adjectives) is no subject; nor is a
#: dative or accusative object ("sagte dem Sender").
IN_PHRASE = re.compile(
    r"\b(?:in|im|am|an|auf|aus|bei|mit|nach|seit|von|vom|vor|zu|zum|zur|über|unter|gegen|"
    r"durch|für|um|gegenüber|of|on|at|by|for|from|with|against|into|to|about|toward|towards|"
    r"over|between|dem|den|In|On|At|By|For|From|With)\s+(?:[\w-]+\s+){0,3}$"
)


#: A genitive attribute: a noun, then "der"/"des" ("das Ministerium der Ukraine").
GENITIVE = re.compile(r"\b([A-ZÄÖÜ][\w-]+)\s+(?:der|des)\s+(?:[a-zäöü][\w-]*\s+){0,2}$")
#: Words that open a German prefield that is not the subject (adverbs, prepositions,
#: subordinators): the subject then follows the finite verb.
NOT_SUBJECT = frozenset(
    """in im am an auf aus bei mit nach seit von vom vor zu zum zur über unter gegen durch
    für ohne um während wegen trotz laut infolge zuvor zudem außerdem auch dort dann danach
    später gestern heute bereits jetzt nun damit dazu hierzu so zugleich allerdings aktuell
    derzeit inzwischen zuletzt erst schon noch deshalb daher trotzdem wie als nachdem weil
    da wenn obwohl dass demnach demzufolge zunächst erneut bislang besonders insbesondere
    vor offenbar offenkundig hier darüber dabei dazu davor darauf daraufhin dagegen""".split()
)


@dataclass(frozen=True)
class Speaker:
    text: str | None
    entity_id: str | None
    via: str


UNKNOWN = Speaker(None, None, "unknown")


def governed(text: str, position: int, low: int = 0) -> bool:
    """Whether the word at ``position`` is inside a prepositional phrase or a genitive."""
    window = max(low, position - 40)
    if IN_PHRASE.search(text, window, position):
        return True
    genitive = GENITIVE.search(text, window, position)
    return genitive is not None and genitive.group(1).lower() not in NOT_SUBJECT


def named(document: Document, mentions: Mentions, start: int, end: int) -> Speaker:
    """The phrase ``text[start:end]`` as a speaker: its first actor mention's entity, else
    the entity of an earlier mention with the same head noun, else the bare phrase."""
    text = document.text
    inside = [m for m in mentions.between(start, end) if m.actor]
    phrase = text[start:end]
    head = head_noun(phrase)
    heads = [m for m in inside if not governed(text, m.start, start)]
    if REPORT_HEAD.match(head):  # "Berichten der Nachrichtenagentur Reuters"
        heads = inside
    heads = [m for m in heads if not compound_part(text, m)]
    if heads:
        return Speaker(phrase, heads[0].entity_id, "entity")
    countries = {
        m.entity_id for m in mentions.between(start, end) if m.entity_id.startswith("place/")
    }
    body = _national_body(noun_stem(head), frozenset(countries)) if len(countries) == 1 else None
    if body:  # "das Verteidigungsministerium der Ukraine", "das ukrainische Militär"
        return Speaker(phrase, body, "phrase")
    referent = mentions.same_head(head, before=start)
    if referent is None and EPITHET.match(phrase) and PERSON_HEAD.search(head):
        return Speaker(phrase, _recent_speaker(document, start), "phrase")
    return Speaker(phrase, referent.entity_id if referent else None, "phrase")


@cache
def _national_body(stem: str, countries: frozenset[str]) -> str | None:
    """The one organisation of the country whose names have the head noun as a word."""
    (country,) = countries
    found = {
        entity.id
        for entity in load_kb().entities(EntityType.ORGANIZATION)
        if entity.country == country and stem in _name_stems(entity)
    }
    return found.pop() if len(found) == 1 else None


def _name_stems(entity: Entity) -> set[str]:
    forms = [name for names in entity.names.values() for name in names]
    forms += [alias.text for alias in entity.aliases]
    return {noun_stem(word) for form in forms for word in form.split() if word[:1].isupper()}


def _recent_speaker(document: Document, before: int) -> str | None:
    """The person who spoke last, not long before: whom "der SPD-Politiker" refers back to."""
    for claim in reversed(document.claims):
        if claim.start < before - EPITHET_REACH:
            break
        if claim.speaker_id and is_person(claim.speaker_id):
            return claim.speaker_id
    return None


#: Nouns of reports: a name in their genitive is the source ("Berichten der Agentur X").
REPORT_HEAD = re.compile(r"(?:Bericht|Angabe|Information|Meldung|Darstellung)\w*$")
#: A definite nominative description ("Der SPD-Politiker", "die Grünen-Politikerin",
#: "die 52-Jährige"): it refers back to a person.
EPITHET = re.compile(r"[Dd](?:er|ie)\s")


def is_person(entity_id: str) -> bool:
    return entity_id.startswith(("person/", "unk/person/"))


def compound_part(text: str, mention: Candidate) -> bool:
    """ "SPD" in "SPD-Politiker": the name modifies a compound, the compound is the head."""
    return text[mention.end : mention.end + 1] == "-" or saxon_genitive(text, mention)


def saxon_genitive(text: str, mention: Candidate) -> bool:
    """ "Odessas Militärgouverneur", "Putins Truppen": the name modifies the noun after it."""
    return mention.text.endswith("s") and SAXON_NEXT.match(text, mention.end) is not None


SAXON_NEXT = re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]+\b")


def head_noun(phrase: str) -> str:
    """The head noun of a German noun phrase: its first capitalised word after the article."""
    nouns = [
        w
        for w in re.findall(r"[\w-]+", phrase)
        if NOUN_START.match(w) and w.lower() not in DETERMINERS
    ]
    return nouns[0] if nouns else ""


#: A capitalised word, also after a number ("die 52-Jährige").
NOUN_START = re.compile(r"(?:\d+-)?[A-ZÄÖÜ]")
DETERMINERS = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "the", "a"})


def from_mention(mention: Candidate) -> Speaker:
    return Speaker(mention.text, mention.entity_id, "entity")
