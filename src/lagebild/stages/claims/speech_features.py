"""Tokens and CRF features for the German speech-representation tagger (decision 0011).

Training (``train/stwr_de``), evaluation (``eval/redewiedergabe.py``) and run time
(:mod:`lagebild.stages.claims.speech`) all call :func:`document_features` on lists of
sentences of token strings, so the model always sees the same features.  Plain text is
cut into such tokens by :func:`tokenize`, which follows the corpus REDEWIEDERGABE
conventions (words, numbers and each punctuation mark apart; ``...`` and ``--`` whole).

The lexicons below are frozen with the model: changing them changes the features, so
retrain (``train/stwr_de/train.py``) after any edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|\.{2,}|-{2,}|[^\w\s]")

# Double quotation marks: opener -> its closer.  An opener seen while no quotation is
# open starts one; the closer that matches the opener ends it.  The same opener seen
# again inside an open quotation restarts it (a closer was lost).
DOUBLE_QUOTES = {"„": "“", "»": "«", "«": "»", '"': '"', "“": "”", "”": "”", "‟": "”"}
ALSO_CLOSES = {"„": {"”", '"'}, "“": {'"'}, "‟": {'"'}}
SINGLE_QUOTES = {"‚": "‘", "›": "‹", "‹": "›", "‘": "’"}
MAX_QUOTE = 400  # tokens; a quotation running longer than this was never closed

Sentence = Sequence[str]


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character offsets ``(start, end)`` of the tokens of ``text``."""
    return [match.span() for match in TOKEN.finditer(text)]


# --- lexicons -------------------------------------------------------------------------

_WEAK_SPEECH = (
    "sag antwort erklär behaupt mein frag erzähl bericht meld teil äußer äusser betont erwähn "
    "erwider versicher bestätig leugn klag jammer flüster murmel stammel brumm seufz fluch "
    "forder verlang warn droh dank lob tadel mahn ermahn bemerk entgegn plauder red wiederhol "
    "verkünd kündig schilder beteuer protestier zitier kritisier dementier appellier "
    "informier verlaut plapper schwatz schwätz tuschel brüll zisch stöhn keuch nick lach "
    "kicher jubel beschwör beklag beschwer erkundig telegraphier telegrafier notier "
    "beantrag ordn versetz wend plärr predig scherz spott höhn grüß ruf"
).split()
_WEAK_THOUGHT = (
    "glaub hoff fürcht wünsch ahn vermut überleg zweifel staun wunder träum erinner fühl "
    "merk grübel sorg überzeug befürcht bedauer begreif hielt"
).split()
_WEAK_WRITING = "notier vermerk buchstabier dichte kritzel unterzeichn".split()
_INSEPARABLE = ("be", "er", "ver", "ent", "über", "wider", "zer", "miss", "ge")
_STRONG = {
    "speech": (
        "sprechen spreche sprichst spricht sprecht sprach sprachst sprachen spracht gesprochen "
        "spräche sprächen rufen rufe rufst ruft rief riefst riefen rieft gerufen schreien "
        "schreie schreist schreit schrie schrieen schrien geschrieen geschrien versprechen "
        "verspricht versprach versprachen versprochen bitten bitte bittest bittet bat baten "
        "gebeten bäte befehlen befiehlt befahl befahlen befohlen raten rätst rät riet rieten "
        "empfehlen empfiehlt empfahl empfahlen empfohlen gestehen gesteht gestand gestanden "
        "bestreiten bestreitet bestritt bestritten hob hoben hervorgehoben unterstreicht "
        "unterstrich unterstrichen verraten verrät verriet verrieten wandte wandten "
        "eingewandt schlug schlugen vorgeschlagen schlägt gab gaben zugegeben fuhr fuhren "
        "fährt fortgefahren heißt hieß hießen heißen frug frugen sprachs riefs verbot "
        "verboten verbietet widersprach widerspricht widersprochen beschwor beschworen "
        "schwor schworen geschworen log logen gelogen klang schalt schalten gescholten"
    ).split(),
    "thought": (
        "denken denke denkst denkt dachte dachtest dachten gedacht dächte dächten wissen "
        "weiß weißt wußte wusste wußten wussten gewußt gewusst wüßte wüsste wüßten wüssten "
        "beschließen beschließt beschloß beschloss beschlossen erfahren erfuhr erfuhren "
        "erfährt vernehmen vernahm vernommen vernimmt finden finde findest findet fand "
        "fanden gefunden vergessen vergaß vergißt vergisst sann sannen gesonnen sinnen "
        "begriff begriffen verstand verstanden versteht meinte dünkt dünkte deuchte "
        "scheint schien schienen"
    ).split(),
    "writing": (
        "schreiben schreibe schreibst schreibt schrieb schriebst schrieben geschrieben "
        "lesen lese liest las lasen gelesen beschreiben beschreibt beschrieb beschrieben "
        "unterschrieb unterschrieben"
    ).split(),
}
_WEAK_ENDINGS = (
    "",
    "e",
    "st",
    "est",
    "t",
    "et",
    "en",
    "te",
    "ete",
    "test",
    "etest",
    "ten",
    "eten",
    "tet",
    "etet",
    "end",
)


