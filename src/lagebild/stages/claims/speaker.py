"""Who is speaking: the entity, pronoun or noun phrase a claim's cue attaches to.

German puts the finite verb second: the speaker is the subject before it ("Selenskyj
sagte"), or after it when something else is fronted ("…, sagte der Gouverneur",
"Zuvor hatte das Ministerium … angekündigt").  A role phrase with a name in apposition
("der Gouverneur von Kaluga, Wladislaw Schapscha,") speaks through the name.  English
mostly puts the speaker before the cue ("Russian milbloggers claimed") and after it in
inverted quotes ("said Peskov").  Names inside prepositional phrases and genitives ("in
Ukraine", "das Ministerium der Ukraine") are not speakers.  Entity mentions are
preferred to bare noun phrases; a definite noun phrase without a mention takes the
entity of an earlier mention with the same head ("das Ministerium" after "das ukrainische
Verteidigungsministerium"); a pronoun next to the cue goes through the entities stage's
resolver.  Source markers take the phrase they introduce ("laut dem ukrainischen
Generalstab") or, for "zufolge", the phrase before.
"""

from __future__ import annotations

import re

from lagebild.kb import load_kb
from lagebild.records import Document, Span
from lagebild.stages.claims.found import STAMP_PREFIX, Found
from lagebild.stages.claims.mentions import Candidate, Mentions
from lagebild.stages.claims.naming import (
    NOT_SUBJECT,
    UNKNOWN,
    Speaker,
    compound_part,
    from_mention,
    governed,
    is_person,
    named,
    saxon_genitive,
)
from lagebild.stages.entities.coref import Antecedent, pronoun_gender, resolve_pronoun

#: How far (characters) a speaker may stand from its cue.
REACH = 80
NOUN_PHRASE_DE = re.compile(
    r"\s*(?:(?:demnach|demzufolge|zudem|auch|bereits|zuvor|dann|erneut|nun|jetzt)\s+)*"
    r"((?:[Dd]er|[Dd]ie|[Dd]as|[Dd]es|[Ee]in|[Ee]ine)\s(?:[\w-]+\s){0,4}?[A-ZÄÖÜ][\w-]+"
    r"(?:\s(?:des|der)\s(?:[\w-]+\s){0,3}?[A-ZÄÖÜ][\w-]+)?|(?:[A-ZÄÖÜ][\w-]+(?:\s(?=[A-ZÄÖÜ]))?){1,3})"
)


#: An attributive adjective ("ukrainischer", "mehreren", "Russian"): no preposition or pronoun.
ADJECTIVE = r"(?:[a-zäöü][\w-]{2,}(?:e|en|er|em|es)|[A-Z][a-z]+(?:an|ian|ish|ese))"
#: The phrase a source marker introduces, in any case: "laut dem Generalstab", "nach
#: Angaben ukrainischer Militärkreise", "nach Informationen des Leiters der Verwaltung".
MARKED_PHRASE = re.compile(
    r"\s*((?:(?:der|die|das|des|dem|den|ein|eine|einem|einer|eines|the)\s)?"
    rf"(?:{ADJECTIVE}\s){{0,2}}[A-ZÄÖÜ][\w'’-]+(?:\s[A-ZÄÖÜ][\w'’-]+)*"
    r"(?:\s(?:des|der)\s(?:[\w-]+\s){0,2}?[A-ZÄÖÜ][\w-]+)?)"
)


#: "in dem Statement des Gouverneurs": whose text an impersonal "heißt es" quotes.
STATEMENT_OF = re.compile(
    r"\bin\s(?:dem|einem|der|einer|seinem|ihrem)\s[\w-]+\s(?=des\s|der\s|von\s)"
)


#: ", Olexander Pawljuk," after a role phrase (and its attribute): the name in apposition.
APPOSITION = re.compile(
    r"(?:\s(?:der|des|von|vom|in|im)\s[^,.;:]{0,60})?,\s((?:[A-ZÄÖÜ][\w'’-]+\s){1,2}[A-ZÄÖÜ][\w'’-]+),"
)


