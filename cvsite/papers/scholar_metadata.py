"""What Google Scholar, Zotero and search engines read on a paper's page, from its .bib entry.

Highwire Press `citation_*` tags, as Google Scholar's inclusion guidelines list them and as
Zotero's Embedded Metadata translator maps them to its item types (a journal title makes a
journal article, a conference title a conference paper, an "inbook" title a book section, a
dissertation institution a thesis, a report institution a report, an ISBN alone a book), and
a schema.org JSON-LD object of the matching type. Only facts the entry holds: no tag without
data behind it.
"""

from __future__ import annotations

import html
import json

from cvsite.publications import rules
from cvsite.publications.fields import (
    BOOK_TYPES,
    CHAPTER_TYPES,
    CONFERENCE_TYPES,
    JOURNAL_TYPES,
    PAGED_TYPES,
    REPORT_TYPES,
    THESIS_TYPES,
)
from cvsite.publications.latex_text import plain_from_latex
from cvsite.publications.record import Record

SCHEMA_TYPES = {
    **dict.fromkeys(CHAPTER_TYPES, "Chapter"),
    **dict.fromkeys(BOOK_TYPES, "Book"),
    **dict.fromkeys(THESIS_TYPES, "Thesis"),
    **dict.fromkeys(REPORT_TYPES, "Report"),
}  # everything else is a ScholarlyArticle


def plain(latex: str) -> str:
    """A field as plain text: LaTeX decoded, and the markup of titles (\\emph{}, $k^2$, <i>,
    &amp;) reduced to its text."""
    return plain_from_latex(latex)


def field(record: Record, *names: str) -> str:
    """The first of these fields that the entry has, as plain text; "" if none."""
    return plain(record.field(*names))


def pages(record: Record) -> tuple[str, str]:
    """First and last page from `pages` ("12--34", "12-34", an en dash, "e1234"); "" if none."""
    if record.type not in PAGED_TYPES:
        return "", ""
    first, _, last = rules.page_range(plain(record.field("pages"))).partition(rules.EN_DASH)
    return first, last


def highwire_tags(record: Record, pdf_url: str | None) -> list[tuple[str, str]]:
    """One tag per fact, only facts the entry holds, in the names Scholar and Zotero read."""
    kind = record.type
    tags = [("citation_title", plain(record.title))]
    tags += [("citation_author", person.name) for person in record.authors]
    date = record.date.parts
    if date:
        tags.append(("citation_publication_date", "/".join(date)))
    if kind in JOURNAL_TYPES:
        tags += [
            ("citation_journal_title", field(record, "journal", "journaltitle")),
            ("citation_volume", field(record, "volume")),
            ("citation_issue", field(record, "number", "issue")),
        ]
    elif kind in CHAPTER_TYPES:
        tags.append(("citation_inbook_title", field(record, "booktitle")))
    elif kind in THESIS_TYPES:
        tags.append(("citation_dissertation_institution", field(record, "school", "institution")))
    elif kind in REPORT_TYPES:
        tags += [
            ("citation_technical_report_institution", field(record, "institution")),
            ("citation_technical_report_number", field(record, "number")),
        ]
    elif kind not in BOOK_TYPES:  # a paper in proceedings (or a workshop paper as @misc)
        tags.append(("citation_conference_title", field(record, "booktitle")))
    first, last = pages(record)
    tags += [("citation_firstpage", first), ("citation_lastpage", last)]
    if kind in BOOK_TYPES | CHAPTER_TYPES | CONFERENCE_TYPES:
        tags.append(("citation_publisher", field(record, "publisher")))
    tags += [
        ("citation_isbn", field(record, "isbn")),
        ("citation_issn", field(record, "issn")),
        ("citation_doi", record.doi),
        ("citation_arxiv_id", record.arxiv or ""),
        ("citation_pdf_url", pdf_url or ""),
    ]
    return [(name, value) for name, value in tags if value]


def organization(name: str) -> dict | None:
    return {"@type": "Organization", "name": name} if name else None


def container(record: Record) -> dict | None:
    """What the work is part of: a journal (its volume and issue), proceedings, a book."""
    kind = record.type
    if kind in JOURNAL_TYPES:
        journal = field(record, "journal", "journaltitle")
        if not journal:
            return None
        part: dict = {"@type": "Periodical", "name": journal}
        if field(record, "volume"):
            part = {"@type": "PublicationVolume", "volumeNumber": field(record, "volume"),
                    "isPartOf": part}  # fmt: skip
        if field(record, "number", "issue"):
            part = {"@type": "PublicationIssue", "issueNumber": field(record, "number", "issue"),
                    "isPartOf": part}  # fmt: skip
        return part
    book = field(record, "booktitle")
    if not book or kind in BOOK_TYPES | THESIS_TYPES | REPORT_TYPES:
        return None
    if kind in CHAPTER_TYPES:
        return without_empty(
            {"@type": "Book", "name": book, "isbn": field(record, "isbn"),
             "publisher": organization(field(record, "publisher"))}
        )  # fmt: skip
    return {"@type": "CreativeWork", "name": book}


def without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value}


def scholarly_article(record: Record, page_url: str | None) -> dict:
    """schema.org: a ScholarlyArticle, or a Chapter, Book, Thesis or Report."""
    kind = record.type
    title = plain(record.title)
    first, last = pages(record)
    identifier = record.arxiv
    bare_doi = record.doi
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(kind, "ScholarlyArticle"),
        "headline": title,
        "name": title,
        "author": [{"@type": "Person", "name": person.name} for person in record.authors],
        "datePublished": "-".join(record.date.parts),
        "isPartOf": container(record),
        "pageStart": first,
        "pageEnd": last,
        "isbn": field(record, "isbn") if kind in BOOK_TYPES else "",
        "publisher": organization(
            field(record, "publisher") if kind in BOOK_TYPES | CONFERENCE_TYPES else ""
        )
        or organization(field(record, "institution") if kind in REPORT_TYPES else ""),
        "reportNumber": field(record, "number") if kind in REPORT_TYPES else "",
        "sourceOrganization": organization(
            field(record, "school", "institution") if kind in THESIS_TYPES else ""
        ),
        "identifier": f"https://doi.org/{bare_doi}" if bare_doi else "",
        "sameAs": f"https://arxiv.org/abs/{identifier}" if identifier else "",
        "url": page_url or "",
    }
    return {key: value for key, value in data.items() if value or key == "author"}


def description(record: Record) -> str:
    """The page's meta description (and link preview): title and authors."""
    title = plain(record.title).strip() or record.key
    authors = ", ".join(person.name for person in record.authors)
    return f"{title}. {authors}." if authors else f"{title}."


def metatags(record: Record, page_url: str | None) -> str:
    """The Scholar tags and the JSON-LD of one paper's page, as HTML."""
    lines = [
        f'<meta name="{name}" content="{html.escape(value, quote=True)}">'
        for name, value in highwire_tags(record, record.link("PDF") or None)
    ]
    data = json.dumps(scholarly_article(record, page_url), ensure_ascii=False)
    data = data.replace("</", "<\\/")  # a title holding "</script>" cannot end the script
    lines.append(f'<script type="application/ld+json">{data}</script>')
    return "\n".join(lines) + "\n"
