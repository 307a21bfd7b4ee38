"""Names that recur in the real corpus resolve to the expected entities."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.kb import KnowledgeBase

pytestmark = pytest.mark.corpus

SEED_MENTIONS = [
    ("Lukaschenko", "person/alexander-lukashenko"),
    ("Wladimir Putin", "person/vladimir-putin"),
    ("Minsk", "place/minsk"),
    ("Weißrussland", "place/belarus"),
    ("Belarus", "place/belarus"),
    ("Unionsstaates", "org/union-state"),
    ("NATO", "org/nato"),
    ("ISW", "org/isw"),
    ("UNDERSTANDING WAR", "org/isw"),
    ("S-400", "weapon/s-400"),
    ("Iskander", "weapon/iskander"),
]

ISW_MENTIONS = [
    ("Kremlin Spokesperson Dmitry Peskov", "Dmitry Peskov", "person/dmitry-peskov"),
    ("Russian Foreign Minister Sergey Lavrov", "Sergey Lavrov", "person/sergey-lavrov"),
    (
        "Belarusian President Alexander Lukashenko",
        "Belarusian President",
        "person/alexander-lukashenko",
    ),
    ("Luhansk Oblast", "Luhansk Oblast", "place/luhansk-oblast"),
    ("Donetsk People’s Republic", "Donetsk People’s Republic", "org/dnr"),
    ("Mykolayiv", "Mykolayiv", "place/mykolaiv"),
    ("Zaporizhia", "Zaporizhia", "place/zaporizhzhia"),
    ("Roskomnadzor", "Roskomnadzor", "org/roskomnadzor"),
    ("Tochka-U", "Tochka-U", "weapon/tochka-u"),
    ("Bayraktar TB2", "Bayraktar TB2", "weapon/bayraktar-tb2"),
]

NEWS_MENTIONS = [
    ("Selenskyj", "person/volodymyr-zelensky"),
    ("Charkiw", "place/kharkiv"),
    ("Kiew", "place/kyiv"),
    ("Pistorius", "person/boris-pistorius"),
    ("Moskau", "place/moscow"),
    ("Nordkorea", "place/north-korea"),
    ("Taurus", "weapon/taurus"),
    ("ATACMS", "weapon/atacms"),
    ("Kursk", "place/kursk"),
]


def _text(folder: Path) -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted(folder.glob("*.md")))


@pytest.mark.parametrize(("mention", "entity_id"), SEED_MENTIONS)
def test_seed_mentions_resolve(
    kb: KnowledgeBase, seed_path: Path, mention: str, entity_id: str
) -> None:
    assert mention in seed_path.read_text("utf-8")
    assert entity_id in {e.id for e in kb.by_alias(mention)}


@pytest.mark.parametrize(("context", "mention", "entity_id"), ISW_MENTIONS)
def test_isw_mentions_resolve(
    kb: KnowledgeBase, corpus: Path, context: str, mention: str, entity_id: str
) -> None:
    assert context in _text(corpus / "isw-en")
    assert entity_id in {e.id for e in kb.by_alias(mention)}


@pytest.mark.parametrize(("mention", "entity_id"), NEWS_MENTIONS)
def test_news_mentions_resolve(
    kb: KnowledgeBase, corpus: Path, mention: str, entity_id: str
) -> None:
    assert mention in _text(corpus / "news-de")
    assert entity_id in {e.id for e in kb.by_alias(mention)}