#: A participle clause after a comma: its subject is the main clause's.
PARTICIPLE_CLAUSE = re.compile(r",\s+(?:\w+ly\s+|also\s+)?\w+ing$")
#: "Xi Jinping’s statements": a possessive is no subject.
POSSESSIVE = re.compile(r"[’']s\b")
#: Between a mention and the cue: a name the entity stage did not tag, or a new subject
#: after "and" ("… demands and the Russian prosecutor general’s office said").
UNTAGGED_SUBJECT = re.compile(
    r"(?:[A-Z][a-z]+\s+[A-Z][a-z]+\s*$|\band\s+(?:the\s+)?[\w’'-]+\s[^,]*$)"
)


WORDS_BEFORE_EN = re.compile(r"((?:[\w'’-]+\s){1,6})$")
QUOTING = re.compile(r"(?:zitierte|zitierten|zitiert|quoted|quotes)$")
#: "zitierte die dpa den General": the quoted person is the object after the subject.
QUOTED_OBJECT = re.compile(r"\s(?:den|die|das)\s")
ADDRESSING = re.compile(r"(?:told|tells|telling)$")
CITING = re.compile(
    r"\b(?:unter Berufung auf|mit Verweis auf|citing|quoting|(zitiert(?:en|e)?))\s+"
    r"((?:[\w'’-]+\s?){1,6})"
)


#: Subordinators: the subject follows them and the verb is last ("wie Reuters berichtet").
SUBORDINATORS = frozenset({"während", "wie", "weil", "nachdem", "als", "obwohl", "da", "wenn"})
AUXILIARY_DE = re.compile(r"\b(?:hat|hatte|hatten|haben|habe|ist|war|waren|sind|wird|wurde)\b")


def speaker_of(document: Document, found: Found, language: str, mentions: Mentions) -> Speaker:
    """The speaker of ``found``; ``UNKNOWN`` when none is in reach."""
    if found.marker in ("previous", "none"):
        return _statement_of(document, found, mentions)
    if found.marker == "after":
        return _after_marker(document, found, mentions)
    if found.marker == "headline":  # "Pistorius: …"
        end = document.text.index(":", found.cue_start)
        return named(document, mentions, found.cue_start, end)
    if found.marker == "before":
        return _before_marker(document, found, mentions)
    pronoun = _pronoun_near(document, found)
    if pronoun is not None:
        return pronoun
    if language == "de":
        return _german_subject(document, found, mentions)
    return _english_subject(document, found, mentions)


def _actors(
    document: Document, found: Found, mentions: Mentions, low: int, high: int
) -> list[Candidate]:
    """Speaker-like mentions in ``[low, high)``: not in the content, not governed by a
    preposition or a genitive, not a medium ("auf Telegram")."""
    text = document.text
    return [
        m
        for m in mentions.between(low, high)
        if m.actor
        and not (found.content_start <= m.start < found.content_end)
        and not governed(text, m.start)
        and not saxon_genitive(text, m)
    ]


def _statement_of(document: Document, found: Found, mentions: Mentions) -> Speaker:
    """ "heißt es in dem Statement des Gouverneurs"; otherwise the stage takes the speaker
    of the claim before."""
    statement = STATEMENT_OF.search(document.text, found.cue_end, found.end)
    if found.has_cue and statement:
        phrase = MARKED_PHRASE.match(document.text, statement.end(), found.end)
        if phrase:
            return named(document, mentions, phrase.start(1), phrase.end(1))
    return UNKNOWN


def _after_marker(document: Document, found: Found, mentions: Mentions) -> Speaker:
    text = document.text
    phrase = MARKED_PHRASE.match(text, found.cue_end, found.end)
    if phrase:
        return named(document, mentions, phrase.start(1), phrase.end(1))
    after = [m for m in mentions.between(found.cue_end, found.cue_end + REACH) if m.actor]
    return from_mention(after[0]) if after else _phrase_after(text, found.cue_end, found.end)


