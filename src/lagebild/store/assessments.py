"""Assessment threads: one assessor judging one proposition across reports and languages.

Threads are derived when asked, from the stored assessments (no table of their own):
the judgements are grouped by assessor (the entity id where known, else the name; an
implicit judgement belongs to the document's author), and within an assessor by
proposition (``propositions.py``: entity ids and content concepts, IDF-weighted).
Oldest first, each judgement joins the thread it is most similar to, if that reaches
``THRESHOLD``, else starts a new one.  A thread's history is dated by its documents; a
change of band between reports is flagged with the report where it happened.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from urllib.parse import urlsplit

from sqlalchemy import Connection, select

from lagebild.errors import LagebildError
from lagebild.records import Assessment, AssessmentThread, BandChange, ThreadEntry
from lagebild.store.claims import _forms as entity_forms
from lagebild.store.claims import _kb_id as kb_id
from lagebild.store.propositions import Features, Weights, band, features, negative
from lagebild.store.schema import assessments, documents

#: Chosen on the February ISW updates, checked on March to May (docs/decisions/0016).
THRESHOLD = 0.45


@dataclass(frozen=True)
class Judgement:
    """A stored assessment with what its document says about it."""

    document_id: str
    published: date | None
    language: str | None
    author: str | None
    assessment: Assessment


@dataclass(frozen=True)
class ThreadFilter:
    """Whose threads, about what, since when, recurring in how many reports."""

    assessor: str | None = None
    about: str | None = None
    since: str | None = None
    min_reports: int = 2


@dataclass
class _Thread:
    members: list[tuple[Judgement, Features]] = field(default_factory=list)


def find_threads(
    connection: Connection, wanted: ThreadFilter, limit: int
) -> list[AssessmentThread]:
    """Threads in the store matching ``wanted``, most reports first."""
    judgements = read_judgements(connection, since_date(wanted.since))
    threads = [t for t in form_threads(judgements) if t.reports >= wanted.min_reports]
    keep = _selector(wanted)
    return [thread for thread in threads if keep(thread)][: max(0, limit)]


def read_judgements(connection: Connection, since: date | None = None) -> list[Judgement]:
    """Every stored assessment with its document's date, language and author."""
    query = select(
        assessments.c.document_id,
        documents.c.published,
        documents.c.language,
        documents.c.author,
        documents.c.url,
        assessments.c.data,
    ).join(documents, documents.c.id == assessments.c.document_id)
    if since is not None:
        query = query.where(documents.c.published >= since)
    query = query.order_by(documents.c.published, assessments.c.document_id, assessments.c.seq)
    return [
        Judgement(doc, day, language, _writer(author, url), Assessment.model_validate(data))
        for doc, day, language, author, url, data in connection.execute(query)
    ]


