"""Find reported speech in a sentence: the cue, the mode and the content span.

Order of evidence, per sentence:
1. a quotation with a speech cue in the sentence → ``direct`` (content = the quote);
2. a speech verb followed by "dass"/"that"/"ob", or by a clause in Konjunktiv
   ("erklärte, beide hätten …"), or preceded by such a clause ("…, sagte Putin")
   → ``indirect``;
3. a source marker ("laut", "nach Angaben von", "according to", "… zufolge")
   → ``indirect`` (content = the rest of the sentence);
4. a speech verb or a speech-act noun without a content clause ("hatte … Andeutungen
   gemacht", "denied the reports") → ``reported`` (content = the verb's object).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from lagebild.stages.claims import cues as c
from lagebild.stages.claims.found import CLAUSE_STOP, Found, required_words, trimmed
from lagebild.stages.claims.sources import demonstrative_report, source, unattributed, wonach

#: A second speech verb coordinated with the first: "… and falsely claimed …".
COORDINATED_CUE = re.compile(
    r",?\s(?:and|und|but|aber)\s(?=(?:[A-ZÄÖÜ][\w’'-]*\s){0,3}(?:\w+ly\s|also\s|auch\s)?"
    rf"(?:{c.SPEECH_VERB['en'].pattern}|{c.SPEECH_VERB['de'].pattern}))"
)


#: An adverbial between cue and comma ("sagte am 19. Dezember, …"); ordinal dots allowed.
LEAD_TO_COMMA = re.compile(r"(?:\s*(?:[^\s,.;:“”„\"]|(?<=\d)\.)+){0,5}?,\s")
#: The content conjunction after a cue, past a short adverbial ("stated on March 5 that").
#: English "that" further away is mostly a relative pronoun ("any laws that discriminate").
CONJUNCTION_AFTER = {
    "de": re.compile(r"(?:[^.;:]|(?<=\d)\.){0,120}?\b(?:dass|ob)\b"),
    "en": re.compile(r"(?:[^.;:]|(?<=\d)\.){0,50}?\b(?:that|whether)\b"),
}


#: "wie Reuters berichtet", "Wie der Generalstab mitteilt, …": the cue's own clause.
AS_CLAUSE = re.compile(r"(?:^|,)\s*(?:[^,]{0,40}:\s*)?[Ww]ie\s[^,]{0,80}$")


def claims_in_sentence(text: str, start: int, end: int, language: str) -> list[Found]:
    """Claims of one sentence ``text[start:end]``: its quotations, else one per clause."""
    lang = "de" if language == "de" else "en"
    quotes = [
        m.span() for m in c.QUOTES.finditer(text, start, end) if _speech_quote(text, m, start)
    ]
    verbs = _verbs(text, start, end, lang, quotes)
    if quotes and (verbs or _quote_sentence(start, end, quotes)):
        return [replace(_direct(text, start, end, q, verbs), sentence_start=start) for q in quotes]
    found = []
    for clause_start, clause_end in _clauses(text, start, end):
        claim = _clause_claim(text, clause_start, clause_end, lang, quotes)
        if claim is not None:
            found.append(replace(claim, sentence_start=start))
    return found


def _clause_claim(
    text: str, start: int, end: int, lang: str, quotes: list[tuple[int, int]]
) -> Found | None:
    verbs = _verbs(text, start, end, lang, quotes)
    anaphoric = demonstrative_report(text, start, end, lang)
    if anaphoric:
        return anaphoric
    for verb in verbs:
        found = _indirect(text, start, end, verb, lang)
        if found and verb.group() in IMPERSONAL:  # "hieß es": the source named before
            return replace(found, marker="previous")
        if found:
            return found
    marked = source(text, start, end, lang) or wonach(text, start, end, lang)
    if marked:
        return marked
    if verbs:
        return _reported(text, start, end, verbs[0])
    noun = (c.SPEECH_NOUNS_DE if lang == "de" else c.SPEECH_NOUNS_EN).search(text, start, end)
    if noun and _has_speaker_verb(text, start, end, lang):
        return _noun_claim(text, start, end, noun, lang)
    return unattributed(text, start, end, lang)


def _verbs(
    text: str, start: int, end: int, lang: str, quotes: list[tuple[int, int]]
) -> list[re.Match[str]]:
    return [
        m
        for m in c.SPEECH_VERB[lang].finditer(text, start, end)
        if _valid_verb(text, m, start, end, lang)
        and not any(q0 <= m.start() < q1 for q0, q1 in quotes)
    ]


#: Impersonal reporting verbs ("…, hieß es weiter"): the speaker is the source before.
IMPERSONAL = frozenset({"hieß", "heißt"})


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Main clauses: a sentence split at ";", ", während", ", while", dashes."""
    stops = [m.start() for m in CLAUSE_STOP.finditer(text, start, end)]
    stops += [m.start() for m in COORDINATED_CUE.finditer(text, start, end)]
    stops += [m.start() for m in SPEECH_GERUND.finditer(text, start, end)]
    cuts = [start, *sorted(stops), end]
    return [(a, b) for a, b in pairwise(cuts) if b - a > 8]


