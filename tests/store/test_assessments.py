"""Assessment threads: grouping by assessor and proposition, bands, band changes, the query."""

from __future__ import annotations

from datetime import date

import pytest

import lagebild
from lagebild.errors import LagebildError
from lagebild.records import Assessment, Document
from lagebild.store import Store
from lagebild.store.assessments import Judgement, ThreadFilter, form_threads, since_date
from lagebild.store.propositions import Features, Weights, band, content_terms, negative

ISW = "org/isw"
BELARUS = "place/belarus"


def judgement(
    proposition: str,
    entities: list[str],
    day: int,
    label: str | None = "likely",
    language: str = "en",
    assessor_id: str | None = ISW,
    assessor: str | None = "ISW",
) -> Judgement:
    assessment = Assessment(
        start=0,
        end=len(proposition),
        assessor=assessor,
        assessor_id=assessor_id,
        proposition=proposition,
        label=label,
        category=label,
        entity_ids=entities,
    )
    return Judgement(f"doc-{day}-{language}", date(2022, 3, day), language, "ISW", assessment)


def thread_sizes(judgements: list[Judgement]) -> list[int]:
    return sorted((len(t.history) for t in form_threads(judgements)), reverse=True)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            ("Belarus is to join the war", [BELARUS], "en"),
            (
                "Belarusian forces will not enter the war in Ukraine",
                [BELARUS, "place/ukraine"],
                "en",
            ),
        ),
        (
            ("Belarus is to join the war", [BELARUS], "en"),
            ("Weißrussland wird sich nicht am Krieg beteiligen", [BELARUS], "de"),
        ),
        (
            ("Russian forces will capture Kyiv in the coming weeks", ["place/kyiv"], "en"),
            (
                "Russische Truppen werden Kiew in den kommenden Wochen einnehmen",
                ["place/kyiv"],
                "de",
            ),
        ),
        (
            ("Russia will mobilise reservists for the offensive", ["place/russia"], "en"),
            ("Russia will mobilise more reservists before the offensive", ["place/russia"], "en"),
        ),
    ],
)
def test_one_proposition_in_other_words_is_one_thread(
    one: tuple[str, list[str], str], other: tuple[str, list[str], str]
) -> None:
    first = judgement(one[0], one[1], 1, language=one[2])
    second = judgement(other[0], other[1], 2, language=other[2])
    (thread,) = form_threads([first, second])
    assert thread.reports == 2 and [e.published for e in thread.history] == [
        date(2022, 3, 1),
        date(2022, 3, 2),
    ]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Russia will capture Kyiv", "Russia will negotiate with Kyiv"),
        ("Belarus is to join the war", "Belarus will host Russian nuclear weapons"),
        ("Russia will annex Crimea", "Russia will withdraw from Crimea"),
    ],
)
def test_same_entities_different_proposition_are_two_threads(one: str, other: str) -> None:
    entities = ["place/russia", "place/kyiv", BELARUS, "place/crimea"]
    pair = [judgement(one, entities, 1), judgement(other, entities, 2)]
    assert thread_sizes(pair) == [1, 1]


def test_the_same_proposition_by_two_assessors_is_two_threads() -> None:
    isw = judgement("Belarus is to join the war", [BELARUS], 1)
    other = judgement("Belarus is to join the war", [BELARUS], 2, assessor_id="org/nato")
    assert thread_sizes([isw, other]) == [1, 1]


def test_an_implicit_author_joins_its_entity_by_knowledge_base_name() -> None:
    explicit = judgement("Belarus is to join the war", [BELARUS], 1)
    implicit = judgement(
        "Belarus is to join the war", [BELARUS], 2, assessor_id=None, assessor="ISW Russia Team"
    )
    (thread,) = form_threads([explicit, implicit])
    assert thread.assessor_id == ISW


@pytest.mark.parametrize(
    ("labels", "changes"),
    [
        (["unlikely", "very unlikely"], [("unlikely", "very unlikely")]),
        (["likely", "likely"], []),
        (["likely", "unlikely", "unlikely"], [("likely", "unlikely")]),
        (["likely", None, "unlikely"], [("likely", "unlikely")]),  # a bare verb has no band
    ],
)
def test_a_change_of_band_between_reports_is_flagged(
    labels: list[str | None], changes: list[tuple[str, str]]
) -> None:
    judgements = [
        judgement("Belarus is to join the war", [BELARUS], day + 1, label=label)
        for day, label in enumerate(labels)
    ]
    (thread,) = form_threads(judgements)
    assert thread.band_changed == bool(changes)
    assert [(c.previous, c.band) for c in thread.changes] == changes


def test_a_change_is_dated_by_the_report_that_makes_it() -> None:
    judgements = [
        judgement("Belarus is to join the war", [BELARUS], 1, label="unlikely"),
        judgement("Belarus is to join the war", [BELARUS], 5, label="likely"),
    ]
    (change,) = form_threads(judgements)[0].changes
    assert change.published == date(2022, 3, 5) and change.document_id == "doc-5-en"


@pytest.mark.parametrize(
    ("proposition", "cut", "expected"),
    [
        ("Belarusian forces will not enter Ukraine", 21, True),  # "will likely not enter"
        ("Belarusian forces will be unable to enter Ukraine", 21, True),
        ("Weißrussland wird sich nicht am Krieg beteiligen", 18, True),
        ("Russland wird die Stadt Bachmut nicht einnehmen", 14, True),  # German: late
        ("Weißrussland sich kaum am Krieg beteiligen", 13, True),  # "dürfte … kaum"
        ("Russia will take the city, which is not defended", 10, False),  # past a comma
        ("Ukrainian forces delay the advance but will not halt it", 5, False),  # far away
        ("Belarusian forces will not enter Ukraine", None, False),  # no phrase, no estimate
    ],
)
def test_negation_counts_next_to_the_phrase(
    proposition: str, cut: int | None, expected: bool
) -> None:
    language = "de" if "land" in proposition else "en"
    assert negative(proposition, cut, language) is expected


