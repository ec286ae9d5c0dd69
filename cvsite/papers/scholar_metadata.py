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
import re

from pybtex.database import Entry

from cvsite.rendering.bib_style import arxiv_id, doi, person_name, plain_from_latex

JOURNAL_TYPES = frozenset({"article"})
CONFERENCE_TYPES = frozenset({"inproceedings", "conference"})
CHAPTER_TYPES = frozenset({"incollection", "inbook"})
BOOK_TYPES = frozenset({"book", "proceedings"})
THESIS_TYPES = frozenset({"phdthesis", "mastersthesis", "thesis"})
REPORT_TYPES = frozenset({"techreport", "report"})
# Where `pages` are the pages of a part (for a book or thesis they would be its length).
PAGED_TYPES = JOURNAL_TYPES | CONFERENCE_TYPES | CHAPTER_TYPES

SCHEMA_TYPES = {
    **dict.fromkeys(CHAPTER_TYPES, "Chapter"),
    **dict.fromkeys(BOOK_TYPES, "Book"),
    **dict.fromkeys(THESIS_TYPES, "Thesis"),
    **dict.fromkeys(REPORT_TYPES, "Report"),
}  # everything else is a ScholarlyArticle

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The start of a date (2020-05-01, 2020/5/1); a range's second year (2027/2028) is no month.
DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?!\d)(?:[-/](\d{1,2})(?!\d))?)?")
YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# arXiv identifiers tell their month: 2303.04947 (since 2007), hep-th/9901001 (until 2007).
NEW_ARXIV_ID = re.compile(r"(\d\d)(\d\d)\.\d{4,5}(?:v\d+)?")
OLD_ARXIV_ID = re.compile(r"[a-z][a-z.\-]*(?:\.[A-Z]{2})?/(\d\d)(\d\d)\d{3}(?:v\d+)?")
FIRST_OLD_ARXIV_YEAR = 91  # arXiv opened in August 1991: 91-99 are 1991-1999, 00-07 are 20xx


def plain(latex: str) -> str:
    """A field as plain text: LaTeX decoded, and the markup of titles (\\emph{}, $k^2$, <i>,
    &amp;) reduced to its text."""
    return plain_from_latex(latex)


def field(entry: Entry, *names: str) -> str:
    """The first of these fields that the entry has, as plain text; "" if none."""
    for name in names:
        value = entry.fields.get(name, "").strip()
        if value:
            return plain(value)
    return ""


def publication_date(entry: Entry) -> tuple[str, ...]:
    """(year, month, day) as far as known, from biblatex's `date`, from `year` and `month`, or
    for a preprint without a year from its arXiv identifier; () when the entry has no date."""
    written = DATE.search(entry.fields.get("date", ""))
    year = YEAR.search(entry.fields.get("year", "").replace("{", "").replace("}", ""))
    if year:
        month = month_number(entry.fields.get("month", ""))
        return (year.group(1), month) if month else (year.group(1),)
    if written:
        year_text, month, day = written.groups()
        return (year_text, *(f"{int(part):02d}" for part in (month, day) if part))
    return arxiv_date(arxiv_id(entry) or "")


def month_number(month: str) -> str:
    """`jan`, `January`, `1` or `01` as "01"; the first month named in a range or beside days
    (`JAN-MAR`, `17--23 Jul`, `OCT 26`); "" for anything else."""
    month = month.strip().lower()
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{int(month):02d}"
    for word in re.findall(r"[a-z]+", month):
        if word[:3] in MONTHS:
            return f"{MONTHS.index(word[:3]) + 1:02d}"
    return ""


def arxiv_date(identifier: str) -> tuple[str, ...]:
    """The year and month an arXiv identifier was given: 2303.04947 -> ("2023", "03")."""
    new = NEW_ARXIV_ID.fullmatch(identifier)
    old = OLD_ARXIV_ID.fullmatch(identifier)
    if new:
        year, month = f"20{new.group(1)}", new.group(2)
    elif old:
        century = "19" if int(old.group(1)) >= FIRST_OLD_ARXIV_YEAR else "20"
        year, month = century + old.group(1), old.group(2)
    else:
        return ()
    return (year, month) if 1 <= int(month) <= 12 else (year,)


def pages(entry: Entry) -> tuple[str, str]:
    """First and last page from `pages` ("12--34", "12-34", an en dash, "e1234"); "" if none."""
    if entry.type.lower() not in PAGED_TYPES:
        return "", ""
    written = plain(entry.fields.get("pages", "")).strip()
    first, _, last = re.sub(r"\s*(?:-+|–|—)\s*", "-", written).partition("-")
    return first, last