def _valid_verb(text: str, match: re.Match[str], start: int, end: int, language: str) -> bool:
    before = text[max(start, match.start() - 16) : match.start()]
    adjective = c.DETERMINER_BEFORE.search(before) and c.NOUN_AFTER.match(text, match.end())
    if language == "de" and adjective:
        return False
    if language == "en" and match.group() in c.PROGRESSIVE_EN:
        window = max(start, match.start() - 40)
        opening = GERUND_OPENING.fullmatch(text, start, match.start())  # ", claiming that …"
        auxiliary = c.AUXILIARY_BEFORE_EN.search(text, window, match.start())
        return opening is not None or auxiliary is not None
    if language == "en" and c.DETERMINER_BEFORE_EN.search(before):
        return False
    if language == "en" and c.ADJECTIVE_BEFORE_EN.search(before):
        return False
    if language == "en" and match.group().endswith("s") and c.NOUN_CONTEXT_EN.search(before):
        return False
    required = required_words(match.group(), language)
    if not required:
        return True
    stop = CLAUSE_STOP.search(text, match.end(), end)
    after = text[match.end() : stop.start() if stop else end]
    return any(re.search(pattern, after) for pattern in required)


def _speech_quote(text: str, quote: re.Match[str], sentence_start: int) -> bool:
    """Quoted speech, not a scare quote: four words or more, opening the sentence or
    after a colon or comma, or closing with punctuation inside the marks."""
    inner = quote.group()[1:-1].strip()
    if len(inner.split()) < 4:
        return False
    before = text[sentence_start : quote.start()].rstrip()
    return not before or before[-1] in ":,–—" or inner[-1] in ".!?,"


def _quote_sentence(start: int, end: int, quotes: list[tuple[int, int]]) -> bool:
    """A sentence that is mostly a quotation is direct speech even without a verb."""
    quoted = sum(q1 - q0 for q0, q1 in quotes)
    return quoted > 0.6 * (end - start)


def _direct(
    text: str, start: int, end: int, quote: tuple[int, int], verbs: list[re.Match[str]]
) -> Found:
    """A quotation with its nearest cue; without one, the speaker is the one before."""
    content = (quote[0] + 1, quote[1] - 1)
    so = c.SO_SOURCE.search(text, quote[1], end)
    if not verbs and so:  # "„…“, so Klingbeil."
        return Found(start, end, *so.span(1), "direct", *content, "after")
    if not verbs:
        return Found(start, end, quote[0], quote[0], "direct", *content, "previous")
    cue = min(verbs, key=lambda v: abs(v.start() - quote[0]))
    return Found(start, end, *cue.span(), "direct", *content)


def _indirect(text: str, start: int, end: int, verb: re.Match[str], lang: str) -> Found | None:
    as_clause = _as_clause(text, start, end, verb)
    if as_clause:
        return as_clause
    conjunction = _conjunction_after(text, verb.end(), end, lang)
    if conjunction:
        stop = CLAUSE_STOP.search(text, conjunction.end(), end)
        gerund = SPEECH_GERUND.search(text, conjunction.end(), stop.start() if stop else end)
        stop = gerund or stop
        content = trimmed(text, conjunction.end(), stop.start() if stop else end)
        if content[1] - content[0] > 8:
            mode = "direct" if _wholly_quoted(text, *content) else "indirect"
            return Found(start, end, *verb.span(), mode, *content)
    after = _clause_after(text, verb.end(), end)
    if after and (_konjunktiv(text, *after) if lang == "de" else _english_clause(text, *after)):
        return Found(start, end, *verb.span(), "indirect", *after)
    before = text.rfind(",", start, verb.start())
    fronted = before > start and text[before + 1 : verb.start()].strip(' “”"') == ""
    if fronted and _reporting_clause(text, start, before, verb, end, lang):
        # "…, sagte Putin" / "…, teilte das Ministerium mit": a reporting clause
        return Found(start, end, *verb.span(), "indirect", *trimmed(text, start, before))
    return None


