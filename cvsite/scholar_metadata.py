"""What Google Scholar and search engines read on a paper's page, from its .bib entry alone.

Highwire Press `citation_*` tags as Google Scholar's inclusion guidelines describe them, and a
schema.org ScholarlyArticle. Only facts the entry holds: no tag without data behind it.
"""

from __future__ import annotations

import html
import json

from pybtex.database import Entry

from .bib_style import arxiv_id, entry_year, latex_to_plain, person_name

JOURNAL_TYPES = frozenset({"article"})


def plain(latex: str) -> str:
    return latex_to_plain(latex)


def highwire_tags(entry: Entry, pdf_url: str | None) -> list[tuple[str, str]]:
    """Google Scholar's inclusion guidelines: one tag per fact, only facts the entry holds."""
    tags = [("citation_title", plain(entry.fields.get("title", "")))]
    tags += [("citation_author", person_name(p)) for p in entry.persons.get("author", [])]
    if entry_year(entry):
        tags.append(("citation_publication_date", entry_year(entry)))
    venue_field = "journal" if entry.type.lower() in JOURNAL_TYPES else "booktitle"
    venue = entry.fields.get(venue_field, "") or entry.fields.get("journaltitle", "")
    if venue:
        tags.append((f"citation_{'journal' if venue_field == 'journal' else 'conference'}_title",
                     plain(venue)))  # fmt: skip
    if entry.fields.get("doi"):
        tags.append(("citation_doi", entry.fields["doi"]))
    if arxiv_id(entry):
        tags.append(("citation_arxiv_id", arxiv_id(entry)))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    return tags


def scholarly_article(entry: Entry, page_url: str | None) -> dict:
    title = plain(entry.fields.get("title", ""))
    article: dict = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": title,
        "name": title,
        "author": [
            {"@type": "Person", "name": person_name(p)} for p in entry.persons.get("author", [])
        ],
    }
    if entry_year(entry):
        article["datePublished"] = entry_year(entry)
    venue = entry.fields.get("journal") or entry.fields.get("booktitle")
    if venue:
        kind = "Periodical" if entry.type.lower() in JOURNAL_TYPES else "CreativeWork"
        article["isPartOf"] = {"@type": kind, "name": plain(venue)}
    if entry.fields.get("doi"):
        article["identifier"] = f"https://doi.org/{entry.fields['doi']}"
    if arxiv_id(entry):
        article["sameAs"] = f"https://arxiv.org/abs/{arxiv_id(entry)}"
    if page_url:
        article["url"] = page_url
    return article


def description(entry: Entry) -> str:
    """The page's meta description (and link preview): title and authors."""
    title = plain(entry.fields.get("title", entry.key))
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