def _weak_forms(stem: str) -> set[str]:
    forms = {stem + ending for ending in _WEAK_ENDINGS}
    inseparable = stem.startswith(_INSEPARABLE) or stem.endswith("ier")
    forms |= {stem + "t", stem + "et"} if inseparable else {"ge" + stem + "t", "ge" + stem + "et"}
    return forms


def _lexicon() -> dict[str, str]:
    verbs: dict[str, str] = {}
    for kind, stems in (
        ("writing", _WEAK_WRITING),
        ("thought", _WEAK_THOUGHT),
        ("speech", _WEAK_SPEECH),
    ):
        for stem in stems:
            verbs.update(dict.fromkeys(_weak_forms(stem), kind))
    for kind, forms in _STRONG.items():
        verbs.update(dict.fromkeys(forms, kind))
    for noise in ("bitte", "red", "ruf", "lob", "dank", "teil", "teile", "teilen", "mein"):
        verbs.pop(noise, None)
    verbs.update(dict.fromkeys(("meine", "meinen", "meinem", "meiner", "meines"), ""))
    return {form: kind for form, kind in verbs.items() if kind}


SPEECH_VERBS = _lexicon()
SPEECH_NOUNS = frozenset(
    (
        "frage antwort behauptung meinung aussage erklärung bericht nachricht gedanke "
        "gedanken worte wort brief briefe versprechen bitte befehl rat vorschlag "
        "mitteilung meldung erzählung gerücht ansicht überzeugung hoffnung wunsch "
        "forderung warnung drohung vorwurf klage bemerkung einwand zusage absage "
        "ankündigung gespräch unterredung rede predigt zeitung telegramm schreiben "
        "auskunft versicherung vermutung urteil beschluss beschluß"
    ).split()
)
KONJUNKTIV_I = frozenset(
    (
        "sei seist seien seiet habe habest werde werdest könne könnest müsse müssest "
        "dürfe solle wolle möge wisse gebe komme gehe stehe liege bleibe heiße lasse "
        "sehe tue wäre's sei's hab'"
    ).split()
)
KONJUNKTIV_II = frozenset(
    (
        "wäre wärest wärst wären wäret hätte hättest hätten hättet würde würdest würden "
        "würdet könnte könntest könnten müßte müsste müßten müssten dürfte dürften "
        "möchte möchten käme kämen ginge gingen gäbe gäben täte täten stünde stände "
        "wüßte wüsste sähe läge bliebe hielte ließe fände bräuchte brauchte"
    ).split()
)
THIRD_PERSON = frozenset("er sie es man".split())
NOT_VERBS_IN_E = frozenset(
    (
        "die eine keine diese jene jede welche seine ihre meine deine unsere eure alle "
        "viele einige manche solche ohne ohne gerne gern schöne alte große kleine ganze "
        "liebe gute erste letzte andere beide eigene dame gnädige ferne nahe stille "
        "ruhe ehe habe"
    ).split()
)
SOURCE_MARKERS = frozenset(("laut", "zufolge", "gemäß", "lt"))
CLAUSE_WORDS = frozenset(
    "dass daß ob wie warum weshalb weswegen wieso wer was wo wann wohin woher welche welcher".split()
)
FIRST_SECOND = frozenset("ich mir mich wir uns du dich dir ihr euch mein dein unser euer".split())
HEDGES = frozenset("angeblich vermutlich wohl offenbar anscheinend scheinbar".split())
CLAUSE_BREAKS = frozenset(",;:–—-()")


