"""A RenderCV publication entry (title + authors, + doi/url/journal/date/summary) or al-folio's
(title + publisher + releaseDate) as a BibTeX entry of site.publications.

Authors become pybtex Persons as written; the owner, written bold (`**Name**`, `***Name***`)
or named in settings.bold_keywords, is unmarked, and each spelling other than the owner's name
becomes one of Owner.name_variants; `et al.` or `...` at the end becomes `and others`.

The entry's type, from its venue (`journal`, or al-folio's `publisher`), by one simple rule:
a venue naming a meeting (conference, proceedings, workshop, symposium, congress, poster,
and the same words in Portuguese, Spanish, French, German, Korean) is a booktitle of an
@inproceedings; a preprint server's (arXiv, bioRxiv, "preprint", "submitted") a howpublished of
a @misc; any other venue a journal of an @article; no venue, a @misc.
"""

from __future__ import annotations

import re

from pybtex.database import Entry as BibEntry
from pybtex.database import Person

from cvsite.importers import dates, markup
from cvsite.importers.publication_keys import new_key, unique_key
from cvsite.importers.rendercv import Reading, report_leaves, text
from cvsite.importers.report import Place
from cvsite.publications import rules
from cvsite.publications.fields import MONTH_ABBREVIATIONS, PENDING_YEARS

MEETING = re.compile(
    r"\b(?:conf(?:erence|\.)|proc(?:eedings|\.)|workshop|symposium|congress|meeting|poster|"
    r"colloquium|summit|convention|congresso|conferência|congreso|conferencia|conférence|"
    r"colloque|tagung|konferenz)\b|학술대회|학회|会议",
    re.IGNORECASE,
)
PREPRINT = re.compile(r"arxiv|biorxiv|medrxiv|ssrn|preprint|submitted|under review", re.I)
BOLD = re.compile(r"^\s*(\*{2,3}|_{2})(.+?)\1\s*$")
TRUNCATED = re.compile(r"^(?:et\.? al\.?|\.\.\.|…|and others)$", re.IGNORECASE)
YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
USED = {"title", "authors", "doi", "url", "journal", "publisher", "date", "releaseDate",
        "summary", "number"}  # fmt: skip


def add(reading: Reading, entry: dict, place: Place) -> None:
    report = reading.report
    title_text, title_link = split_title(entry.get("title"))
    fields = {"title": markup.to_plain(title_text, reading.at(place, "title"), report)}
    persons = authors(reading, entry.get("authors"), reading.at(place, "authors"))
    venue_key = "journal" if text(entry.get("journal")) else "publisher"
    venue = markup.to_plain(entry.get(venue_key) or "", reading.at(place, venue_key), report)
    entry_type = type_and_venue(venue, fields)
    fields |= date_fields(reading, entry, place)
    fields |= link_fields(entry, title_link)
    if text(entry.get("summary")):
        fields["note"] = markup.to_plain(entry["summary"], reading.at(place, "summary"), report)
    if text(entry.get("number")):
        fields["number"] = str(entry["number"]).strip()
    for key in set(entry) - USED:
        report_leaves(reading, reading.at(place, str(key)), entry[key], "not a publication's key")
    bib_entry = BibEntry(entry_type, fields=fields, persons={"author": persons} if persons else {})
    key = unique_key(new_key(persons, fields), reading.site.publications.entries)
    reading.site.publications.add_entry(key, bib_entry)
    report.count("publication")


def split_title(value: object) -> tuple[str, str]:
    match = re.match(r"^\s*\[([^\]]+)\]\(\s*([^)\s]+)\s*\)\s*$", str(value or ""))
    return (match.group(1), match.group(2)) if match else (str(value or ""), "")


def type_and_venue(venue: str, fields: dict[str, str]) -> str:
    if not venue:
        return "misc"
    if MEETING.search(venue):
        fields["booktitle"] = venue
        return "inproceedings"
    if PREPRINT.search(venue):
        fields["howpublished"] = venue
        return "misc"
    fields["journal"] = venue
    return "article"


def authors(reading: Reading, value: object, place: Place) -> list[Person]:
    """The author list as Persons; the owner's bold spellings other than the owner's name
    added to the owner's variants; a trailing `et al.` as `others`."""
    if value is None:
        return []
    names = value if isinstance(value, list) else re.split(r"\s+and\s+|;", str(value))
    owner = reading.site.owner
    persons = []
    for number, raw in enumerate(names):
        name = re.sub(r"^and\s+", "", str(raw or "").strip())
        if not name:
            continue
        if TRUNCATED.match(name):
            if number == len(names) - 1:
                persons.append(Person("others"))
            else:
                reading.report.left_out(reading.at(place, f"[{number}]"), name, "not a name")
            continue
        bold = BOLD.match(name)
        name = bold.group(2).strip() if bold else name
        is_owner = bold or name in reading.bold_keywords
        if is_owner and name != owner.name and name not in owner.name_variants:
            owner.name_variants.append(name)
        persons.append(
            Person(markup.to_plain(name, reading.at(place, f"[{number}]"), reading.report))
        )
    return persons


def date_fields(reading: Reading, entry: dict, place: Place) -> dict[str, str]:
    """date (or releaseDate) as year and month; a pending state ("in press") as the year;
    a year inside free text taken and the text reported; no year at all, reported."""
    key = "date" if text(entry.get("date")) else "releaseDate"
    value = entry.get(key)
    if not text(value):
        return {}
    where = reading.at(place, key)
    parts = dates.read_date(value)
    if parts is not None:
        year, month, _ = parts
        return {"year": str(year)} | ({"month": MONTH_ABBREVIATIONS[month - 1]} if month else {})
    written = " ".join(str(value).split())
    if written.casefold() in PENDING_YEARS:
        return {"year": written}
    if found := YEAR.search(written):
        reading.report.changed(where, written, f"only its year, {found.group(0)}, is in refs.bib")
        return {"year": found.group(0)}
    reading.report.left_out(where, written, "no year could be read from it")
    return {}


def link_fields(entry: dict, title_link: str) -> dict[str, str]:
    """doi kept bare (a doi.org address or a DOI inside `url` too); url; a title's link as
    pdf when it ends in .pdf, else as url."""
    fields = {}
    doi = str(entry.get("doi") or "").strip()
    url = str(entry.get("url") or "").strip()
    for candidate in (doi, url if "doi.org/" in url else ""):
        if found := rules.doi_in(candidate):
            fields["doi"] = found
            break
    if url and not ("doi" in fields and fields["doi"] in url):
        fields["url"] = url
    if doi and "doi" not in fields:
        fields["url" if "url" not in fields else "note"] = doi
    if title_link:
        fields["pdf" if title_link.lower().endswith(".pdf") else "url"] = title_link
    return fields
