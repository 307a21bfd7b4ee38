"""Estimative language in one sentence: the term, its frame, the judged clause.

The detector works on one sentence at a time and returns ``Found`` items with
offsets into the whole text; the stage turns them into records.  Steps:

1. Terms of the lexicon (longest first), skipped inside quotations (a quoted "likely"
   is the speaker's word) and checked by kind: modals of possibility ("may", "could",
   "könnte") only count in the writer's own, epistemic, non-conditional clause;
   "kaum" only with a future or modal verb; "wohl" not in "wohl aber".
2. A negation right before the term moves it ("not likely" → unlikely, "nicht
   unwahrscheinlich" → roughly even chance, see ``scales.negate``).
3. Explicit frames: "ISW (continues to) assess(es) that …", "We assess …", "Das ISW hält
   … für unwahrscheinlich", "geht davon aus, dass …", "schätzt … ein".  A frame
   names the assessor and bounds the proposition; a frame without a term is an
   assessment too (kind ``verb``, no probability).
4. Otherwise the proposition is the clause around the term (commas, semicolons, dashes
   and brackets end a clause; a clause of fewer than three words joins the next), minus
   the term.  A term in reported speech ("…, Peskov said") is marked with the speech cue.
5. Continuity: ``changed`` or ``reaffirmed`` from cues in the frame or in the three words
   before the term, else ``new``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from lagebild.stages.assessments import cues as c
from lagebild.stages.assessments.scales import Term, negate

Spans = Sequence[tuple[int, int]]


@dataclass(frozen=True)
class Frame:
    """An explicit assessment: who assesses, with which words, and what region is judged."""

    start: int
    end: int  # the verb or marker
    subject: tuple[int, int] | None
    first_person: bool
    region: tuple[int, int]
    kind: str  # verb, halt, noun


@dataclass(frozen=True)
class Found:
    """One assessment in a sentence, all offsets into the whole text."""

    start: int
    end: int
    phrase: tuple[int, int] | None  # the estimative words as written (with negation)
    term: Term | None  # after negation; None for a bare assessment verb
    lexeme: Term | None  # the lexicon entry as matched, before negation
    negated: bool
    kind: str  # term, modal, verb
    proposition: tuple[int, int]
    frame: Frame | None = None
    speech: tuple[int, int] | None = None
    continuity: str = "new"
    continuity_cue: str | None = None
    confidence: str | None = None


@dataclass
class _Sentence:
    text: str
    start: int
    end: int
    language: str
    mentions: Spans = ()
    quotes: list[tuple[int, int]] = field(default_factory=list)


def assessments_in_sentence(
    text: str, start: int, end: int, language: str, mentions: Spans = ()
) -> list[Found]:
    """Assessments in ``text[start:end]``; ``mentions`` are entity mention spans, sorted."""
    language = language if language in ("de", "en") else "en"
    sentence = _Sentence(text, start, end, language, mentions)
    sentence.quotes = [m.span() for m in c.QUOTES.finditer(text, start, end)]
    terms = _terms(sentence)
    frames = _frames(sentence, terms)
    found = [_with_term(sentence, hit, frames) for hit in terms]
    taken = {item.frame for item in found if item.frame}
    bare = [_bare(sentence, frame) for frame in frames if frame not in taken]
    found += [item for item in bare if item is not None]
    return sorted(found, key=lambda item: (item.start, item.end))


# -- terms -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int  # of the whole phrase, negation included
    lexeme: Term
    negated: bool
    core: int  # where the lexicon term itself starts


def _terms(sentence: _Sentence) -> list[_Hit]:
    hits: list[_Hit] = []
    pattern = c.term_pattern(sentence.language)
    for match in pattern.finditer(sentence.text, sentence.start, sentence.end):
        lexeme = c.term_of(sentence.language, match.group())
        if _inside(match.span(), sentence.quotes) or not _valid(sentence, match, lexeme):
            continue
        start, negated = _negation(sentence, match.start(), lexeme)
        # "kaum wahrscheinlich": the negator was matched as a term of its own; drop it.
        hits = [hit for hit in hits if hit.end <= start]
        hits.append(_Hit(start, match.end(), lexeme, negated, match.start()))
    return _merge_hardly(sentence, hits)


def _merge_hardly(sentence: _Sentence, hits: list[_Hit]) -> list[_Hit]:
    """ "dürfte kaum gelingen" is one judgement: "dürfte" negated, i.e. unlikely."""
    merged: list[_Hit] = []
    for hit in hits:
        previous = merged[-1] if merged else None
        if (
            previous
            and hit.lexeme.phrase == "kaum"
            and previous.lexeme.phrase in ("dürfte", "dürften")
            and not sentence.text[previous.end : hit.start].strip()
        ):
            merged[-1] = _Hit(previous.start, hit.end, previous.lexeme, True, previous.core)
            continue
        merged.append(hit)
    return merged


def _negation(sentence: _Sentence, position: int, lexeme: Term) -> tuple[int, bool]:
    if lexeme.kind == "modal" or lexeme.category == "possible":
        return position, False  # "may not": the proposition is negated, not the estimate
    before = sentence.text[max(sentence.start, position - 40) : position]
    match = c.NEGATION[sentence.language].search(before)
    if not match:
        return position, False
    return position - len(before) + match.start(), True


def _valid(sentence: _Sentence, match: re.Match[str], lexeme: Term) -> bool:
    word = match.group()
    after = sentence.text[match.end() : sentence.end]
    if lexeme.kind == "modal":
        return _epistemic_modal(sentence, match)
    if lexeme.phrase == "kaum":
        clause = _clause_of(sentence, match.start(), match.end())
        return not c.KAUM_BLOCKED.match(after) and bool(
            c.KAUM_CONTEXT.search(sentence.text, clause[0], clause[1])
        )
    if lexeme.phrase == "remote":  # "remote areas" is a place, "is remote" a judgement
        before = sentence.text[sentence.start : match.start()]
        return bool(c.COPULA_BEFORE.search(before) or c.CHANCE_AFTER.match(after))
    if lexeme.phrase == "wohl":
        return word == "wohl" and not c.WOHL_BLOCKED.match(after)
    return True


#: Words after "might"/"may" that show a noun ("military might of") or a month.
_NOT_A_VERB = frozenset("of and or to the a an in on at for with by from".split())


def _epistemic_modal(sentence: _Sentence, match: re.Match[str]) -> bool:
    """A modal of possibility in the writer's own, non-conditional clause."""
    word = match.group()
    if word != word.lower() and word.lower() == "may":
        return False  # "May": the month
    after = sentence.text[match.end() : sentence.end]
    following = re.match(r"\s+([A-Za-zÄÖÜäöüß]+)", after)
    if not following or not following.group(1).islower():
        return False
    blocker = c.MODAL_BLOCKERS.get(word.lower().rstrip("n"))
    if following.group(1) in _NOT_A_VERB or (blocker and blocker.match(after)):
        return False
    clause_start, _ = _clause_of(sentence, match.start(), match.end())
    if c.HYPOTHETICAL.search(sentence.text[clause_start : match.start()]):
        return False
    # Modals in reported speech carry the speaker's claim, not an estimate: skipped,
    # unless the analyst reports itself ("ISW warned on March 9 that the Kremlin may …").
    cue = _speech_cue(sentence, match.start())
    return cue is None or bool(c.OWN_VOICE.search(sentence.text[sentence.start : cue[0]]))