def verb_kind(word: str) -> str:
    """ "speech", "thought", "writing" for a form of a speech verb, else ""."""
    return SPEECH_VERBS.get(word.lower(), "")


def konjunktiv(words: Sequence[str], index: int) -> str:
    """ "1" (Konjunktiv I), "2" (Konjunktiv II), "1?" (a guessed -e/-est form), else ""."""
    lower = words[index].lower()
    if lower in KONJUNKTIV_II:
        return "2"
    if lower in KONJUNKTIV_I:
        return "1"
    if (
        words[index][:1].islower()
        and len(lower) > 3
        and lower.endswith(("e", "est"))
        and not lower.endswith(("te", "ene", "ige", "liche", "ische", "ste", "ere", "nde"))
        and lower not in NOT_VERBS_IN_E
        and any(word.lower() in THIRD_PERSON for word in words[max(0, index - 4) : index])
    ):
        return "1?"
    return ""


# --- quotations -----------------------------------------------------------------------


@dataclass(frozen=True)
class QuoteState:
    """Where a token stands relative to the double quotations of its document."""

    role: str  # "out", "open", "in", "close"
    since_open: int  # tokens since the opening mark (-1 when out)
    to_close: int  # tokens to the closing mark (-1 when out or never closed)
    length: int  # tokens of the whole quotation (-1 when out or never closed)
    single: bool  # inside a single-quote pair


def _chevron_opener(tokens: Sequence[str]) -> str:
    """ "»" when the document quotes »…«, "«" when it quotes «…» (a vote over the marks).

    A closer is followed by a comma or a lower-case word ("«, sagte er"), an opener is
    preceded by a colon.
    """
    votes = {"»": 0, "«": 0}
    for index, token in enumerate(tokens):
        if token not in votes:
            continue
        other = "«" if token == "»" else "»"
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if following in (",", ";") or following[:1].islower():
            votes[other] += 1  # this mark closes, so the other one opens
        if index and tokens[index - 1] == ":":
            votes[token] += 1
    return "«" if votes["«"] > votes["»"] else "»"


def _openers(tokens: Sequence[str]) -> set[str]:
    """The marks that open a quotation in this document.

    “ opens only in documents without „ (where it is the German closer); of the two
    chevrons only the one the document opens with.
    """
    openers = {'"', "„", "‟", _chevron_opener(tokens)}
    if "„" not in tokens:
        openers.add("“")
    return openers