def _writer(author: str | None, url: str | None) -> str | None:
    """Who wrote the document: its author, else its site ("tagesschau.de"), so that
    implicit judgements of different outlets are not one assessor."""
    if author or not url:
        return author
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def since_date(since: str | None) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first day it names."""
    if not since:
        return None
    parts = since.strip().split("-")
    try:
        return date(int(parts[0]), *(int(p) for p in parts[1:3]), *([1] * (3 - len(parts))))
    except (TypeError, ValueError) as error:
        raise LagebildError(f"--since wants YYYY[-MM[-DD]], not {since!r}") from error


def form_threads(
    judgements: Sequence[Judgement], threshold: float = THRESHOLD
) -> list[AssessmentThread]:
    """Group judgements into threads: per assessor, by proposition similarity."""
    bags = [_features(j) for j in judgements]
    weights = Weights(bags)
    by_assessor: dict[str, list[tuple[Judgement, Features]]] = defaultdict(list)
    assessor_key = _assessor_keys(judgements)
    for judgement, bag in zip(judgements, bags, strict=True):
        by_assessor[assessor_key(judgement)].append((judgement, bag))
    threads = []
    for key, members in by_assessor.items():
        for thread in _cluster(sorted(members, key=_order), weights, threshold):
            threads.append(_record(key, thread, weights))
    return sorted(threads, key=lambda t: (-t.reports, -_ordinal(t.last_seen, 0), t.id))


def _features(judgement: Judgement) -> Features:
    assessment = judgement.assessment
    return features(assessment.proposition, assessment.entity_ids, judgement.language)


def _order(member: tuple[Judgement, Features]) -> tuple[int, str, int]:
    judgement = member[0]
    return (_ordinal(judgement.published), judgement.document_id, judgement.assessment.start)


def _ordinal(day: date | None, undated: int = date.max.toordinal()) -> int:
    return day.toordinal() if day else undated


def _name(judgement: Judgement) -> str:
    return " ".join((judgement.assessment.assessor or judgement.author or "").split())


def _known_ids(judgements: Iterable[Judgement]) -> dict[str, str]:
    """Assessor names linked to an entity somewhere in the store ("ISW Russia Team")."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for judgement in judgements:
        if judgement.assessment.assessor_id:
            seen[_name(judgement).casefold()][judgement.assessment.assessor_id] += 1
    return {name: ids.most_common(1)[0][0] for name, ids in seen.items()}


def _assessor_keys(judgements: Iterable[Judgement]) -> Callable[[Judgement], str]:
    """Who judges: the entity id where known (in the record, the store or the KB), else
    the name; each name is resolved once."""
    known = _known_ids(judgements)

    @cache
    def by_name(name: str) -> str:
        return known.get(name.casefold()) or (kb_id(name) if name else None) or name.casefold()

    def key(judgement: Judgement) -> str:
        return judgement.assessment.assessor_id or by_name(_name(judgement))

    return key


def _cluster(
    members: list[tuple[Judgement, Features]], weights: Weights, threshold: float
) -> list[_Thread]:
    """Oldest first, each judgement joins its most similar thread or opens one.

    Only threads sharing a content term are compared (an inverted index), since the
    similarity is 0 below the content floor anyway."""
    threads: list[_Thread] = []
    index: dict[str, set[int]] = defaultdict(set)
    for judgement, bag in members:
        candidates = set().union(*(index[term] for term in bag.content))
        scored = [(_affinity(threads[i], bag, weights), -i) for i in candidates]
        best = max(scored, default=(0.0, 0))
        if best[0] >= threshold:
            number = -best[1]
        else:
            number = len(threads)
            threads.append(_Thread())
        threads[number].members.append((judgement, bag))
        for term in bag.content:
            index[term].add(number)
    return threads


def _affinity(thread: _Thread, bag: Features, weights: Weights) -> float:
    """Mean similarity to the thread's members: one close wording does not pull in a
    judgement the rest of the thread does not share (no chaining)."""
    scores = [weights.similarity(bag, member) for _, member in thread.members]
    return sum(scores) / len(scores)


def _record(key: str, thread: _Thread, weights: Weights) -> AssessmentThread:
    history = [_entry(judgement) for judgement, _ in thread.members]
    first = thread.members[0][0]
    changes = _changes(history)
    dated = [entry.published for entry in history if entry.published]
    return AssessmentThread(
        id=hashlib.sha1(f"{key}|{first.document_id}|{first.assessment.start}".encode()).hexdigest()[
            :12
        ],
        assessor=_name(first) or None,
        assessor_id=key if "/" in key else None,
        proposition=_representative(thread, weights),
        entity_ids=_common_entities(thread),
        reports=len({entry.document_id for entry in history}),
        first_seen=min(dated, default=None),
        last_seen=max(dated, default=None),
        band=next((e.band for e in reversed(history) if e.band), None),
        band_changed=bool(changes),
        changes=changes,
        history=history,
    )