# -- frames ------------------------------------------------------------------------------


def _frames(sentence: _Sentence, terms: list[_Hit]) -> list[Frame]:
    if sentence.language == "de":
        frames = _halt_frames(sentence, terms) + _german_verb_frames(sentence)
    else:
        frames = _english_frames(sentence)
    frames += _noun_frames(sentence)
    return [frame for frame in frames if not _inside((frame.start, frame.end), sentence.quotes)]


def _english_frames(sentence: _Sentence) -> list[Frame]:
    frames = []
    for verb in c.ASSESS_EN.finditer(sentence.text, sentence.start, sentence.end):
        before = sentence.text[sentence.start : verb.start()]
        if _not_own_judgement(before):
            continue
        subject_end = sentence.start + len(before) - len(c.ADVERBS_EN.search(before).group())  # type: ignore[union-attr]
        subject, first = _subject_before(sentence, subject_end)
        if subject is None:
            continue
        region = _english_region(sentence, verb.end(), subject[0])
        frames.append(Frame(subject[0], verb.end(), subject, first, region, "verb"))
    return frames


def _not_own_judgement(before: str) -> bool:
    """ "is expected", "to assess" (but not "continues to assess"): no judging subject."""
    if re.search(r"\bcontinu(?:e|es|ed) to\s*$", before):
        return False
    return bool(re.search(r"\b(?:to|be|is|are|was|were|been|being)\s*$", before))