def _regions(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """(open index, close index or -1) of each double quotation.

    A closer before any quotation opened means the text starts inside one: the
    region then runs from the first token.
    """
    openers = _openers(tokens)
    closers = {DOUBLE_QUOTES[o] for o in openers} | {
        c for o in openers for c in ALSO_CLOSES.get(o, ())
    }
    regions: list[tuple[int, int]] = []
    opener: str | None = None
    start = -1
    for index, token in enumerate(tokens):
        if opener is not None and index - start > MAX_QUOTE:
            regions.append((start, -1))
            opener = None
        if opener is None:
            if token in openers:
                opener, start = token, index
            elif token in closers and not regions and index <= MAX_QUOTE and token != '"':
                regions.append((0, index))
        elif token == DOUBLE_QUOTES[opener] or token in ALSO_CLOSES.get(opener, ()):
            regions.append((start, index))
            opener = None
        elif token == opener:
            regions.append((start, -1))
            start = index
    if opener is not None:
        regions.append((start, -1))
    return regions


def quote_states(tokens: Sequence[str]) -> list[QuoteState]:
    """The quotation state of every token of a document (flat token list)."""
    regions = _regions(tokens)
    inside = [False] * len(tokens)
    for begin, end in regions:
        last = end if end >= 0 else min(len(tokens) - 1, begin + MAX_QUOTE)
        inside[begin : last + 1] = [True] * (last + 1 - begin)
    singles = _single_quoted(tokens, inside)
    states = [QuoteState("out", -1, -1, -1, flag) for flag in singles]
    for begin, end in regions:
        last = end if end >= 0 else min(len(tokens) - 1, begin + MAX_QUOTE)
        for index in range(begin, last + 1):
            opening = index == begin and tokens[index] in DOUBLE_QUOTES
            role = "open" if opening else "close" if index == end else "in"
            to_close = end - index if end >= 0 else -1
            length = end - begin if end >= 0 else -1
            states[index] = QuoteState(role, index - begin, to_close, length, singles[index])
    return states


def _single_quoted(tokens: Sequence[str], inside: Sequence[bool]) -> list[bool]:
    """Tokens after a single-quote opener inside a double quotation, to its closer."""
    singles = [False] * len(tokens)
    single: str | None = None
    for index, token in enumerate(tokens):
        if single is None and token in SINGLE_QUOTES and inside[index]:
            single = token
        elif single is not None:
            singles[index] = True
            if token == SINGLE_QUOTES[single] or not inside[index]:
                single = None
    return singles


# --- features -------------------------------------------------------------------------


def _bucket(value: int) -> str:
    if value < 0:
        return "na"
    for limit in (0, 1, 2, 3, 5, 8, 12, 20, 35, 60, 100):
        if value <= limit:
            return str(limit)
    return "many"


def shape(word: str) -> str:
    """Xxxx-style word shape, runs collapsed to two characters."""
    mapped = re.sub(r"[A-ZÄÖÜ]", "X", word)
    mapped = re.sub(r"[a-zäöüß]", "x", mapped)
    mapped = re.sub(r"\d", "d", mapped)
    return re.sub(r"(.)\1{2,}", r"\1\1", mapped)


def _clauses(words: Sequence[str]) -> list[int]:
    """A clause number per token; punctuation marks start a new clause."""
    numbers, clause = [], 0
    for word in words:
        if word in CLAUSE_BREAKS or word in DOUBLE_QUOTES:
            clause += 1
        numbers.append(clause)
    return numbers


@dataclass
class _SentenceFacts:
    verbs: list[int]
    clause_of: list[int]
    konj_clauses: set[int]
    content_clauses: set[int]  # dass/ob/w-clauses after a speech verb
    verb_clauses: dict[int, str]  # clause -> kind of its first speech verb
    noun_clauses: set[int]  # clauses with a speech noun
    markers: list[int]
    has_konj: bool
    first_second: bool
    question: bool
    exclamation: bool


def _facts(words: Sequence[str]) -> _SentenceFacts:
    lower = [word.lower() for word in words]
    verbs = [i for i, word in enumerate(words) if verb_kind(word)]
    clause_of = _clauses(words)
    konj = {clause_of[i] for i in range(len(words)) if konjunktiv(words, i)}
    content = set()
    for index, word in enumerate(lower):
        after_comma = word in CLAUSE_WORDS and index > 0 and words[index - 1] == ","
        if after_comma and (
            any(verb < index for verb in verbs)
            or any(lower[j] in SPEECH_NOUNS for j in range(max(0, index - 4), index))
        ):
            content.add(clause_of[index])
    markers = [
        i
        for i, word in enumerate(lower)
        if word in SOURCE_MARKERS
        or (word == "angaben" and i > 0 and lower[i - 1] == "nach")
        or (word in ("wie", "so") and any(v in (i + 1, i + 2, i + 3) for v in verbs))
    ]
    verb_clauses: dict[int, str] = {}
    for verb in verbs:
        verb_clauses.setdefault(clause_of[verb], verb_kind(words[verb]))
    return _SentenceFacts(
        verbs=verbs,
        clause_of=clause_of,
        konj_clauses=konj,
        content_clauses=content,
        verb_clauses=verb_clauses,
        noun_clauses={clause_of[i] for i, word in enumerate(lower) if word in SPEECH_NOUNS},
        markers=markers,
        has_konj=bool(konj),
        first_second=any(word in FIRST_SECOND for word in lower),
        question="?" in words,
        exclamation="!" in words,
    )


def _nearest(index: int, positions: Iterable[int]) -> tuple[str, int]:
    best: tuple[str, int] = ("none", -1)
    for position in positions:
        distance = abs(position - index)
        if best[1] < 0 or distance < best[1]:
            side = "at" if position == index else "before" if position < index else "after"
            best = (side, distance)
    return best


def _word_features(words: Sequence[str], index: int) -> list[str]:
    word = words[index]
    lower = word.lower()
    features = [
        "b",
        f"w={lower}",
        f"s2={lower[-2:]}",
        f"s3={lower[-3:]}",
        f"s4={lower[-4:]}",
        f"p3={lower[:3]}",
        f"sh={shape(word)}",
    ]
    if word[:1].isupper():
        features.append("title")
    if kind := verb_kind(word):
        features.append(f"verb={kind}")
    if mood := konjunktiv(words, index):
        features.append(f"konj={mood}")
    if lower in SPEECH_NOUNS:
        features.append("snoun")
    if lower in FIRST_SECOND:
        features.append("pron12")
    if lower in HEDGES:
        features.append("hedge")
    for offset in (-2, -1, 1, 2):
        position = index + offset
        if 0 <= position < len(words):
            neighbour = words[position].lower()
            features.append(f"{offset}w={neighbour}")
            if offset in (-1, 1):
                features.append(f"{offset}vk={verb_kind(neighbour)}")
                features.append(f"{offset}s3={neighbour[-3:]}")
        elif offset in (-1, 1):
            features.append(f"{offset}w=<edge>")
    if index > 0:
        features.append(f"bi={words[index - 1].lower()}|{lower}")
    return features


def _quote_features(state: QuoteState, context: dict[str, bool]) -> list[str]:
    features = [f"q={state.role}", f"q{state.role}single={state.single}"]
    if state.role != "out":
        features += [
            f"qsince={_bucket(state.since_open)}",
            f"qto={_bucket(state.to_close)}",
            f"qlen={_bucket(state.length)}",
        ]
        features += [f"q+{name}" for name, value in context.items() if value]
    return features


DASHES = frozenset(("–", "—", "-", "--"))


def _summary(
    words: Sequence[str], states: Sequence[QuoteState], facts: _SentenceFacts
) -> list[str]:
    """Sentence-wide features, shared by its tokens and (prefixed) by its neighbours'."""
    inside = sum(state.role != "out" for state in states)
    covered = "all" if inside == len(words) else "some" if inside else "none"
    return [
        f"sq={covered}",
        f"skonj={facts.has_konj}",
        f"s12={facts.first_second}",
        f"sq?={facts.question}",
        f"s!={facts.exclamation}",
        f"sverb={bool(facts.verbs)}",
        f"sdash={bool(words) and words[0] in DASHES}",
        f"smark={bool(facts.markers)}",
    ]


def _clause_features(facts: _SentenceFacts, clause: int) -> list[str]:
    """The speech verbs and nouns of the token's clause and of the clauses around it.

    Reported speech is mostly the clause of its verb or noun ("er erzählte von der
    Reise"); indirect speech the clause after (or before) one ("sagte er, er sei ...").
    """
    return [
        f"cverb={facts.verb_clauses.get(clause, 'none')}",
        f"cnoun={clause in facts.noun_clauses}",
        f"cverb-1={clause - 1 in facts.verb_clauses}",
        f"cverb+1={clause + 1 in facts.verb_clauses}",
        f"cverb+cnoun={clause in facts.verb_clauses and clause in facts.noun_clauses}",
    ]


def sentence_features(
    words: Sequence[str],
    states: Sequence[QuoteState],
    quote_context: Sequence[dict[str, bool]],
    around: Sequence[str] = (),
) -> list[list[str]]:
    """Features of each token of one sentence (see :func:`document_features`).

    ``around`` are features of the neighbouring sentences, added to every token.
    """
    facts = _facts(words)
    sentence = [
        f"slen={_bucket(len(words))}",
        *_summary(words, states, facts),
        *around,
    ]
    rows = []
    for index in range(len(words)):
        clause = facts.clause_of[index]
        side, distance = _nearest(index, facts.verbs)
        marker_side, marker_distance = _nearest(index, facts.markers)
        position = index if index < 3 else "mid" if index < len(words) - 3 else index - len(words)
        row = _word_features(words, index) + sentence
        row += [
            f"pos={position}",
            f"verb@{side}={_bucket(distance)}",
            f"verb@{side}",
            f"mark@{marker_side}={_bucket(marker_distance)}",
            f"ckonj={clause in facts.konj_clauses}",
            f"ccontent={clause in facts.content_clauses}",
            f"ccontent+konj={clause in facts.content_clauses and clause in facts.konj_clauses}",
            f"clause={min(clause, 4)}",
            *_clause_features(facts, clause),
        ]
        row += _quote_features(states[index], quote_context[index])
        rows.append(row)
    return rows


def document_features(sentences: Sequence[Sentence]) -> list[list[list[str]]]:
    """Features for every token of every sentence of one document.

    Quotation state runs over the whole document, so a quotation spanning several
    sentences is seen as one; each sentence also sees summaries of the sentences
    before and after it (speech verb, Konjunktiv, quotation, question, …).
    """
    flat = [word for sentence in sentences for word in sentence]
    states = quote_states(flat)
    context = _quotation_context(flat, states)
    bounds, offset = [], 0
    for sentence in sentences:
        bounds.append((offset, offset + len(sentence)))
        offset += len(sentence)
    summaries = [
        _summary(sentence, states[begin:end], _facts(sentence))
        for sentence, (begin, end) in zip(sentences, bounds, strict=True)
    ]
    result = []
    for number, (sentence, (begin, end)) in enumerate(zip(sentences, bounds, strict=True)):
        around = [f"p:{f}" for f in summaries[number - 1]] if number else ["p:none"]
        if number + 1 < len(sentences):
            around += [f"n:{f}" for f in summaries[number + 1]]
        result.append(sentence_features(sentence, states[begin:end], context[begin:end], around))
    return result


def _quotation_context(
    tokens: Sequence[str], states: Sequence[QuoteState]
) -> list[dict[str, bool]]:
    """Per token inside a quotation: facts about the words around that quotation."""
    context: list[dict[str, bool]] = [{} for _ in tokens]
    index = 0
    while index < len(tokens):
        if states[index].role != "open":
            index += 1
            continue
        begin, end = index, index
        while end + 1 < len(tokens) and states[end + 1].role in ("in", "close"):
            end += 1
        before = tokens[max(0, begin - 6) : begin]
        after = tokens[end + 1 : end + 6]
        inner = tokens[begin + 1 : end]
        facts = {
            "colon": bool(before) and before[-1] == ":",
            "verb_before": any(verb_kind(word) for word in before),
            "verb_after": any(verb_kind(word) for word in after),
            "comma_after": bool(after) and after[0] in (",", "?", "!"),
            "short": len(inner) <= 3,
            "inner_pron12": any(word.lower() in FIRST_SECOND for word in inner),
            "inner_sentence_end": any(word in ".!?" for word in inner),
            "title_like": bool(inner) and all(w[:1].isupper() for w in inner if w.isalpha()),
        }
        for position in range(begin, end + 1):
            context[position] = facts
        index = end + 1
    return context