def _entry(judgement: Judgement) -> ThreadEntry:
    assessment = judgement.assessment
    is_negative = negative(assessment.proposition, _cut(assessment), judgement.language)
    return ThreadEntry(
        document_id=judgement.document_id,
        published=judgement.published,
        language=judgement.language,
        start=assessment.start,
        end=assessment.end,
        proposition=assessment.proposition,
        proposition_start=assessment.proposition_start,
        proposition_end=assessment.proposition_end,
        phrase=assessment.phrase,
        label=assessment.label,
        negative=is_negative,
        band=band(assessment.label, assessment.category, is_negative),
        continuity=assessment.continuity,
    )


def _cut(assessment: Assessment) -> int | None:
    """Where the phrase stood in the proposition's words, if it stood inside the clause."""
    phrase, clause = assessment.phrase_start, assessment.proposition_start
    if phrase is None or clause is None or assessment.proposition_end is None:
        return None
    if not clause <= phrase <= assessment.proposition_end:
        return None
    return phrase - clause


def _changes(history: list[ThreadEntry]) -> list[BandChange]:
    """Reports whose band differs from the report before (a report's band: its most
    frequent one, the first on a tie); reports without a band are passed over."""
    per_report: dict[str, list[ThreadEntry]] = defaultdict(list)
    for entry in history:
        if entry.band:
            per_report[entry.document_id].append(entry)
    changes, previous = [], None
    for entries in per_report.values():
        current = Counter(e.band for e in entries).most_common(1)[0][0]
        if previous is not None and current is not None and current != previous:
            first = entries[0]
            changes.append(
                BandChange(
                    document_id=first.document_id,
                    published=first.published,
                    previous=previous,
                    band=current,
                )
            )
        previous = current
    return changes


def _representative(thread: _Thread, weights: Weights) -> str:
    """The wording most similar to all others (the shortest on a tie)."""
    bags = [bag for _, bag in thread.members]

    def centrality(index: int) -> tuple[float, int]:
        total = sum(weights.similarity(bags[index], other) for other in bags)
        return total, -len(thread.members[index][0].assessment.proposition)

    best = max(range(len(bags)), key=centrality)
    return thread.members[best][0].assessment.proposition


def _common_entities(thread: _Thread) -> list[str]:
    """Entities named in at least half of the judgements, most often named first (ties in
    the order the thread first names them)."""
    counts: Counter[str] = Counter()
    for judgement, _ in thread.members:
        counts.update(dict.fromkeys(judgement.assessment.entity_ids, 1))
    half = len(thread.members) / 2
    return [entity for entity, count in counts.most_common() if count >= half]


def _selector(wanted: ThreadFilter) -> _Keep:
    return _Keep(
        assessor=_wanted_assessor(wanted.assessor),
        about_id=_entity_of(wanted.about),
        about_forms=entity_forms(wanted.about),
    )


def _wanted_assessor(text: str | None) -> tuple[str | None, str] | None:
    if not text:
        return None
    return (text if "/" in text else kb_id(text)), text.casefold()


def _entity_of(text: str | None) -> str | None:
    if not text:
        return None
    return text if "/" in text else kb_id(text)


@dataclass(frozen=True)
class _Keep:
    assessor: tuple[str | None, str] | None
    about_id: str | None
    about_forms: list[str]

    def __call__(self, thread: AssessmentThread) -> bool:
        return self._by(thread) and self._about(thread)

    def _by(self, thread: AssessmentThread) -> bool:
        if self.assessor is None:
            return True
        entity_id, text = self.assessor
        if entity_id is not None and thread.assessor_id == entity_id:
            return True
        return text in (thread.assessor or "").casefold()

    def _about(self, thread: AssessmentThread) -> bool:
        if not self.about_forms and self.about_id is None:
            return True
        if self.about_id is not None and self.about_id in thread.entity_ids:
            return True
        wordings = (entry.proposition.casefold() for entry in thread.history)
        return any(form in wording for wording in wordings for form in self.about_forms)
