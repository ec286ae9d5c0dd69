"""The content invariants: every fact a page's source states appears on its built page, in
the source's order.

The truth is the site's own sources (source_facts), so the same checks hold for anyone's
content: this repository's suite runs them on its reference site and on an invented second
academic, and a site made with `cvsite new` on itself. A test module collects them with
`from cvsite.testing.site_content import *`; its conftest gives the `academic` fixture (an
Academic of built_site, as cvsite.testing.plugin builds it).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from cvsite.testing.built_site import site_pages, text_of
from cvsite.testing.comparable_text import IN_HTML, html_comparable, missing_in_order
from cvsite.testing.source_pages import TextItem

__all__ = [
    "test_cv_entries_show_every_field_and_bullet",
    "test_definition_lists_pair_each_term_with_its_definitions",
    "test_every_item_term_and_definition_in_the_sources_order",
    "test_home_page_shows_the_owner_email_and_homepage",
    "test_no_link_to_a_host_the_sources_do_not_name",
    "test_the_source_reader_finds_every_entry_item_and_definition",
]


def article(site, docname: str):
    return site.page(f"{docname}.html").select_one("article.bd-article")


def test_the_source_reader_finds_every_entry_item_and_definition(academic):
    """Guards the checks below, which would pass on nothing: counted again from the raw text."""
    sources = academic.sources
    assert sources.pages and sources.publications
    for page in sources.all_pages:
        raw = page.path.read_text(encoding="utf-8")
        blocks = [block for block in page.blocks if isinstance(block, TextItem)]
        items = sum(len(entry.bullets) for entry in page.entries)
        items += sum(block.kind == "list item" for block in blocks)
        assert page.title and page.description, page.path
        assert len(page.entries) == raw.count(":::{cv-entry}"), page.path
        assert items == len(re.findall(r"^ *(?:[-*+]|\d+\.) ", raw, re.MULTILINE)), page.path
        definitions = len(re.findall(r"^: ", raw, re.MULTILINE))
        assert sum(block.kind == "definition" for block in blocks) == definitions, page.path
    entries = sum(
        len(re.findall(r"^@(?!comment|string|preamble)\w+\{", path.read_text(encoding="utf-8"),
                       re.MULTILINE | re.IGNORECASE))
        for path in sources.bib_files
    )  # fmt: skip
    assert len(sources.publications) == entries


def test_cv_entries_show_every_field_and_bullet(academic):
    for page in academic.sources.all_pages:
        shown = article(academic.site, page.docname).select(".cv-entry")
        written = [entry for entry in page.entries if "html" in entry.formats]
        assert len(shown) == len(written), page.path
        for element, entry in zip(shown, written, strict=True):
            head = element.select_one(".cv-entry-head")
            for field in ("institution", "role", "dates", "place"):
                shown_field = head.select_one(f".cv-entry-{field}")
                shown_text = text_of(shown_field) if shown_field else ""
                assert html_comparable(shown_text) == html_comparable(getattr(entry, field)), (
                    f"{page.path}:{entry.line}: {field}"
                )
            bullets = [TextItem("list item", bullet, entry.line) for bullet in entry.bullets]
            assert missing_in_order(text_of(element), bullets, IN_HTML) == []


def test_every_item_term_and_definition_in_the_sources_order(academic):
    for page in academic.sources.all_pages:
        text = text_of(article(academic.site, page.docname))
        blocks = [TextItem("title", page.title, 1), *page.blocks_in("html")]
        assert missing_in_order(text, blocks, IN_HTML) == [], page.path


def test_definition_lists_pair_each_term_with_its_definitions(academic):
    for page in academic.sources.all_pages:
        written = [
            (block.kind, html_comparable(block.text))
            for block in page.blocks_in("html")
            if isinstance(block, TextItem) and block.kind in {"term", "definition"}
        ]
        lists = article(academic.site, page.docname).select("dl")
        shown = [
            ("term" if element.name == "dt" else "definition", html_comparable(text_of(element)))
            for dl in lists
            for element in dl.find_all(["dt", "dd"], recursive=False)
        ]
        assert shown == written, page.path


def test_home_page_shows_the_owner_email_and_homepage(academic):
    settings = academic.sources.settings
    home = article(academic.site, "index")
    title = home.find("h1")
    for anchor in title.select("a.headerlink"):
        anchor.decompose()  # the "#" that links the heading
    # Compared with Sphinx's typography folded back: an apostrophe in a name is shown curled.
    assert html_comparable(text_of(title)) == html_comparable(academic.sources.home.title)
    assert html_comparable(settings.cv_owner) in html_comparable(text_of(home))
    # Docutils cloaks e-mail addresses against harvesters (%40 for @, spans in the text).
    email = [
        a for a in home.select("a[href]") if unquote(a["href"]) == f"mailto:{settings.cv_email}"
    ]
    assert [text_of(a) for a in email] == [settings.cv_email]
    homepage = [a for a in home.select("a[href]") if a["href"].rstrip("/") == settings.cv_homepage]
    assert [text_of(a) for a in homepage] == [urlsplit(settings.cv_homepage).netloc]


def test_no_link_to_a_host_the_sources_do_not_name(academic):
    """Links go only where the pages, the .bib and conf.py say, and to arXiv and doi.org
    for entries with an eprint or a doi (the site derives those)."""
    hosts = set()
    for name in site_pages(academic.site.html):
        soup = academic.site.page(name)
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                url = urlsplit(element[attribute])
                if url.scheme in {"http", "https"}:
                    hosts.add(url.hostname)
    assert hosts, "the site links nowhere outside itself, not even its canonical URL"
    assert hosts <= academic.sources.hosts