def _subject_before(sentence: _Sentence, position: int) -> tuple[tuple[int, int] | None, bool]:
    """The subject ending at ``position``: "we", an entity mention, "ISW", a capitalised NP."""
    text = sentence.text
    before = text[sentence.start : position]
    person = c.FIRST_PERSON.search(before)
    if person:
        return (sentence.start + person.start(), position), True
    mention = _mention_ending(sentence, position)
    if mention:
        return mention, False
    noun = re.search(
        r"(?:(?:The|the|Der|Die|Das)\s+)?(?:[A-ZÄÖÜ][\w’'.-]*\s+){0,3}[A-ZÄÖÜ][\w-]*$", before
    )
    if noun and noun.start() > 0 and not text[sentence.start + noun.start() - 1].isspace():
        noun = None
    if noun and noun.group().split()[-1] not in c.NOT_A_SUBJECT:
        return (sentence.start + noun.start(), position), False
    return None, False


def _mention_ending(sentence: _Sentence, position: int) -> tuple[int, int] | None:
    for start, end in sentence.mentions:
        between = sentence.text[end:position]
        if sentence.start <= start and end <= position and re.fullmatch(r"[\s()’']*s?\s*", between):
            return start, end
    return None


def _english_region(sentence: _Sentence, verb_end: int, subject_start: int) -> tuple[int, int]:
    after = sentence.text[verb_end : sentence.end]
    that = c.THAT["en"].match(after)
    if that:
        return _trim(sentence.text, verb_end + that.end(), sentence.end)
    if re.match(r"\s*[.,;]|\s*$", after):  # fronted: "Russia will likely attack, ISW assesses."
        return _trim(sentence.text, sentence.start, subject_start)
    confidence = re.match(r"\s*with \w+ confidence", after)
    return _trim(sentence.text, verb_end + (confidence.end() if confidence else 0), sentence.end)


def _halt_frames(sentence: _Sentence, terms: list[_Hit]) -> list[Frame]:
    """ "Das ISW hält X (weiterhin) für unwahrscheinlich": the judged X sits before "für"."""
    frames = []
    for verb in c.HALT.finditer(sentence.text, sentence.start, sentence.end):
        hit = next((h for h in terms if h.start > verb.end() and _fuer_before(sentence, h)), None)
        if hit is None:
            continue
        subject, first = _german_subject(sentence, verb.start(), verb.end())
        if subject is None:
            continue
        begin = max(verb.end(), subject[1]) if subject[0] >= verb.start() else verb.end()
        region = _trim(sentence.text, begin, _fuer_start(sentence, hit))
        if region[0] == region[1]:  # "hält es für wahrscheinlich, dass …"
            dass = c.THAT["de"].match(sentence.text[hit.end : sentence.end])
            region = _trim(sentence.text, hit.end + dass.end(), sentence.end) if dass else region
        frames.append(
            Frame(min(subject[0], verb.start()), verb.end(), subject, first, region, "halt")
        )
    return frames