@pytest.mark.parametrize(
    ("label", "category", "is_negative", "expected"),
    [
        ("likely", "likely", True, "unlikely"),
        ("very unlikely", "very unlikely", True, "very likely"),
        ("almost certain", "almost certain", False, "almost certain"),
        (None, "possible", True, "possible"),  # modals do not mirror
        (None, None, False, None),
    ],
)
def test_band_is_for_the_positive_proposition(
    label: str | None, category: str | None, is_negative: bool, expected: str | None
) -> None:
    assert band(label, category, is_negative) == expected


@pytest.mark.parametrize(
    ("english", "german"),
    [("join the war", "am Krieg beteiligen"), ("troops withdraw", "Truppen ziehen Rückzug")],
)
def test_content_concepts_are_shared_across_languages(english: str, german: str) -> None:
    assert content_terms(english, language="en") & content_terms(german, language="de")


def test_names_of_the_linked_entities_are_not_content() -> None:
    assert content_terms("Weißrusslands Armee", [BELARUS], "de") == {"forces"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2022", date(2022, 1, 1)), ("2022-03", date(2022, 3, 1)), ("2022-03-04", date(2022, 3, 4))],
)
def test_since_takes_a_year_a_month_or_a_day(text: str, expected: date) -> None:
    assert since_date(text) == expected


def test_a_malformed_since_says_what_it_wants() -> None:
    with pytest.raises(LagebildError, match="YYYY"):
        since_date("March")


REPORTS = (
    ("ISW assesses that Belarus is unlikely to join the war.", "en", date(2022, 3, 2)),
    ("ISW assesses that Belarus will very likely not enter the war.", "en", date(2022, 3, 9)),
    ("Das ISW hält eine Beteiligung Weißrusslands am Krieg für unwahrscheinlich.", "de", None),
    ("ISW assesses that Russian forces will likely capture Mariupol.", "en", date(2022, 3, 16)),
)


@pytest.fixture
def filled(store: Store) -> Store:
    for number, (text, language, published) in enumerate(REPORTS):
        document = Document(raw_text=text, source=f"{number}.txt", language=language)
        store.add(lagebild.analyze_document(document, published=published or date(2022, 3, 20)))
    return store


def _threads(store: Store, **wanted: object) -> list[tuple[int, str | None]]:
    return [(t.reports, t.band) for t in store.assessments(ThreadFilter(**wanted))]  # type: ignore[arg-type]


def test_the_store_threads_three_reports_in_two_languages(filled: Store) -> None:
    (thread,) = filled.assessments(ThreadFilter())
    assert thread.reports == 3 and thread.assessor_id == ISW
    assert {e.language for e in thread.history} == {"en", "de"}
    assert [c.band for c in thread.changes] == ["very unlikely", "unlikely"]


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        ({"assessor": "Institute for the Study of War"}, [(3, "unlikely")]),
        ({"assessor": ISW}, [(3, "unlikely")]),
        ({"assessor": "Kremlin"}, []),
        ({"about": "Weißrussland"}, [(3, "unlikely")]),
        ({"about": "Mariupol"}, []),
        ({"about": "Mariupol", "min_reports": 1}, [(1, "likely")]),
        ({"since": "2022-03-09"}, [(2, "unlikely")]),
        ({"min_reports": 4}, []),
    ],
)
def test_the_query_filters_threads(
    filled: Store, wanted: dict[str, object], expected: list[tuple[int, str | None]]
) -> None:
    assert _threads(filled, **wanted) == expected


def test_the_limit_caps_the_threads(filled: Store) -> None:
    assert len(filled.assessments(ThreadFilter(min_reports=1), limit=1)) == 1


def test_shared_entities_do_not_outweigh_a_different_action() -> None:
    entities = frozenset({"place/russia", "place/kyiv", "place/kharkiv", "org/kremlin"})
    one = Features(entities, frozenset({"capture", "urban", "heavy", "losses", "quickly"}))
    other = Features(entities, frozenset({"capture", "ceasefire", "talks", "turkey", "envoy"}))
    weights = Weights([one, other])
    assert weights.similarity(one, other) == 0.0  # content cosine 0.2, below the floor
    assert weights.similarity(one, one) == pytest.approx(1.0)


def test_the_python_api_lists_the_threads_of_a_store(filled: Store) -> None:
    threads = lagebild.api.assessment_threads(filled.url, assessor="ISW", about="Belarus")
    assert [(t.reports, t.assessor_id) for t in threads] == [(3, ISW)]


def test_thread_entities_are_the_common_ones_most_named_first() -> None:
    judgements = [
        judgement("Russia will capture the city", ["place/a", "place/b"], 1),
        judgement("Russia will capture the city", ["place/b", "place/c"], 2),
        judgement("Russia will capture the city", ["place/b"], 3),
    ]
    (thread,) = form_threads(judgements)
    assert thread.entity_ids == ["place/b"]


def test_implicit_judgements_of_different_sites_are_different_assessors(store: Store) -> None:
    for number, site in enumerate(("https://www.example.org/a", "https://news.example.net/b")):
        text = f"Belarus is unlikely to join the war ({number})."
        document = Document(raw_text=text, source=f"{number}.txt", language="en", url=site)
        store.add(lagebild.analyze_document(document, published=date(2022, 3, 1 + number)))
    threads = store.assessments(ThreadFilter(min_reports=1))
    assert sorted(t.assessor or "" for t in threads) == ["example.org", "news.example.net"]
