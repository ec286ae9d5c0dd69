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
    "test_home_page_shows_the_position_affiliation_and_profiles",
    "test_no_link_to_a_host_the_sources_do_not_name",
    "test_the_source_reader_finds_every_entry_item_and_definition",
]


def article(site, docname: str):
    return site.page(f"{docname}.html").select_one("article.bd-article")


def built_page(site, docname: str) -> str:
    """Where a check looked in the output: the page's file (its article)."""
    return f"{site.html / f'{docname}.html'} (its article)"


def explain(problem: str, looked_for: str, source: str, output: str) -> str:
    """A failing check's message: what it looked for, where the sources say so, where it looked."""
    return (
        f"{problem}\n  looked for: {looked_for}\n  from the sources: {source}\n"
        f"  in the output: {output}"
    )


def test_the_source_reader_finds_every_entry_item_and_definition(academic):
    """Guards the checks below, which would pass on nothing: counted again from the raw text."""
    sources = academic.sources
    assert sources.pages, (
        f"{sources.home.path}: no section page; list the pages in the toctree at its end"
    )
    # No publications is a site's right (one imported from a CV without any); the count below
    # guards the publication checks.
    for page in sources.all_pages:
        raw = page.path.read_text(encoding="utf-8")
        blocks = [block for block in page.blocks if isinstance(block, TextItem)]
        items = sum(len(entry.bullets) for entry in page.entries)
        items += sum(block.kind == "list item" for block in blocks)
        assert page.title, f"{page.path}: no title; start the page with a '# Title' line"
        assert page.description, f"{page.path}: no description in the front matter"
        assert len(page.entries) == raw.count(":::{cv-entry}"), (
            f"{page.path}: the checks read {len(page.entries)} cv-entry directives, the text "
            f"has {raw.count(':::{cv-entry}')} ':::{{cv-entry}}' lines (cvsite's source reader)"
        )
        written_items = len(re.findall(r"^ *(?:[-*+]|\d+\.) ", raw, re.MULTILINE))
        assert items == written_items, (
            f"{page.path}: the checks read {items} list items, the text has {written_items}"
        )
        definitions = len(re.findall(r"^: ", raw, re.MULTILINE))
        read = sum(block.kind == "definition" for block in blocks)
        assert read == definitions, (
            f"{page.path}: the checks read {read} definitions, the text has {definitions}"
        )
    entries = sum(
        len(re.findall(r"^@(?!comment|string|preamble)\w+\{", path.read_text(encoding="utf-8"),
                       re.MULTILINE | re.IGNORECASE))
        for path in sources.bib_files
    )  # fmt: skip
    assert len(sources.publications) == entries, (
        f"{', '.join(map(str, sources.bib_files))}: pybtex read {len(sources.publications)} "
        f"entries, the text has {entries} '@type{{' lines"
    )


def test_cv_entries_show_every_field_and_bullet(academic):
    for page in academic.sources.all_pages:
        shown = article(academic.site, page.docname).select(".cv-entry")
        written = [entry for entry in page.entries if "html" in entry.formats]
        output = built_page(academic.site, page.docname)
        assert len(shown) == len(written), explain(
            f"{len(written)} cv-entry directives written, {len(shown)} shown",
            "one .cv-entry block per cv-entry directive",
            f"{page.path}, lines {', '.join(str(entry.line) for entry in written) or '-'}",
            output,
        )
        for element, entry in zip(shown, written, strict=True):
            head = element.select_one(".cv-entry-head")
            for field in ("institution", "role", "dates", "place"):
                shown_field = head.select_one(f".cv-entry-{field}")
                shown_text = text_of(shown_field) if shown_field else ""
                expected = getattr(entry, field)
                assert html_comparable(shown_text) == html_comparable(expected), explain(
                    f"the entry's {field} is shown as {shown_text!r}",
                    f"{field} {expected!r} in the .cv-entry-{field} of the entry",
                    f"{page.path}:{entry.line} (:{field}:)",
                    output,
                )
            bullets = [TextItem("list item", bullet, entry.line) for bullet in entry.bullets]
            missing = missing_in_order(text_of(element), bullets, IN_HTML)
            assert missing == [], explain(
                "; ".join(missing),
                f"the bullets of the entry {entry.institution!r}, in order",
                f"{page.path}:{entry.line}",
                output,
            )


def test_every_item_term_and_definition_in_the_sources_order(academic):
    for page in academic.sources.all_pages:
        text = text_of(article(academic.site, page.docname))
        blocks = [TextItem("title", page.title, page.title_line), *page.blocks_in("html")]
        missing = missing_in_order(text, blocks, IN_HTML)
        assert missing == [], explain(
            "; ".join(missing),
            "the title, every cv-entry, list item, term and definition, in the page's order",
            f"{page.path} (at the lines named)",
            built_page(academic.site, page.docname),
        )


