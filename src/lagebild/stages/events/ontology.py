"""The PLOVER event ontology: the sixteen current event types and their modes.

PLOVER (the Political Language Ontology for Verifiable Event Records, the successor of
CAMEO, used by POLECAT) groups events into sixteen types.  Its 0.5 beta still had
DEMAND, DISAPPROVE, INVESTIGATE and FIGHT, later folded into REQUEST, ACCUSE and
ASSAULT; ``LEGACY`` maps them, so older gold (the PLOVER GSR file) scores against the
current list.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Event type → what it covers (our summary of the PLOVER definitions).
TYPES: Mapping[str, str] = {
    "AGREE": "agree to, promise or sign an agreement; express intent to cooperate",
    "CONSULT": "meet, visit, talk, negotiate, hold a summit or a phone call",
    "SUPPORT": "praise, endorse, defend verbally, recognise, rally support, apologise, sign",
    "CONCEDE": "yield: ease restrictions and bans, accede to demands, give in, surrender",
    "COOPERATE": "cooperate diplomatically, economically, militarily (training, exercises)",
    "AID": "provide economic, military or humanitarian aid, deliveries, asylum",
    "RETREAT": "release, return, ease sanctions, admit monitors, withdraw, cease fire, resign",
    "REQUEST": "ask, call for, appeal, demand",
    "ACCUSE": "accuse, blame, criticise, condemn, investigate, sue",
    "REJECT": "reject, refuse, deny, veto, dismiss",
    "THREATEN": "threaten, warn of consequences, issue an ultimatum",
    "PROTEST": "demonstrate, rally, strike, riot, boycott",
    "SANCTION": "sanction, embargo, expel diplomats, cut ties, suspend cooperation",
    "MOBILIZE": "mobilise, deploy, put forces on alert, build up troops",
    "COERCE": "arrest, detain, seize, deport, ban, impose curfew or martial law, censor",
    "ASSAULT": "attack, shell, bomb, strike, fight, kill, assassinate, abduct, torture",
}

#: PLOVER 0.5 types that later versions folded into a current type.
LEGACY: Mapping[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

#: Event types whose participants act together: "X and Y met" makes both source and target.
RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})

#: The modality of an event, strongest evidence first (``modality.py`` picks the first that
#: applies).  Only ``happened`` is counted as a fact.
MODALITIES = (
    "negated",
    "denied",
    "demanded",
    "considered",
    "hypothetical",
    "planned",
    "announced",
    "claimed",
    "happened",
)


def current_type(name: str) -> str:
    """The current PLOVER type of ``name`` (a current or a 0.5 beta type)."""
    upper = name.upper()
    current = LEGACY.get(upper, upper)
    if current not in TYPES:
        raise ValueError(f"{name!r} is not a PLOVER event type")
    return current


#: Actions PLOVER codes as AGREE when only intended, as THREATEN when only threatened.
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONFLICTUAL = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "REJECT", "PROTEST"})
INTENT = frozenset({"announced", "planned"})
#: A conflictual action weighed in public is already a threat ("hält ein Verbot für
#: denkbar"); a cooperative one considered is not yet a promise.
THREAT_INTENT = INTENT | {"considered"}
CONDITION = frozenset({"unless", "if", "falls", "wenn", "sofern", "sollte", "sollten"})
POSSIBLE = frozenset({"could", "would", "könnte", "könnten", "würde", "würden"})


def plover_type(
    event_type: str, modality: str, cue: str | None = None, spoken: bool = False
) -> str:
    """The PLOVER code of an event as a PLOVER coder would give it.

    lagebild keeps the action and its modality apart ("AID, announced"); PLOVER folds
    them: an intended cooperative action is AGREE ("will provide aid"), an intended or
    conditional conflictual one THREATEN ("will impose a curfew", "will boycott unless"),
    a conflictual action somebody says could or would happen THREATEN ("Ankara said it
    could freeze the bid"; ``spoken``: the event is told inside a claim; an analyst's
    "Russia could attack" stays a forecast of ASSAULT), an action demanded of someone
    REQUEST ("Libya must hand over the suspects"), and a cooperative action refused
    REJECT ("will not withdraw its troops").
    """
    condition = (cue or "").lower() if modality == "hypothetical" else ""
    if condition == "unless":  # "will withdraw its force unless …" is a threat
        return "THREATEN"
    conditional = condition in CONDITION
    if modality == "demanded":
        return "REQUEST"
    if (modality in INTENT or conditional) and event_type in COOPERATIVE:
        return "AGREE"
    if spoken and condition in POSSIBLE and event_type in CONFLICTUAL - {"REJECT", "PROTEST"}:
        return "THREATEN"
    if (modality in THREAT_INTENT or conditional) and event_type in CONFLICTUAL:
        return "THREATEN"
    if modality == "negated" and event_type in COOPERATIVE | {"AGREE"}:
        return "REJECT"  # "will not withdraw", "did not attend the talks": declining to
    return event_type
