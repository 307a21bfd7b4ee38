"""The feed reader: RSS and Atom entries as documents, dates as written, broken feeds as skips."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.config import ReadOptions
from lagebild.errors import ReadError
from lagebild.read import Skip, read_source
from lagebild.read.feed import feed_documents, fragment_text
from lagebild.records import Document

FIRST = "Russische Truppen griffen am Freitag Charkiw an, meldet der Generalstab am Abend."
SECOND = "Die Verwaltung der Region sprach von Schäden an drei Wohnhäusern und einer Schule."


def rss(items: str, title: str = "Lage Nachrichten") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://example.org/</link><language>de</language>"
        f"{items}</channel></rss>"
    )


def item(
    title: str = "Angriff auf Charkiw",
    description: str = f"<p>{FIRST}</p><p>{SECOND}</p>",
    extra: str = "<pubDate>Fri, 18 Feb 2022 23:30:00 -0500</pubDate>",
    link: str = "https://example.org/a1",
) -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
        f"<description>{escape(description)}</description>{extra}</item>"
    )


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Lage</title>
<entry><title type="html">&lt;b&gt;Angriff&lt;/b&gt; auf Charkiw</title>
<link href="https://example.org/atom1"/><id>urn:lage:1</id>
<updated>2022-02-19T01:00:00+02:00</updated>
<summary>Kurz gefasst.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{FIRST}</p><p>{SECOND}</p></div></content>
<author><name>Anna Beispiel</name></author></entry></feed>"""


def read(data: str | bytes, name: str = "lage.rss") -> list[Document | Skip]:
    raw = data.encode() if isinstance(data, str) else data
    return list(feed_documents(name, raw, ReadOptions()))


def only_document(items: list[Document | Skip]) -> Document:
    [document] = items
    assert isinstance(document, Document), document
    return document


def test_rss_item_becomes_a_document_with_its_fields() -> None:
    document = only_document(read(rss(item())))
    assert (document.source, document.title, document.url) == (
        "lage.rss:1",
        "Angriff auf Charkiw",
        "https://example.org/a1",
    )
    assert document.metadata["feed_title"] == "Lage Nachrichten"
    assert document.metadata["reader"] == "feed"


def test_entry_html_is_cleaned_to_its_text() -> None:
    document = only_document(read(rss(item(description=f"<p>{FIRST}</p><script>x()</script>"))))
    assert document.raw_text == FIRST


def test_date_is_the_day_as_written_not_utc() -> None:
    document = only_document(read(rss(item())))  # 23:30 -0500 is already the 19th in UTC
    assert document.published == date(2022, 2, 18)
    assert document.metadata["date_source"] == "feed published"


def test_updated_date_when_no_published_date() -> None:
    document = only_document(read(rss(item(extra="<atom:updated>x</atom:updated>"))))
    assert document.published is None
    atom = only_document(read(ATOM, "lage.atom"))
    assert (atom.published, atom.metadata["date_source"]) == (date(2022, 2, 19), "feed updated")


def test_atom_content_wins_over_summary_and_html_title_loses_markup() -> None:
    document = only_document(read(ATOM, "lage.atom"))
    assert FIRST in document.raw_text and SECOND in document.raw_text
    assert "Kurz gefasst" not in document.raw_text
    assert (document.title, document.author) == ("Angriff auf Charkiw", "Anna Beispiel")
    assert document.metadata["entry_id"] == "urn:lage:1"


def test_every_entry_is_a_document_with_its_number() -> None:
    items = read(rss(item() + item(link="https://example.org/a2", description=SECOND)))
    assert [i.source for i in items] == ["lage.rss:1", "lage.rss:2"]
    assert all(isinstance(i, Document) for i in items)


def test_entry_without_text_is_a_skip_and_the_others_are_kept() -> None:
    items = read(rss("<item><title>Nur ein Titel</title></item>" + item()))
    assert items[0] == Skip("lage.rss:1", "feed entry has no text")
    assert isinstance(items[1], Document)


def test_fragment_without_main_text_keeps_its_visible_text() -> None:
    links = '<ul><li><a href="/1">Eins</a></li><li><a href="/2">Zwei</a></li></ul>'
    document = only_document(read(rss(item(description=links))))
    assert "Eins" in document.raw_text and "Zwei" in document.raw_text