#: A participle clause of speech or a concessive adjunct after the content ("…, refuting
#: Russian claims that …", "…, despite Kremlin claims …"): the content clause ends before it.
SPEECH_GERUND = re.compile(
    r",\s(?:(?:\w+ly\s)?(?:refuting|asserting|claiming|accusing|denying|saying|arguing|adding|"
    r"insisting|alleging|noting|stating|warning|blaming)|despite|even though)\b"
)


#: A participle clause's opening before its gerund: the comma and an adverb.
GERUND_OPENING = re.compile(r",\s(?:\w+ly\s)?")


def _wholly_quoted(text: str, start: int, end: int) -> bool:
    """ "stated that “the talks did not result in anything.”": a that-clause that is one
    quotation is direct speech (the guideline's mode for quoted words)."""
    quote = c.QUOTES.fullmatch(text.rstrip(), start, len(text[:end].rstrip(" .")) + 1)
    if quote is None:
        quote = c.QUOTES.fullmatch(text, start, end)
    return quote is not None and len(quote.group().split()) >= 4


def _conjunction_after(text: str, position: int, end: int, lang: str) -> re.Match[str] | None:
    """ "dass"/"that" opening the content clause, past a short adverbial; an English "that"
    further away counts when a subject follows it ("announced … with Austin that Bulgaria
    is …"), not a verb ("any laws that discriminate")."""
    near = CONJUNCTION_AFTER[lang].match(text, position, end)
    if lang == "de":
        return near
    if near and not _relative_that(text, position, near.end(), end):
        return near
    far = FAR_THAT.match(text, position, end)
    if far is None or not SUBJECT_AFTER_THAT.match(text, far.end(), end):
        return None
    before_that = text[position : far.end() - 4].split()[-1:]
    return None if before_that and c.SPEECH_NOUNS_EN.fullmatch(before_that[0]) else far


def _relative_that(text: str, position: int, that_end: int, end: int) -> bool:
    """ "proposed a bill to ban companies that left …": "that" after a noun with an
    article, followed by no subject, opens a relative clause."""
    lead = text[position : that_end - 4].split()
    noun_before = bool(lead) and lead[-1][:1].islower()
    has_article = any(word.lower() in ("a", "an", "the", "any") for word in lead)
    subject = SUBJECT_AFTER_THAT.match(text, that_end, end) is not None
    return noun_before and has_article and not subject


FAR_THAT = re.compile(r"(?:[^.;:]|(?<=\d)\.){0,200}?\bthat\b")
SUBJECT_AFTER_THAT = re.compile(
    r"\s+(?:[A-Z]|(?:the|a|an|it|he|she|they|we|this|these|those|there|its|his|her|their)\b)"
)


def _reporting_clause(
    text: str, start: int, comma: int, verb: re.Match[str], end: int, lang: str
) -> bool:
    """A comma right before the cue ends fronted content, not an apposition ("Andriy
    Yusov, bewertete"); in English the inverted subject is all that follows ("said Putin")."""
    previous = text.rfind(",", start, comma)
    segment = text[previous + 1 if previous != -1 else start : comma].strip()
    if APPOSITIVE_NAME.fullmatch(segment) and previous != -1:
        return False
    return lang == "de" or len(text[verb.end() : end].split()) <= 6


APPOSITIVE_NAME = re.compile(r"(?:[A-ZÄÖÜ][\w'’-]+\s?){1,3}")


def _as_clause(text: str, start: int, end: int, verb: re.Match[str]) -> Found | None:
    """ "…, wie Reuters berichtet." / "Wie der Generalstab mitteilt, finden …": the rest of
    the sentence is what was said."""
    lead = AS_CLAUSE.search(text[start : verb.start()])
    if lead is None:
        return None
    if text[start : start + lead.start()].strip(" ,"):  # "…, wie X berichtet"
        content = trimmed(text, start, start + lead.start())
    else:  # "Wie X mitteilt, …"
        comma = text.find(",", verb.end(), end)
        content = trimmed(text, comma + 1 if comma != -1 else verb.end(), end)
    if content[1] - content[0] <= 8:
        return None
    return Found(start, end, *verb.span(), "indirect", *content, "as")


def _konjunktiv(text: str, start: int, end: int) -> bool:
    """Konjunktiv marks indirect speech: a listed form ("sei", "hätten"), or a verb in
    -e right after the clause's subject ("Russland liefere Raketen")."""
    if c.KONJUNKTIV.search(text, start, end):
        return True
    return V2_SUBJUNCTIVE.match(text, start, end) is not None