def _before_marker(document: Document, found: Found, mentions: Mentions) -> Speaker:
    """ "einem Medienbericht zufolge", "Berichten der Agentur Reuters zufolge"."""
    text = document.text
    low = max(found.start, found.cue_start - 60)
    phrase = PHRASE_BEFORE.search(text, low, found.cue_start)
    if phrase is None:
        return UNKNOWN
    start = phrase.start(1)
    while text[start:].split(" ", 1)[0].lower() in ARTICLES:
        start = text.index(" ", start) + 1
    return named(document, mentions, start, phrase.end(1))


#: The noun phrase right before "zufolge": "einem Medienbericht", "Berichten der Agentur X".
PHRASE_BEFORE = re.compile(
    rf"(?<![\w-])((?:(?:dem|der|den|einem|einer|des)\s)?(?:{ADJECTIVE}\s){{0,2}}"
    r"[A-ZÄÖÜ][\w-]*(?:\s[A-ZÄÖÜ][\w-]*)*"
    r"(?:\s(?:der|des)\s(?:[\w-]+\s){0,2}?[A-ZÄÖÜ][\w-]*(?:\s[A-ZÄÖÜ][\w-]*)?)?)\s+$"
)


ARTICLES = frozenset({"dem", "der", "den", "des", "einem", "einer", "the"})


def _german_subject(document: Document, found: Found, mentions: Mentions) -> Speaker:
    text = document.text
    verb = _finite_verb(text, found)
    low = _clause_start(text, found)
    opener = re.match(r"([\w-]+)\s+", text[low:verb])
    subordinate = opener and "," not in text[low : found.cue_start]
    if opener and subordinate and opener.group(1).lower() in SUBORDINATORS:  # "wie X mitteilt"
        return _subject_in(document, found, mentions, low + opener.end(), found.cue_start)
    if (
        low < verb
        and _subject_prefield(text[low:verb])
        and not _person_after(document, found, mentions, low, verb)
    ):
        return _subject_in(document, found, mentions, low, verb)
    return _subject_after(document, found, mentions, verb)


def _person_after(
    document: Document, found: Found, mentions: Mentions, low: int, verb: int
) -> bool:
    """A prefield without a speaker-like name ("Nach dem Telefonat mit Putin") before a
    person named right after the verb ("fordert Außenministerin Baerbock"): the subject
    follows the verb."""
    text = document.text
    heads = [
        m
        for m in _actors(document, found, mentions, low, verb)
        if not compound_part(text, m) and text[m.start - 1 : m.start] != "("  # "(SPD)"
    ]
    if heads:
        return False
    after = [m for m in mentions.between(found.cue_end, found.cue_end + 60) if m.actor]
    return (
        bool(after)
        and is_person(after[0].entity_id)
        and _adjacent(text, found.cue_end, after[0].start)
    )


def _finite_verb(text: str, found: Found) -> int:
    """Where the finite verb stands: an auxiliary before a participle cue, else the cue."""
    low = max(found.start, found.content_end if found.content_end <= found.cue_start else 0)
    auxiliary = AUXILIARY_DE.search(text, low, found.cue_start)
    return auxiliary.start() if auxiliary else found.cue_start


def _clause_start(text: str, found: Found) -> int:
    """The clause's first word, past a ticker stamp, a list dash and fronted content."""
    low = found.start
    if found.content_start >= found.start and found.content_end <= found.cue_start:
        low = found.content_end
    while low < found.cue_start and text[low] in ' ,-–—*\n“”"»«':
        low += 1
    stamp = STAMP_PREFIX.match(text, low, found.cue_start) or LABEL.match(
        text, low, found.cue_start
    )
    return stamp.end() if stamp else low


#: A label or dateline before the clause: "Erstmeldung vom 10. Mai: Kiew – ".
LABEL = re.compile(r"(?:[^:\n]{0,40}:\s+)?(?:[A-ZÄÖÜ][\w-]+\s[–—-]\s)?")