def _fuer_before(sentence: _Sentence, hit: _Hit) -> bool:
    """ "für" right before the phrase, or inside its negation ("nicht für wahrscheinlich")."""
    before = sentence.text[sentence.start : hit.start]
    return bool(re.search(r"\bfür\s*$", before) or re.search(r"\bfür\b", _negator(sentence, hit)))


def _negator(sentence: _Sentence, hit: _Hit) -> str:
    return sentence.text[hit.start : hit.core] if hit.negated else ""


def _fuer_start(sentence: _Sentence, hit: _Hit) -> int:
    match = re.search(r"\bfür\s*$", sentence.text[sentence.start : hit.start])
    return sentence.start + match.start() if match else hit.start


def _german_verb_frames(sentence: _Sentence) -> list[Frame]:
    frames = []
    for verb in c.ASSESS_DE.finditer(sentence.text, sentence.start, sentence.end):
        first_word_end = verb.start() + len(verb.group().split()[0])
        subject, first = _german_subject(sentence, verb.start(), first_word_end)
        if subject is None:
            continue
        dass = c.THAT["de"].match(sentence.text[verb.end() : sentence.end])
        if dass:
            region = _trim(sentence.text, verb.end() + dass.end(), sentence.end)
        else:  # "schätzt die Lage als … ein": the object between verb and particle
            begin = subject[1] if subject[0] > verb.start() else first_word_end
            region = _trim(sentence.text, begin, verb.end() - len("ein"))
        frames.append(
            Frame(min(subject[0], verb.start()), verb.end(), subject, first, region, "verb")
        )
    return frames


def _german_subject(
    sentence: _Sentence, verb_start: int, verb_end: int
) -> tuple[tuple[int, int] | None, bool]:
    """Subject before the verb ("Das ISW hält") or right after it ("hält das ISW")."""
    after = sentence.text[verb_end : sentence.end]
    person = re.match(r"\s*wir\b", after)
    if person:
        return (verb_end + person.start(), verb_end + person.end()), True
    for start, end in sentence.mentions:
        if start >= verb_end and re.fullmatch(
            r"\s*(?:das|der|die|den)?\s*", sentence.text[verb_end:start]
        ):
            return (start, end), False
    return _subject_before(sentence, len(sentence.text[:verb_start].rstrip()))


def _noun_frames(sentence: _Sentence) -> list[Frame]:
    """ "nach Einschätzung des ISW", "in the assessment of ISW": an assessor, no region."""
    frames = []
    for marker in c.ASSESSMENT_NOUN.finditer(sentence.text, sentence.start, sentence.end):
        mention = next(((s, e) for s, e in sentence.mentions if s >= marker.end()), None)
        if mention and mention[0] - marker.end() <= 4:
            region = (sentence.start, sentence.end)
            frames.append(Frame(marker.start(), mention[1], mention, False, region, "noun"))
    return frames


# -- assembling --------------------------------------------------------------------------


def _with_term(sentence: _Sentence, hit: _Hit, frames: list[Frame]) -> Found:
    frame = _frame_of(sentence, hit, frames)
    phrase_start = _fuer_start(sentence, hit) if frame and frame.kind == "halt" else hit.start
    phrase = (phrase_start, hit.end)
    proposition = _proposition(sentence, hit, frame)
    speech = None if frame else _speech_cue(sentence, hit.start)
    term = negate(hit.lexeme) if hit.negated else hit.lexeme
    continuity, cue = _continuity(sentence, phrase, frame, proposition)
    edges = [*phrase, *proposition, *((frame.start, frame.end) if frame else ())]
    return Found(
        start=min(edges),
        end=max(edges),
        phrase=phrase,
        term=term,
        lexeme=hit.lexeme,
        negated=hit.negated,
        kind=hit.lexeme.kind,
        proposition=proposition,
        frame=frame,
        speech=speech,
        continuity=continuity,
        continuity_cue=cue,
        confidence=_confidence(sentence),
    )


