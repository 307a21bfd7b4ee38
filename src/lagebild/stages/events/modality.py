"""The modality of an event: did it happen, or is it claimed, denied, demanded,
announced, planned, considered, hypothetical or negated?

Cues are looked for in the trigger's clause (between the nearest clause marks: , ; :
brackets, dashes); negation only just before the trigger in English ("did not attack",
"no talks") but anywhere in the German clause ("sprachen nicht", "keine Gespräche").  An
event inside the content of a claim is the speaker's claim, not a fact: ``claimed``,
or ``announced`` when the speaker announces or speaks of the future ("will deliver",
"liefern werde"), or ``denied`` under a denial cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lagebild.records import Claim
from lagebild.stages.events.german import lemmas_of
from lagebild.stages.events.parse import token_starting

_W = r"(?<![\w-])(?:{})(?![\w-])"


def _cue(words: str) -> re.Pattern[str]:
    return re.compile(_W.format(words), re.IGNORECASE)


#: Cues per modality, German and English together (the words do not collide).
NEGATION = _cue(
    r"not|n't|never|no|without|failed to|unable to|rather than|nicht|kein(?:e|en|em|er|es)?"
    r"|nie|niemals|ohne"
    r"|failure to|refus(?:e|es|ed|ing|al) to|stopped short of"
)
DEMANDED = _cue(
    r"must|should|have to|has to|had to|muss|müsse(?:n)?|müssen|müsste(?:n)?"
    # directives: what is called for, urged, asked or demanded is demanded, not claimed
    r"|call(?:s|ed|ing)? (?:on|upon|for)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?"
    r"|demand(?:ed|ing)?|request(?:ed|ing)?|appeal(?:s|ed|ing)? (?:to|for)"
    r"|forder(?:t|te|ten|n)|aufgefordert|verlangt(?:e|en)?"
)
CONSIDERED = _cue(
    r"consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|contemplat(?:e|es|ed|ing)|mull(?:s|ed|ing)?"
    r"|in Betracht|erwäg(?:t|en|te|ten)|erwogen|überleg(?:t|en|te|ten)|prüf(?:t|en|te|ten)"
    r"|für (?:denkbar|vorstellbar|möglich)"
)
HYPOTHETICAL = _cue(
    r"could|might|may|would|if|unless|likely|unlikely|probably|possibly|könnte(?:n)?|würde(?:n)?"
    r"|dürfte(?:n)?|möglicherweise"
    r"|falls|wenn|sollte(?:n)? es"
)
PLANNED = _cue(
    r"plan(?:s|ned|ning)?|intend(?:s|ed)?|aim(?:s|ed)? to|prepar(?:e|es|ed|ing) to|is set to"
    r"|(?:willing|ready|prepared|committed|determined) to|offer(?:s|ed)? to|seek(?:s|ing)? to"
    r"|geplant|plan(?:t|en|te|ten)|beabsichtig(?:t|en|te)|vorgesehen"
    r"|soll(?:en)?|tr(?:y|ies|ied) to|versuch(?:t|te|ten|en) zu"
    # an action named as the purpose of an effort: "an operation to isolate Kyiv"
    r"|(?:operation|effort|attempt|plan|preparation|condition|bid|campaign|measure|step)s?"
    r" (?:to|for)"
)
#: German "will" is "wants": intent, not the future.
WANT_DE = _cue(r"will|willst|wollen|wollte(?:n)?")
ANNOUNCED = _cue(
    r"announc(?:e|es|ed|ing)|ankündig(?:t|en|te|ten|ung)|kündig(?:t|te|ten)|angekündigt"
    r"|pledg(?:e|es|ed)|promis(?:e|es|ed)|zugesagt|will|shall|going to|werde(?:n)?"
)
#: The reporter's own marks of hearsay: the event is claimed by somebody unnamed ("Russian
#: forces allegedly kidnapped the mayor", "angeblich", "Berichten zufolge").  ("Falsely"
#: is no such mark: in "falsely accused" the accusing happened.)
ALLEGEDLY = _cue(
    r"allegedly|reportedly|supposedly|purportedly|angeblich|mutmaßlich|vermeintlich"
    r"|Berichten zufolge|nach (?:unbestätigten )?Berichten"
)
#: The same marks on an event noun: "fabricated mass surrenders", "die angebliche Offensive".
ALLEGED = re.compile(
    r"(?<![\w-])(?:alleged|purported|fabricated|so-called|supposed|claimed|angeblich\w*"
    r"|mutmaßlich\w*|vermeintlich\w*)(?:\s+[\w-]+){0,2}\s+$",
    re.IGNORECASE,
)
CONDITION = _cue(r"unless|if|falls|wenn|sofern")
#: A German condition opened by its verb: "…, sollte es angegriffen werden".
#: (Not "hätte", "wäre": opening a clause they are as often reported speech.)
CONDITIONAL_VERB = r"sollte|sollten"
CONDITIONAL_OPENING = re.compile(rf"\s*({CONDITIONAL_VERB})\s", re.IGNORECASE)
FUTURE_IN_CLAIM = _cue(r"will|would|shall|going to|werde(?:n)?|würde(?:n)?")
DENIAL = _cue(
    r"den(?:y|ies|ied)|dementier(?:t|te|ten)|bestritt(?:en)?|bestreit(?:et|en)|zurückgewiesen"
    r"|rejected|wies(?:en)? .* zurück"
)
#: Clause marks; a comma inside a number ("25,000") is none.
CLAUSE_MARK = re.compile(r",(?!\d)|[;:()\[\]]|\s[–—-]\s")


@dataclass(frozen=True)
class Modality:
    """The modality, the cue that set it (None for plain ``happened``) and the claim."""

    value: str
    cue: str | None = None
    claim: int | None = None


def clause(text: str, start: int, end: int, position: int) -> tuple[int, int]:
    """The clause of ``position`` within the sentence ``[start, end)``."""
    left = start
    for mark in CLAUSE_MARK.finditer(text, start, position):
        left = mark.end()
    right_mark = CLAUSE_MARK.search(text, position, end)
    return left, right_mark.start() if right_mark else end


def modality(
    text: str,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    language: str,
    claims: Sequence[Claim],
) -> Modality:
    """The modality of the event whose trigger is ``trigger`` (strongest evidence first)."""
    left, right = clause(text, *sentence, trigger[0])
    if language == "de":
        left = _governing_clause(text, sentence, left, trigger)
    claim = _containing_claim(claims, trigger[0])
    negation = _negation(text, left, right, trigger, language)
    if negation:
        return Modality("negated", negation, claim)
    if claim is not None and claims[claim].cue and DENIAL.search(claims[claim].cue or ""):
        return Modality("denied", claims[claim].cue, claim)
    if language == "de" and (opening := CONDITIONAL_OPENING.match(text, left)):
        return Modality("hypothetical", opening.group(1), claim)
    cues = (("demanded", DEMANDED), ("considered", CONSIDERED), ("hypothetical", HYPOTHETICAL))
    for value, pattern in cues:
        found = _in_clause(pattern, text, left, right, trigger, language == "de")
        if value == "hypothetical" and not found:
            # A condition follows its English main clause: "will withdraw unless …".
            found = _in_clause(CONDITION, text, left, right, trigger)
        if found and not (value == "hypothetical" and claim is not None and _future(found)):
            if (
                value == "hypothetical"
                and HEDGE.fullmatch(found)
                and _hedged_intent(text, left, trigger)
            ):
                break  # "likely intends to create": the intention is hedged, the act planned
            return Modality(value, found, claim)
    return _intent_or_claim(text, (left, right), trigger, claims, claim, language)


#: Hedging adverbs of an assessment ("likely", "probably"): they qualify the verb they stand
#: before, not an action that verb governs.
HEDGE = _cue(r"likely|probably|possibly|almost certainly")


def _hedged_intent(text: str, left: int, trigger: tuple[int, int]) -> bool:
    """Whether every hypothetical cue before the trigger is a hedge on an intention verb
    nearer the trigger ("The Kremlin likely intends to create …" is planned)."""
    window = text[left : trigger[0]]
    hedges = list(HEDGE.finditer(window))
    intents = list(PLANNED.finditer(window))
    others = [m for m in HYPOTHETICAL.finditer(window) if HEDGE.fullmatch(m.group()) is None]
    if not hedges or not intents or others:
        return False
    return intents[-1].start() > hedges[-1].end()


def _intent_or_claim(
    text: str,
    bounds: tuple[int, int],
    trigger: tuple[int, int],
    claims: Sequence[Claim],
    claim: int | None,
    language: str,
) -> Modality:
    german = language == "de"
    planned = _in_clause(PLANNED, text, *bounds, trigger, german)
    if not planned and german:
        planned = _in_clause(WANT_DE, text, *bounds, trigger)
    if planned:
        return Modality("planned", planned, claim)
    announced = _in_clause(ANNOUNCED, text, *bounds, trigger, german)
    if announced and _enacted(text, bounds[0], trigger):
        announced = None
    if announced and german and _passive(announced, text[trigger[0] : trigger[1]]):
        announced = None
    if claim is not None and not announced:
        # "Iraq said it would allow …": the future of reported speech announces.
        announced = _in_clause(FUTURE_IN_CLAIM, text, *bounds, trigger, german)
    if announced:
        return Modality("announced", announced, claim)
    if claim is None:
        alleged = _hearsay(text, bounds[0], trigger)
        return Modality("claimed", alleged) if alleged else Modality("happened")
    cue = claims[claim].cue
    if cue and ANNOUNCED.search(cue):
        return Modality("announced", cue, claim)
    return Modality("claimed", cue, claim)


#: A past announcing verb right before its object enacts it: "announced new sanctions".
ENACTING = re.compile(
    r"(?:announced|unveiled|introduced|verkündete|verhängte|kündigte)\s+(?:\S+\s+){0,2}$",
    re.IGNORECASE,
)


def _enacted(text: str, left: int, trigger: tuple[int, int]) -> bool:
    return ENACTING.search(text[max(left, trigger[0] - 60) : trigger[0]]) is not None


#: German "werden" with a past participle is the passive, not the future: "werden seit
#: Herbst ausgebildet", "wird verhandelt".
PASSIVE_AUXILIARY = _cue(r"werden?|wird")


def _passive(cue: str, word: str) -> bool:
    """Whether ``cue`` is the passive auxiliary of the verb ``word``: a past participle
    ("ausgebildet", "angegriffen"), which is no infinitive of the lexicon ("ausbilden")."""
    if not PASSIVE_AUXILIARY.fullmatch(cue) or not word.islower():
        return False
    return word.endswith("t") or word not in lemmas_of(word)


#: A separable verb's infinitive with "zu" inside it ("anzugreifen", "abzuziehen").
ZU_INFIX = re.compile(r"\w+zu\w+en", re.IGNORECASE)


def _governing_clause(
    text: str, sentence: tuple[int, int], left: int, trigger: tuple[int, int]
) -> int:
    """Where the cues of a German infinitive's clause begin: a clause of its own after a
    comma takes its modality from the clause that governs it ("kündigte an, jeden
    Lastwagen zu beschlagnahmen" is announced)."""
    word = text[trigger[0] : trigger[1]]
    infinitive = ZU_INFIX.fullmatch(word) or INFINITIVE.search(
        text, max(left, trigger[0] - 4), trigger[0]
    )
    if left <= sentence[0] or not infinitive:
        return left
    return clause(text, sentence[0], sentence[1], left - 2)[0]


def _hearsay(text: str, left: int, trigger: tuple[int, int]) -> str | None:
    """The reporter's mark of hearsay on the event: an adverb before it in its clause, or
    an adjective on its noun ("alleged atrocities")."""
    adverb = _in_clause(ALLEGEDLY, text, left, trigger[0], trigger, after=False)
    if adverb:
        return adverb
    qualified = ALLEGED.search(text, max(left, trigger[0] - 60), trigger[0])
    return qualified.group().split()[0] if qualified else None


def _future(cue: str) -> bool:
    return bool(FUTURE_IN_CLAIM.fullmatch(cue))


def _in_clause(
    pattern: re.Pattern[str],
    text: str,
    left: int,
    right: int,
    trigger: tuple[int, int],
    after: bool = True,
) -> str | None:
    """The cue nearest the trigger in its clause (the trigger itself excluded).  English
    modals and auxiliaries precede their verb; German ones may follow it ("liefern werde",
    "in Betracht ziehen könnte"), so only German looks after the trigger too."""
    found = [m for m in pattern.finditer(text, left, right) if m.end() <= trigger[0]]
    if after:
        found += [m for m in pattern.finditer(text, trigger[1], right)]
    if not found:
        return None
    nearest = min(found, key=lambda m: min(abs(m.start() - trigger[1]), abs(trigger[0] - m.end())))
    return nearest.group()


def _negation(
    text: str, left: int, right: int, trigger: tuple[int, int], language: str
) -> str | None:
    if language == "de" and text[trigger[0]].islower():
        # A German verb's "nicht" may stand anywhere in its clause ("sprachen nicht").
        return _in_clause(NEGATION, text, left, right, trigger)
    # English, and German nouns: only just before ("did not attack", "keine Gespräche").
    window_start = max(left, trigger[0] - 35)
    found = list(NEGATION.finditer(text, window_start, trigger[0]))
    return found[-1].group() if found else None


def _containing_claim(claims: Sequence[Claim], position: int) -> int | None:
    for index, claim in enumerate(claims):
        start, end = claim.content_start, claim.content_end
        if start is not None and end is not None and start <= position < end:
            return index
    return None


#: Words that open a relative, adverbial or infinitive clause ("which is preparing an
#: offensive", "if it is attacked", "nachdem", "um … zu").  "that"/"dass" are left out:
#: after a speech verb the that-clause holds the reported event itself.
SUBORDINATOR = _cue(
    r"which|who|whom|whose|where|after|before|since|while|because|unless|if|although"
    r"|though|until|nachdem|bevor|weil|während|obwohl|falls|wenn|bis|damit|um|welche[rsmn]?"
)
INFINITIVE = re.compile(r"(?<![\w-])(?:to|zu)\s+$", re.IGNORECASE)


#: German clauses that subordinate by their first words alone: a conditional opened by
#: its verb ("…, sollte es angegriffen werden"), a relative clause opened by a pronoun
#: before a lower-case word ("…, der die Stadt erreicht", "…, die am Montag begann").
SUBORDINATE_OPENING = re.compile(
    rf"\s*(?:(?:{CONDITIONAL_VERB}|hätte|hätten|wäre|wären)\s"
    r"|(?:der|die|das|dem|den|denen|deren|dessen)\s+(?-i:[a-zäöüß]))",
    re.IGNORECASE,
)


def subordinate(text: str, bounds: tuple[int, int], position: int) -> bool:
    """Whether the word at ``position`` stands in a subordinate clause of its clause."""
    if INFINITIVE.search(text[max(bounds[0], position - 4) : position]):
        return True
    if bounds[0] > 0 and text[bounds[0] - 1] == "," and SUBORDINATE_OPENING.match(text, bounds[0]):
        return True
    return SUBORDINATOR.search(text, bounds[0], position) is not None


#: Modalities that a clause around an event noun gives it only when the noun is asserted
#: there, not when it is presupposed.
SCOPED = frozenset({"claimed", "planned", "hypothetical", "announced"})
#: Determiners of a definite description ("the invasion"); "this"/"that" point back.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def presupposed(tree: Any, offset: int, start: int) -> bool:
    """Whether the trigger at ``start`` is an event noun whose event is taken as given
    ("Russia's invasion", "the Russian annexation of Crimea", "Putin's February 4 visit"):
    a definite description or a possessive presupposes its event, so a claim, plan or
    forecast in the clause around it does not scope over it.  Indefinite nouns ("an attack",
    "provocations") and the objects of verbs that carry the event out ("launch the
    invasion") are asserted by that clause."""
    word = token_starting(tree, start - offset)
    if word is None or word.pos_ != "NOUN" or word.dep_ in ("attr", "oprd"):
        return False
    if word.dep_ == "dobj" and str(word.head.lemma_).lower() in REALIZING:
        return False
    if _reported(word) or any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in word.children):
        return False
    return any(_definite(child) for child in word.children)