def _subject_prefield(prefield: str) -> bool:
    """Whether the words before the finite verb are its subject: not an adverbial, and not
    a demonstrative standing for the sentence before ("Das teilte der Minister mit")."""
    words = re.findall(r"[\w-]+", prefield)
    if len(words) == 1 and words[0].lower() in DEMONSTRATIVES:
        return False
    return bool(words) and words[0].lower() not in NOT_SUBJECT


DEMONSTRATIVES = frozenset({"das", "dies", "dieses", "es", "was"})


def _subject_in(
    document: Document, found: Found, mentions: Mentions, low: int, high: int
) -> Speaker:
    """The subject standing before the verb: its entity, a name in apposition, the phrase."""
    text = document.text
    actors = _actors(document, found, mentions, low, high)
    phrase = NOUN_PHRASE_DE.match(text, low, high)
    head_end = phrase.end(1) if phrase else high
    apposition = APPOSITION.match(text, head_end, high + 1)
    if apposition:
        return named(document, mentions, apposition.start(1), apposition.end(1))
    before_verb = [
        m
        for m in mentions.between(low, high)
        if m.actor and is_person(m.entity_id) and not text[m.end : high].strip()
    ]
    if before_verb:  # "Der ehemalige Oberbefehlshaber … Ben Hodges sieht"
        return from_mention(before_verb[-1])
    heads = [m for m in actors if m.start < head_end and not compound_part(text, m)]
    if heads:
        return from_mention(heads[0])
    if phrase:
        return named(document, mentions, phrase.start(1), phrase.end(1))
    return from_mention(actors[0]) if actors else UNKNOWN


def _subject_after(document: Document, found: Found, mentions: Mentions, verb: int) -> Speaker:
    """The subject after the finite verb ("sagte der Kommandeur …, Olexander Pawljuk,")."""
    text = document.text
    position = text.find(" ", verb, found.end)
    if position == -1:
        return UNKNOWN
    phrase = NOUN_PHRASE_DE.match(text, position, found.end)
    if phrase is None:
        actors = _actors(document, found, mentions, position, position + REACH)
        return from_mention(actors[0]) if actors else UNKNOWN
    apposition = APPOSITION.match(text, phrase.end(1), found.end)
    if apposition:
        return named(document, mentions, apposition.start(1), apposition.end(1))
    return named(document, mentions, phrase.start(1), phrase.end(1))


def _named_phrase(document: Document, mentions: Mentions, position: int, end: int) -> Speaker:
    phrase = NOUN_PHRASE_DE.match(document.text, position, end)
    if phrase:
        return named(document, mentions, phrase.start(1), phrase.end(1))
    return _phrase_after(document.text, position, end)


def _english_subject(document: Document, found: Found, mentions: Mentions) -> Speaker:
    """The nearest subject-like name before the cue, else right after it ("said Peskov")."""
    text = document.text
    low = min(found.start, found.sentence_start or found.start)
    before = [
        m
        for m in _actors(document, found, mentions, low, found.cue_start)
        if m.end <= found.cue_start and not POSSESSIVE.search(text, m.end - 2, m.end + 2)
    ]
    in_clause = [m for m in before if m.start >= found.start]
    if in_clause and PARTICIPLE_CLAUSE.search(text, found.start, found.cue_end):
        return from_mention(in_clause[0])  # "…, claiming that …": the main clause's subject
    if in_clause and not UNTAGGED_SUBJECT.search(text, in_clause[-1].end, found.cue_start):
        return from_mention(_first_conjunct(text, in_clause))
    if in_clause:  # "… Deputy Chairman Dmitry Medvedev stated", "… and the office said"
        return _phrase_before(text, found.start, found.cue_start)
    after = [
        m
        for m in _actors(document, found, mentions, found.cue_end, found.end)
        if _adjacent(text, found.cue_end, m.start)
    ]
    if after and not ADDRESSING.match(text[found.cue_start : found.cue_end]):
        return from_mention(after[0])
    if before:  # a subject shared with an earlier clause ("…, and claimed", ", claiming")
        persons = [m for m in before if is_person(m.entity_id)]  # "Kremlin spokesperson Peskov"
        return from_mention(persons[0] if persons else before[0])
    return _phrase_before(text, found.start, found.cue_start)