def _frame_of(sentence: _Sentence, hit: _Hit, frames: list[Frame]) -> Frame | None:
    for frame in frames:
        if frame.kind == "halt" and hit.start > frame.end and _fuer_before(sentence, hit):
            return frame
        if frame.kind != "noun" and frame.region[0] <= hit.start < frame.region[1]:
            return frame
    return next((frame for frame in frames if frame.kind == "noun"), None)


def _bare(sentence: _Sentence, frame: Frame) -> Found | None:
    """An assessment verb without an estimative term: "ISW assesses that …"."""
    if frame.kind != "verb" or frame.region[1] <= frame.region[0]:
        return None
    continuity, cue = _continuity(sentence, None, frame, frame.region)
    return Found(
        start=min(frame.start, frame.region[0]),
        end=max(frame.end, frame.region[1]),
        phrase=None,
        term=None,
        lexeme=None,
        negated=False,
        kind="verb",
        proposition=frame.region,
        frame=frame,
        continuity=continuity,
        continuity_cue=cue,
        confidence=_confidence(sentence),
    )


def _proposition(sentence: _Sentence, hit: _Hit, frame: Frame | None) -> tuple[int, int]:
    if frame and frame.kind == "halt":
        return frame.region
    if frame and frame.kind == "verb" and not (frame.region[0] <= hit.start < frame.region[1]):
        return frame.region
    that = c.THAT[sentence.language].match(sentence.text[hit.end : sentence.end])
    if that and (sentence.language == "de" or that.end() <= 8):  # "it is likely that …"
        return _trim(sentence.text, hit.end + that.end(), sentence.end)
    bounds = frame.region if frame and frame.kind == "verb" else (sentence.start, sentence.end)
    if frame and frame.kind == "noun" and frame.end <= hit.start:
        bounds = (frame.end, sentence.end)  # "Nach Einschätzung des ISW, …": not judged
    return _clause_of(sentence, hit.start, hit.end, bounds)


def _clause_of(
    sentence: _Sentence, start: int, end: int, bounds: tuple[int, int] | None = None
) -> tuple[int, int]:
    """The clause holding ``[start, end)``.

    A clause of under three words joins the next one; a clause that the term opens
    ("…, likely to deter protests") is an adjunct of the clause before, so it joins that.
    """
    low, high = bounds or (sentence.start, sentence.end)
    cuts = [low, *_breaks(sentence, low, high), high]
    index = max(0, bisect_left(cuts, start + 1) - 1)
    begin, finish = cuts[index], cuts[min(index + 1, len(cuts) - 1)]
    own_words = len(sentence.text[begin:finish].split()) - len(sentence.text[start:end].split())
    opens = index > 0 and not re.search(r"\w", sentence.text[begin:start])
    if opens:
        begin = cuts[index - 1]
    elif own_words < 3 and index + 2 < len(cuts):
        finish = cuts[index + 2]
    elif own_words < 3 and index > 0:
        begin = cuts[index - 1]
    return _trim(sentence.text, begin, finish)


