"""JSON Resume's publications as BibTeX entries: `name` the title, `publisher` the journal
(an @article) or none (a @misc), `releaseDate` the year (biblatex's `date` where it has a
month), `url`, and `summary` a note (an abstract when it is long). JSON Resume has no key for
authors: none is guessed from free text, and each entry is reported as having none.

An entry of `cvsite export jsonresume` carries its BibTeX under `x-cvsite.bibtex`: read as it is.
"""

from __future__ import annotations

from pybtex.database import Entry, parse_string
from pybtex.exceptions import PybtexError

from cvsite.importers import dates, markup, samples
from cvsite.importers.jsonresume_sections import EXTRA, legacy_keys, report_unread
from cvsite.importers.model import ImportedSite
from cvsite.importers.publication_keys import new_key, unique_key
from cvsite.importers.report import Place, Report

# Older schemas' names, and another tool's (title, link, details), to the schema's.
RENAMED = {"website": "url", "title": "name", "link": "url", "details": "publisher"}
READ = {"name", "publisher", "releaseDate", "url", "summary", EXTRA}
ABSTRACT_WORDS = 40  # a longer summary is the paper's abstract, a shorter one a note


def add_publications(site: ImportedSite, publications: object, place: Place) -> None:
    report = site.report
    if publications in (None, "", []):
        return
    if not isinstance(publications, list):
        report.left_out(place, publications, "publications is not a list")
        return
    for number, publication in enumerate(publications):
        where = place.at(f"[{number}]")
        if not isinstance(publication, dict):
            report.left_out(where, publication, "a publication is an object (name, publisher)")
            continue
        exported = exported_entry(publication, where, report)
        key, entry = exported or entry_of(publication, where, report) or ("", None)
        if entry is None:
            continue
        key = unique_key(key, site.publications.entries)
        site.publications.add_entry(key, entry)
        report.count("publication")


def exported_entry(publication: dict, place: Place, report: Report) -> tuple[str, Entry] | None:
    """The entry as the exported site's refs.bib had it (x-cvsite.bibtex)."""
    extra = publication.get(EXTRA)
    if not isinstance(extra, dict) or not isinstance(extra.get("bibtex"), str):
        return None
    try:
        data = parse_string(extra["bibtex"], "bibtex")
    except PybtexError as error:
        report.changed(
            place.at(f"{EXTRA}.bibtex"),
            extra["bibtex"],
            f"not BibTeX ({error}); the entry is read from its JSON Resume keys",
        )
        return None
    if len(data.entries) != 1:
        return None
    return next(iter(data.entries.items()))


def entry_of(publication: dict, place: Place, report: Report) -> tuple[str, Entry] | None:
    publication = legacy_keys(publication, RENAMED, place, report)
    title = markup.to_plain(publication.get("name") or "", place.at("name"), report)
    if template := samples.sample_of(title):
        report.left_out(place, title, f"{template}'s sample paper; not imported")
        return None
    if not title:
        report.left_out(place, publication, "a publication without a name (its title)")
        return None
    fields = {"title": title}
    publisher = markup.to_plain(publication.get("publisher") or "", place.at("publisher"), report)
    if publisher:
        fields["journal"] = publisher
    fields |= release_date(publication.get("releaseDate"), place.at("releaseDate"), report)
    if url := str(publication.get("url") or "").strip():
        fields["url"] = url
    if summary := str(publication.get("summary") or "").strip():
        long = len(summary.split()) > ABSTRACT_WORDS
        fields["abstract" if long else "note"] = summary
    report.changed(place, title, "no authors in JSON Resume; add them in refs.bib (author = "
                   "{Last, First and ...})")  # fmt: skip
    report_unread(publication, READ, place, report)
    entry = Entry("article" if publisher else "misc", fields=fields)
    return new_key([], fields), entry


def release_date(value: object, place: Place, report: Report) -> dict[str, str]:
    if value in (None, ""):
        return {}
    parts = dates.read_date(value)
    if parts is None:
        year = dates.YEAR_IN.search(str(value))
        report.changed(
            place,
            value,
            "not a date; only its year is kept" if year else "not a date; the entry has no year",
        )
        return {"year": year.group(0)} if year and not year.group(0).startswith("'") else {}
    if parts[1] is None:
        return {"year": str(parts[0])}
    return {"date": dates.iso(parts)}  # biblatex's date: the month and day too