def _first_conjunct(text: str, mentions: list[Candidate]) -> Candidate:
    """ "Zelensky and Foreign Minister Dmytro Kuleba stated": coordinated persons speak
    together; the first named stands for both (as the gold guideline names one speaker)."""
    last = mentions[-1]
    if not is_person(last.entity_id):
        return last
    for earlier in reversed(mentions[:-1]):
        if is_person(earlier.entity_id) and COORDINATED_NAMES.fullmatch(
            text, earlier.end, last.start
        ):
            return earlier
    return last


#: Between two coordinated names: "and" and capitalised title words only.
COORDINATED_NAMES = re.compile(r"\s+and\s+(?:[A-Z][\w’'-]*\s+){0,6}")


def _adjacent(text: str, position: int, start: int) -> bool:
    """Only a few words (articles, titles, adjectives) and no comma between cue and name."""
    between = text[position:start]
    return "," not in between and len(between.split()) <= 4


def _pronoun_near(document: Document, found: Found) -> Speaker | None:
    """A pronoun right before or right after the cue ("er sagte", "sagte er", "he said")."""
    text = document.text
    before = re.search(r"\b(\w+)\s+$", text[max(found.cue_start - 20, 0) : found.cue_start])
    after = re.match(r"\s+(\w+)\b", text[found.cue_end : found.cue_end + 20])
    if (
        after
        and after.group(1) in ("ihn", "him")
        and not QUOTING.match(text[found.cue_start : found.cue_end])
    ):
        after = None  # "sagte ihn" is no German; only "zitierte ihn" names the speaker
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
    words: list[str] = []
    for word in text[position:end].split(",")[0].split()[:6]:
        if word[:1].islower() and words:
            break  # "Kovalenko demnach auf Telegram": the phrase ends at the adverb
        words.append(word.strip(" .,:;"))
    phrase = " ".join(w for w in words if w)
    if not phrase or phrase[:1].islower():
        return UNKNOWN
    return Speaker(phrase, None, "phrase")


def _phrase_before(text: str, start: int, cue_start: int) -> Speaker:
    head = re.split(r"[,;:]|\band\b|\s[-–—]\s|^\s*[-–—*]\s", text[start:cue_start])[-1]
    head = re.sub(r"(?:\s+(?:\w+ly|also|continued to|continue to|has|have|had))+\s*$", "", head)
    match = WORDS_BEFORE_EN.search(head.strip() + " ")
    phrase = match.group(1).strip() if match else ""
    known = _known(phrase)
    if known:  # "Ambassador to the United States Qin Gang": the name at the end
        return Speaker(known[0], known[1], "phrase")
    return Speaker(phrase or None, None, "phrase" if phrase else "unknown")


def _known(phrase: str) -> tuple[str, str] | None:
    """The longest tail of ``phrase`` that names one entity in the knowledge base."""
    words = phrase.split()
    for first in range(max(0, len(words) - 4), len(words)):
        tail = " ".join(words[first:])
        found = load_kb().by_alias(tail) if tail[:1].isupper() else ()
        if len(found) == 1:
            return tail, found[0].id
    return None


def citing(text: str, start: int, end: int) -> str | None:
    """The source a speaker cites: "Reuters berichtete unter Berufung auf Militärkreise"."""
    match = CITING.search(text, start, end)
    if match is None:
        return None
    cited = match.group(2).strip(" ,.")
    quoted = QUOTED_OBJECT.search(cited) if match.group(1) else None
    return cited[quoted.start() + 1 :] if quoted else cited  # "zitierte die dpa den General"