def _breaks(sentence: _Sentence, low: int, high: int) -> list[int]:
    breaks = []
    for match in c.CLAUSE_BREAK.finditer(sentence.text, low, high):
        if not _inside(match.span(), sentence.quotes) and low < match.start():
            breaks.append(match.start())
    return breaks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space, punctuation and framing words ("es", "weiterhin", "that") at the edges."""
    words = list(re.finditer(r"[^\s,;:.!?–—]*\w[^\s,;:.!?–—]*(?:[.!?]+(?=\S))?", text[start:end]))
    while words and words[0].group().lower() in c.FRAME_WORDS:
        words.pop(0)
    while words and words[-1].group().lower() in c.FRAME_WORDS:
        words.pop()
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def _speech_cue(sentence: _Sentence, position: int) -> tuple[int, int] | None:
    """A speech cue governing ``position``: before it in its clause group (up to ';' or a
    dash), or after it as a short closing reporting clause ("…, the Pentagon said.")."""
    text = sentence.text
    breaks = [m.end() for m in _GROUP_BREAK.finditer(text, sentence.start, position)]
    group_start = max([sentence.start, *breaks])
    tail = _GROUP_BREAK.search(text, position, sentence.end)
    group_end = tail.start() if tail else sentence.end
    for cue in c.SPEECH[sentence.language].finditer(text, group_start, group_end):
        if _inside(cue.span(), sentence.quotes) or c.DETERMINER_BEFORE.search(
            text[group_start : cue.start()]
        ):
            continue  # "the added troops", "the reports": not a speech verb
        if re.match(r"\s+as\b", text[cue.end() : group_end]):
            continue  # "forces reported as engaging": a participle, not a report
        if cue.start() < position and _opens_clause(text, cue.end(), position):
            return None  # "…, likely to set conditions": the writer's gloss on the report
        if cue.start() < position or _closing_clause(text, position, cue.start(), group_end):
            return cue.span()
    return None


def _opens_clause(text: str, cue_end: int, position: int) -> bool:
    """The term is the first word after a comma or bracket that follows the cue."""
    return bool(re.search(r"[,(]\s*$", text[cue_end:position]))


_GROUP_BREAK = re.compile(r";|\s[–—]\s")


def _closing_clause(text: str, position: int, cue: int, end: int) -> bool:
    """The cue sits in the last comma clause, of at most eight words: "…, Peskov said."."""
    comma = text.rfind(",", position, cue)
    return comma >= 0 and "," not in text[cue:end] and len(text[comma:end].split()) <= 8


def _continuity(
    sentence: _Sentence,
    phrase: tuple[int, int] | None,
    frame: Frame | None,
    proposition: tuple[int, int],
) -> tuple[str, str | None]:
    text, language = sentence.text, sentence.language
    near = ""
    if phrase:
        window = text[max(sentence.start, phrase[0] - 60) : phrase[0]]
        window = re.split(r"[,;:(—–]", window)[-1]  # not across a clause break
        near = " ".join(window.split()[-3:]) + " " + text[phrase[0] : phrase[1]]
    framing = _frame_text(sentence, frame, proposition, phrase)
    for label, pattern, where in (
        ("changed", c.CHANGED[language], framing),
        ("changed", c.CHANGED_NEAR[language], near),
        ("reaffirmed", c.REAFFIRMED[language], framing + " " + near),
    ):
        match = pattern.search(where)
        if match:
            return label, match.group()
    return "new", None


def _frame_text(
    sentence: _Sentence,
    frame: Frame | None,
    proposition: tuple[int, int],
    phrase: tuple[int, int] | None,
) -> str:
    """The words of the frame: from the subject to the term, without the proposition."""
    if frame is None or frame.kind == "noun":
        return ""
    low, high = frame.start, max(frame.end, phrase[1] if phrase else 0)
    if frame.end <= proposition[0]:  # "schätzt erneut, dass …": up to the proposition
        high = max(high, proposition[0])
    text = sentence.text
    if proposition[1] <= low or high <= proposition[0]:
        return text[low:high]
    return text[low : max(low, proposition[0])] + " " + text[min(high, proposition[1]) : high]


def _confidence(sentence: _Sentence) -> str | None:
    match = c.CONFIDENCE.search(sentence.text, sentence.start, sentence.end)
    if not match:
        return None
    level = match.group("level").lower()
    return c.CONFIDENCE_LEVELS.get(level, level)


def _inside(span: tuple[int, int], spans: Spans) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)