def test_definition_lists_pair_each_term_with_its_definitions(academic):
    for page in academic.sources.all_pages:
        written = [
            block
            for block in page.blocks_in("html")
            if isinstance(block, TextItem) and block.kind in {"term", "definition"}
        ]
        lists = article(academic.site, page.docname).select("dl")
        shown = [
            ("term" if element.name == "dt" else "definition", html_comparable(text_of(element)))
            for dl in lists
            for element in dl.find_all(["dt", "dd"], recursive=False)
        ]
        expected = [(block.kind, html_comparable(block.text)) for block in written]
        first = first_difference(shown, expected)
        source = f"{page.path}:{written[first].line}" if first < len(written) else str(page.path)
        assert shown == expected, explain(
            f"item {first + 1} of the definition lists is shown as "
            f"{shown[first] if first < len(shown) else 'nothing'}",
            f"{expected[first] if first < len(expected) else 'nothing more'}, each term with "
            "its definitions",
            source,
            f"{built_page(academic.site, page.docname)}, its <dl> elements",
        )


def first_difference(shown: list, expected: list) -> int:
    """The index of the first item where the two lists differ (the shorter's length if none)."""
    pairs = zip(shown, expected, strict=False)
    return next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(shown), len(expected)))


def test_home_page_shows_the_owner_email_and_homepage(academic):
    sources, settings = academic.sources, academic.sources.settings
    home = article(academic.site, "index")
    output = built_page(academic.site, "index")
    title = home.find("h1")
    for anchor in title.select("a.headerlink"):
        anchor.decompose()  # the "#" that links the heading
    # Compared with Sphinx's typography folded back: an apostrophe in a name is shown curled.
    assert html_comparable(text_of(title)) == html_comparable(sources.home.title), explain(
        f"the home page's title is shown as {text_of(title)!r}",
        f"the title {sources.home.title!r} as the page's <h1>",
        f"{sources.home.path}:{sources.home.title_line}",
        output,
    )
    assert html_comparable(settings.cv_owner) in html_comparable(text_of(home)), explain(
        "the home page does not name the owner",
        f"the owner's name {settings.cv_owner!r} in the home page's text (its title, as "
        "`cvsite new` writes it, or any sentence of docs/index.md)",
        settings.where("cv_owner"),
        output,
    )
    # Docutils cloaks e-mail addresses against harvesters (%40 for @, spans in the text).
    email = [
        a for a in home.select("a[href]") if unquote(a["href"]) == f"mailto:{settings.cv_email}"
    ]
    assert [text_of(a) for a in email] == [settings.cv_email], explain(
        f"{len(email)} such links, showing {[text_of(a) for a in email]}",
        f"one link to mailto:{settings.cv_email} that shows the address (docs/index.md's "
        "contact line)",
        settings.where("cv_email"),
        output,
    )
    homepage = [a for a in home.select("a[href]") if a["href"].rstrip("/") == settings.cv_homepage]
    shown = urlsplit(settings.cv_homepage)
    host = (shown.netloc + shown.path).rstrip("/")
    assert [text_of(a) for a in homepage] == [host], explain(
        f"{len(homepage)} such links, showing {[text_of(a) for a in homepage]}",
        f"one link to {settings.cv_homepage} that shows {host!r} (the header's contact line)",
        settings.where("cv_homepage"),
        output,
    )


def test_home_page_shows_the_position_affiliation_and_profiles(academic):
    """conf.py's cv_position, cv_affiliation and cv_profiles, under the name."""
    settings = academic.sources.settings
    home = article(academic.site, "index")
    output = built_page(academic.site, "index")
    for name in ("cv_position", "cv_affiliation"):
        text = getattr(settings, name)
        assert html_comparable(text) in html_comparable(text_of(home)), explain(
            f"the home page does not show {name}",
            f"{text!r} under the name ({{cv-header}} in docs/index.md)",
            settings.where(name),
            output,
        )
    links = {a["href"] for a in home.select("a[href]")}
    for kind, value in settings.cv_profiles.items():
        url = value if isinstance(value, str) else value["url"]
        assert url in links, explain(
            f"no link to the profile {kind!r}",
            f"a link to {url} ({{cv-header}} in docs/index.md)",
            settings.where("cv_profiles"),
            output,
        )


def test_no_link_to_a_host_the_sources_do_not_name(academic):
    """Links go only where the pages, the .bib and conf.py say, and to arXiv and doi.org
    for entries with an eprint or a doi (the site derives those)."""
    found: dict[str, str] = {}  # host -> the first page and address that links it
    for name in site_pages(academic.site.html):
        soup = academic.site.page(name)
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attribute: True}):
                url = urlsplit(element[attribute])
                if url.scheme in {"http", "https"} and url.hostname:
                    found.setdefault(url.hostname, f"{academic.site.html / name}: {url.geturl()}")
    sources = ["conf.py", "docs/*.md", *(str(path) for path in academic.sources.bib_files)]
    assert found, (
        f"{academic.site.html}: the site links nowhere outside itself, not even its canonical "
        "URL (conf.py's cv_homepage)"
    )
    unnamed = sorted(set(found) - academic.sources.hosts)
    assert unnamed == [], explain(
        f"links to hosts no source names: {', '.join(unnamed)}",
        "links only to hosts the sources name (and arxiv.org, doi.org for an eprint, a doi)",
        f"{academic.sources.root}: {', '.join(sources)}",
        "; ".join(found[host] for host in unnamed),
    )