def test_fragment_text_drops_scripts_and_keeps_blocks_apart() -> None:
    assert fragment_text("<p>Eins</p><script>b()</script><p>Zwei &amp; drei</p>") == (
        "Eins\nZwei & drei"
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("", "empty file"),
        ("  \n ", "empty file"),
        (b"%PDF-1.7 binary", "binary file (PDF), not text"),
        ("<?xml version='1.0'?><catalog><book/></catalog>", "not an RSS or Atom feed"),
        ("<html><body><p>Seite</p></body></html>", "not an RSS or Atom feed"),
        (rss(""), "feed has no entries"),
    ],
)
def test_what_is_not_a_readable_feed_says_why(data: str | bytes, reason: str) -> None:
    try:
        items = read(data)
    except ReadError as error:
        assert error.reason.startswith(reason)
    else:
        assert items == [Skip("lage.rss", reason)]


def test_malformed_feed_skips_name_the_xml_error() -> None:
    items = read('<rss version="2.0"><channel><item><title>Kaputt</ti')
    assert len(items) == 1 and isinstance(items[0], Skip)
    assert "malformed feed" in items[0].reason


def with_entity(declaration: str) -> str:
    """An RSS feed whose entry text starts with the entity ``&x;`` declared as given."""
    data = rss(item(description=FIRST)).replace("<rss", f"<!DOCTYPE rss [{declaration}]><rss", 1)
    return data.replace(FIRST, f"&x; {FIRST}", 1)


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM")
    document = only_document(read(with_entity(f'<!ENTITY x SYSTEM "file://{secret}">')))
    assert FIRST in document.raw_text and "GEHEIM" not in document.raw_text


@pytest.mark.parametrize("name", ["lage.rss", "lage.atom", "lage.xml", "lage-feed"])
def test_feed_files_are_read_by_extension_or_first_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(rss(item()), encoding="utf-8")
    [document] = list(read_source(path))
    assert isinstance(document, Document) and document.metadata["reader"] == "feed"


def test_latin1_feed_is_decoded_by_its_declaration() -> None:
    data = rss(item(description=f"<p>{SECOND}</p>"), title="Grüße").replace("utf-8", "iso-8859-1")
    document = only_document(read(data.encode("latin-1")))
    assert "Schäden" in document.raw_text
    assert document.metadata["feed_title"] == "Grüße"


def test_feed_in_another_encoding_than_declared_is_read_with_a_warning() -> None:
    data = rss(item(description=f"<p>{SECOND}</p>")).encode("cp1252")  # declares utf-8
    document = only_document(read(data))
    assert "Schäden" in document.raw_text
    assert "declared as utf-8" in document.metadata["feed_warning"]


def test_feed_over_the_size_limit_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "gross.rss"
    path.write_text(rss(item()), encoding="utf-8")
    [skip] = list(read_source(path, ReadOptions(max_file_bytes=100)))
    assert isinstance(skip, Skip) and "file too large for the feed reader" in skip.reason


def test_long_entry_is_split_into_parts() -> None:
    long_text = "\n".join(f"<p>{FIRST} {n}</p>" for n in range(40))
    items = list(
        feed_documents(
            "f.rss", rss(item(description=long_text)).encode(), ReadOptions(max_document_chars=1000)
        )
    )
    assert len(items) > 1
    assert all(isinstance(i, Document) and i.source.startswith("f.rss:1#part=") for i in items)


FEED_PIECES = st.sampled_from(
    [
        rss(item()),
        ATOM,
        "<rss",
        "<item>",
        "</channel>",
        "<![CDATA[",
        "&amp;",
        "&undefined;",
        "\x00",
        "\ufeff",
        "<?xml version='1.0' encoding='utf-16'?>",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.lists(st.one_of(FEED_PIECES, st.text(max_size=40)), max_size=12).map("".join),
        st.tuples(st.sampled_from([rss(item()), ATOM]), st.integers(0, 2000)).map(
            lambda pair: pair[0][: pair[1]]
        ),
    )
)
def test_any_bytes_give_documents_or_reasons_never_a_crash(data: str | bytes) -> None:
    try:
        items = read(data)
    except ReadError as error:  # the dispatcher turns this into a Skip
        assert error.reason
        return
    for found in items:
        assert isinstance(found, Document | Skip)
        if isinstance(found, Skip):
            assert found.reason
        else:
            assert found.raw_text.strip() and found.id