def highwire_tags(entry: Entry, pdf_url: str | None) -> list[tuple[str, str]]:
    """One tag per fact, only facts the entry holds, in the names Scholar and Zotero read."""
    kind = entry.type.lower()
    tags = [("citation_title", plain(entry.fields.get("title", "")))]
    tags += [("citation_author", person_name(p)) for p in entry.persons.get("author", [])]
    date = publication_date(entry)
    if date:
        tags.append(("citation_publication_date", "/".join(date)))
    if kind in JOURNAL_TYPES:
        tags += [
            ("citation_journal_title", field(entry, "journal", "journaltitle")),
            ("citation_volume", field(entry, "volume")),
            ("citation_issue", field(entry, "number", "issue")),
        ]
    elif kind in CHAPTER_TYPES:
        tags.append(("citation_inbook_title", field(entry, "booktitle")))
    elif kind in THESIS_TYPES:
        tags.append(("citation_dissertation_institution", field(entry, "school", "institution")))
    elif kind in REPORT_TYPES:
        tags += [
            ("citation_technical_report_institution", field(entry, "institution")),
            ("citation_technical_report_number", field(entry, "number")),
        ]
    elif kind not in BOOK_TYPES:  # a paper in proceedings (or a workshop paper as @misc)
        tags.append(("citation_conference_title", field(entry, "booktitle")))
    first, last = pages(entry)
    tags += [("citation_firstpage", first), ("citation_lastpage", last)]
    if kind in BOOK_TYPES | CHAPTER_TYPES | CONFERENCE_TYPES:
        tags.append(("citation_publisher", field(entry, "publisher")))
    tags += [
        ("citation_isbn", field(entry, "isbn")),
        ("citation_issn", field(entry, "issn")),
        ("citation_doi", doi(entry)),
        ("citation_arxiv_id", arxiv_id(entry) or ""),
        ("citation_pdf_url", pdf_url or ""),
    ]
    return [(name, value) for name, value in tags if value]


def organization(name: str) -> dict | None:
    return {"@type": "Organization", "name": name} if name else None


def container(entry: Entry) -> dict | None:
    """What the work is part of: a journal (its volume and issue), proceedings, a book."""
    kind = entry.type.lower()
    if kind in JOURNAL_TYPES:
        journal = field(entry, "journal", "journaltitle")
        if not journal:
            return None
        part: dict = {"@type": "Periodical", "name": journal}
        if field(entry, "volume"):
            part = {"@type": "PublicationVolume", "volumeNumber": field(entry, "volume"),
                    "isPartOf": part}  # fmt: skip
        if field(entry, "number", "issue"):
            part = {"@type": "PublicationIssue", "issueNumber": field(entry, "number", "issue"),
                    "isPartOf": part}  # fmt: skip
        return part
    book = field(entry, "booktitle")
    if not book or kind in BOOK_TYPES | THESIS_TYPES | REPORT_TYPES:
        return None
    if kind in CHAPTER_TYPES:
        return without_empty(
            {"@type": "Book", "name": book, "isbn": field(entry, "isbn"),
             "publisher": organization(field(entry, "publisher"))}
        )  # fmt: skip
    return {"@type": "CreativeWork", "name": book}


def without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value}


def scholarly_article(entry: Entry, page_url: str | None) -> dict:
    """schema.org: a ScholarlyArticle, or a Chapter, Book, Thesis or Report."""
    kind = entry.type.lower()
    title = plain(entry.fields.get("title", ""))
    first, last = pages(entry)
    identifier = arxiv_id(entry)
    bare_doi = doi(entry)
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(kind, "ScholarlyArticle"),
        "headline": title,
        "name": title,
        "author": [
            {"@type": "Person", "name": person_name(p)} for p in entry.persons.get("author", [])
        ],
        "datePublished": "-".join(publication_date(entry)),
        "isPartOf": container(entry),
        "pageStart": first,
        "pageEnd": last,
        "isbn": field(entry, "isbn") if kind in BOOK_TYPES else "",
        "publisher": organization(
            field(entry, "publisher") if kind in BOOK_TYPES | CONFERENCE_TYPES else ""
        )
        or organization(field(entry, "institution") if kind in REPORT_TYPES else ""),
        "reportNumber": field(entry, "number") if kind in REPORT_TYPES else "",
        "sourceOrganization": organization(
            field(entry, "school", "institution") if kind in THESIS_TYPES else ""
        ),
        "identifier": f"https://doi.org/{bare_doi}" if bare_doi else "",
        "sameAs": f"https://arxiv.org/abs/{identifier}" if identifier else "",
        "url": page_url or "",
    }
    return {key: value for key, value in data.items() if value or key == "author"}


def description(entry: Entry) -> str:
    """The page's meta description (and link preview): title and authors."""
    title = plain(entry.fields.get("title", "")).strip() or entry.key
    authors = ", ".join(person_name(p) for p in entry.persons.get("author", []))
    return f"{title}. {authors}." if authors else f"{title}."


def metatags(entry: Entry, page_url: str | None) -> str:
    """The Scholar tags and the JSON-LD of one paper's page, as HTML."""
    pdf = entry.fields.get("pdf", "")
    pdf_url = pdf if pdf.startswith(("https://", "http://")) else None
    lines = [
        f'<meta name="{name}" content="{html.escape(value, quote=True)}">'
        for name, value in highwire_tags(entry, pdf_url)
    ]
    data = json.dumps(scholarly_article(entry, page_url), ensure_ascii=False)
    data = data.replace("</", "<\\/")  # a title holding "</script>" cannot end the script
    lines.append(f'<script type="application/ld+json">{data}</script>')
    return "\n".join(lines) + "\n"