#: Verbs that carry out, start, keep up or bring the event their object names ("launch the
#: offensive", "impose the sanctions", "resume the talks"): their object is asserted with
#: them.  Any other verb ("justify the invasion", "cement its occupation") takes it as given.
REALIZING = frozenset(
    {
        "launch",
        "conduct",
        "carry",
        "stage",
        "mount",
        "wage",
        "commit",
        "perpetrate",
        "begin",
        "start",
        "resume",
        "continue",
        "renew",
        "escalate",
        "intensify",
        "expand",
        "impose",
        "introduce",
        "enact",
        "adopt",
        "lift",
        "ease",
        "end",
        "halt",
        "stop",
        "hold",
        "host",
        "organize",
        "convene",
        "attend",
        "join",
        "reach",
        "sign",
        "conclude",
        "make",
        "issue",
        "provide",
        "deliver",
        "send",
        "supply",
        "announce",
        "approve",
        "plan",
        "prepare",
        "propose",
        "offer",
        "consider",
        "seek",
        "demand",
        "request",
        "extend",
        "prolong",
        "tighten",
        "reimpose",
        "declare",
        "enforce",
        "maintain",
        "keep",
        "prevent",
        "avoid",
        "cancel",
        "postpone",
        "suspend",
        "refuse",
        "reject",
        "allow",
    }
)
#: Indefinite determiners: "a Ukrainian offensive" is asserted, not given.
INDEFINITE = frozenset({"a", "an", "any", "some", "another", "no"})
#: Nouns of report: the event in their "of" phrase is what is reported ("claims of a
#: genocide", "reports of surrenders").
REPORT_NOUNS = frozenset({"claim", "allegation", "rumor", "rumour", "accusation", "narrative"})


def _reported(word: Any) -> bool:
    head = word.head
    return (
        word.dep_ == "pobj"
        and head.lower_ == "of"
        and str(head.head.lemma_).lower() in REPORT_NOUNS
    )


def _definite(child: Any) -> bool:
    """A possessive, a definite determiner, or a named actor qualifying the noun ("Russian
    atrocities", "Western sanctions": the actor's, as with a possessive)."""
    if child.dep_ == "poss" or (child.dep_ == "det" and child.lower_ in DEFINITE):
        return True
    return child.dep_ in ("amod", "compound") and child.text[:1].isupper()
