"""Claims across sentence boundaries: quotations over several sentences, and Konjunktiv
continuations ("Die Lieferung erfolge noch in diesem Jahr." after an indirect-speech
sentence belongs to the same speaker).

German news reports a statement over several sentences in Konjunktiv I without repeating
the cue; the mood alone says the reporter is still quoting.  A continuation needs the
sentence right before it to be a claim (or a continuation), and stops at a new live-ticker
entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lagebild.records import Span
from lagebild.stages.claims import cues as c
from lagebild.stages.claims.found import STAMP_PREFIX, Found, trimmed

#: A speech quotation may run over sentences but not over a blank line.
QUOTATION = re.compile(r"„[^“”\"„\n]{1,3000}[“”\"]|»[^«»\n]{1,3000}«|“[^”“\n]{1,3000}”")
#: Konjunktiv II and the periphrastic forms: accepted only right after another claim.
KONJUNKTIV_II = re.compile(
    r"\b(?:würde|würden|hätte|hätten|wäre|wären|könnte|könnten|müsste|müssten|stünde|stünden|"
    r"gäbe|gäben|käme|kämen|ginge|gingen|läge|lägen|wüsste|wüssten|bräuchte|bräuchten)\b"
)
#: A finite verb in -e: lower case, not after a determiner, not before a noun (then it is
#: an adjective: "die ukrainische Armee"), not a known adverb or preposition.
VERB_IN_E = re.compile(
    r"(?<![„“\"])\b(?!(?:ohne|heute|gerade|lange|gerne|alleine|bitte|ferne|müde|eine|keine|"
    r"meine|deine|seine|ihre|unsere|eure|diese|jene|jede|alle|viele|wenige|einige|beide|"
    r"welche|solche|manche|andere|mehrere|die|ebenfalls|bereits|offene|etliche|erste|"
    r"zweite|dritte|letzte|nächste|neue|große|gute|kleine|weitere|nahe|ich|wurde)\b)"
    r"([a-zäöüß]{2,}(?:[^t\W]|it)e)\b(?!\s+[A-ZÄÖÜ])"
)


def sentence_units(text: str, sentences: Sequence[Span]) -> list[tuple[int, int]]:
    """Sentences, merged where a quotation runs from one into the next."""
    quotes = [m.span() for m in QUOTATION.finditer(text)]
    units: list[tuple[int, int]] = []
    for sentence in sentences:
        crossing = any(q0 < sentence.start < q1 for q0, q1 in quotes)
        if units and crossing:
            units[-1] = (units[-1][0], sentence.end)
        else:
            units.append((sentence.start, sentence.end))
    return units


#: The reporter's own set phrases in Konjunktiv ("Es sei daran erinnert, dass …").
REPORTER_FORMULA = re.compile(
    r"Es sei (?:\w+\s){0,2}(?:erinnert|angemerkt|erwähnt|gesagt|betont|hinzugefügt|vermerkt)\b"
)


def fragment(text: str, start: int, end: int) -> bool:
    """A verbless aside of a few words ("Tendenz steigend."): it does not end a report;
    only nouns and present participles count as verbless ("Es regnete." does end it)."""
    words = text[start:end].strip().rstrip(".").split()
    verbless = all(word[:1].isupper() or word.endswith("end") for word in words)
    return text[start:end].strip().endswith(".") and 0 < len(words) <= 3 and verbless


def continuation(text: str, start: int, end: int) -> Found | None:
    """The unit ``text[start:end]`` as a cue-less Konjunktiv continuation, if it is one."""
    body = text[start:end].strip()
    if not body or body[-1] not in '.!?“”"' or STAMP_PREFIX.match(text, start, end):
        return None
    if not _subjunctive(text, start, end) or REPORTER_FORMULA.match(body):
        return None
    content = trimmed(text, start, end)
    return Found(start, end, start, start, "indirect", *content, "previous", start)


def _subjunctive(text: str, start: int, end: int) -> bool:
    outside = _outside_quotes(text, start, end)
    if c.KONJUNKTIV.search(outside) or KONJUNKTIV_II.search(outside):
        return True
    if c.REPORTATIVE.search(outside.rstrip()):
        return True
    return any(_second_position(outside[: verb.start()]) for verb in VERB_IN_E.finditer(outside))


def _second_position(before: str) -> bool:
    """The verb follows one word, a subject noun phrase, or a fronted clause and comma:
    German main clauses put the finite verb second."""
    return (
        len(before.split()) == 1
        or before.rstrip().endswith(",")
        or PREFIELD_SUBJECT.fullmatch(before) is not None
    )


#: "Die EU", "Die Bevölkerung der Stadt", "Sein Militär": a subject before the verb.
PREFIELD_SUBJECT = re.compile(
    r"\s*(?:[A-ZÄÖÜ]\w*\s+)?(?:[a-zäöü]\w*\s+){0,2}[A-ZÄÖÜ][\w-]*"
    r"(?:\s+(?:der|des)\s+(?:[a-zäöü]\w*\s+){0,2}[A-ZÄÖÜ][\w-]*)?\s+"
)


def _outside_quotes(text: str, start: int, end: int) -> str:
    """The unit's main clause: quotations (Konjunktiv there is the speaker's) and
    subordinate clauses ("…, dass es keine Offensive sein könnte, …") blanked."""
    chunk = QUOTATION.sub(lambda m: " " * len(m.group()), text[start:end])
    return SUBORDINATE.sub(lambda m: " " * len(m.group()), chunk)


#: A subordinate or relative clause, from its comma to the next comma or the end.
SUBORDINATE = re.compile(
    r",\s(?:dass|ob|wenn|falls|weil|da|damit|obwohl|nachdem|bevor|sollte|der|die|das|den|dem|"
    r"deren|dessen|denen|wo|was|wie)\b[^,]*"
)