#: Subject (a capitalised word or a pronoun) + a lower-case finite verb ending in -e.
V2_SUBJUNCTIVE = re.compile(r"\s*(?:[A-ZÄÖÜ][\w-]*|er|sie|es|man)\s+[a-zäöüß]{3,}e\b")


def _clause_after(text: str, position: int, end: int) -> tuple[int, int] | None:
    """The content clause after a cue: from after the comma (or the cue) to the clause end."""
    comma = LEAD_TO_COMMA.match(text, position, end)
    begin = comma.end() if comma else position
    while begin < end and text[begin].isspace():
        begin += 1
    stop = CLAUSE_STOP.search(text, begin, end)
    finish = stop.start() if stop else end
    finish = len(text[:finish].rstrip(" .!?"))
    return (begin, finish) if finish - begin > 8 else None


def _english_clause(text: str, start: int, end: int) -> bool:
    """ "said Russia was preparing …": a clause follows when a finite verb comes within
    its first words, not after a conjunction ("rejected the request and opted …")."""
    head = text[start:end].split()[:7]
    return any(
        ENGLISH_FINITE.fullmatch(word.strip(","))
        and head[index - 1].lower() not in NOT_BEFORE_FINITE
        for index, word in enumerate(head[1:], 1)
    )


#: Words after which an -ed form is no finite verb ("and opted", "the alleged", "of claimed").
NOT_BEFORE_FINITE = frozenset(
    """and or but to the a an its their his her of in on at for with by from about""".split()
)


ENGLISH_FINITE = re.compile(
    r"(?:is|are|was|were|will|would|had|has|have|could|can|may|might|must|should|"
    r"did|does|do|[a-z]{3,}ed)"
)


def _reported(text: str, start: int, end: int, cue: re.Match[str]) -> Found:
    object_before_comma = OBJECT_TO_COMMA.match(text, cue.end(), end)
    if object_before_comma:  # "bestritt die Vorwürfe, Aussage stand gegen Aussage"
        content = trimmed(text, cue.end(), object_before_comma.end() - 1)
        return Found(start, end, *cue.span(), "reported", *content)
    after = _clause_after(text, cue.end(), end)
    content = after or trimmed(text, cue.end(), end)
    return Found(start, end, *cue.span(), "reported", *content)


#: A reported act's object closed by a comma that a new clause follows (a capitalised word
#: or a finite verb), not an apposition or a list ("warnte vor X, Y und Z").
OBJECT_TO_COMMA = re.compile(
    r"\s+(?:die|der|den|das|dem|diese|seine|ihre|the|these|his|her|its|their)\s[^,;.]{2,60},"
    r"(?=\s+[A-ZÄÖÜ][a-zäöüß]+\s+(?:stand|stehe|war|ist|sei|gab|habe|hat|was|is|were)\b)"
)


def _noun_claim(text: str, start: int, end: int, noun: re.Match[str], lang: str) -> Found:
    """ "ähnliche Andeutungen über … gemacht": the content is the noun phrase itself."""
    adjective = re.search(r"([a-zäöü]\w+\s)$", text[max(start, noun.start() - 30) : noun.start()])
    begin = noun.start() - len(adjective.group(1)) if adjective else noun.start()
    before = [v for v in SUPPORT_VERB[lang].finditer(text, start, begin) if v.end() < begin]
    if before:  # "promoting false claims of …": the verb is the cue, the phrase the content
        content = trimmed(text, begin, end)
        return Found(start, end, *before[-1].span(), "reported", *content)
    verb = SUPPORT_VERB[lang].search(text, noun.end(), end)
    finish = verb.start() if verb else end
    return Found(start, end, *noun.span(), "reported", *trimmed(text, begin, finish))


SUPPORT_VERB = {
    "de": re.compile(r"\b(?:gemacht|machte|machten|geäußert|äußerte|erhoben|erhob)\b"),
    "en": re.compile(
        r"\b(?:made|issued|repeated|voiced|promot(?:ed|ing|es)|proliferat(?:ed|ing|es)|"
        r"circulat(?:ed|ing|es)|spread(?:ing|s)?|amplif(?:ied|ying|ies)|push(?:ed|ing|es))\b"
    ),
}


def _has_speaker_verb(text: str, start: int, end: int, lang: str) -> bool:
    return SUPPORT_VERB[lang].search(text, start, end) is not None
