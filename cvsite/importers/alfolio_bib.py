"""al-folio's `_bibliography/papers.bib` (jekyll-scholar's): the owner's entries kept as they
are, al-folio's own fields mapped to ours (html and website to url, arxiv to eprint, its local
PDFs copied into the site), the template's sample papers left out."""

from __future__ import annotations

import re
from pathlib import Path

import pybtex.errors
from pybtex.database import BibliographyData, BibliographyDataError, Entry
from pybtex.database.input.bibtex import Parser
from pybtex.scanner import PybtexSyntaxError

from cvsite.importers import samples
from cvsite.importers.formats import SourceError
from cvsite.importers.model import ImportedSite
from cvsite.importers.report import Place
from cvsite.publications.fields import KNOWN_FIELDS

# Jekyll's front matter, which jekyll-scholar wants before the BibTeX: usually `---\n---`.
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?:.*?\n)??---[ \t]*\n", re.DOTALL)
# Fields al-folio links to a file under assets/pdf/ when they are not a URL.
LOCAL_FILE_FIELDS = ("pdf", "slides", "poster")
# al-folio's link fields that our url takes when it is empty.
URL_FIELDS = {
    "html": "the publisher's page",
    "website": "the project's website",
}
URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def bibliography_path(source: Path, scholar: dict) -> Path:
    folder = str(scholar.get("source") or "/_bibliography/").strip("/") or "_bibliography"
    return source / folder / str(scholar.get("bibliography") or "papers.bib")


def read_bibliography(site: ImportedSite, source: Path, scholar: dict) -> None:
    path = bibliography_path(source, scholar)
    folder = path.parent
    for other in sorted(folder.glob("*.bib")) if folder.is_dir() else []:
        if other != path:
            site.report.left_out(
                Place(other.relative_to(source).as_posix()), "(the whole file)",
                "not the file _config.yml's scholar.bibliography names, so al-folio does not "
                "show it either; not read",
            )  # fmt: skip
    if not path.is_file():
        return
    relative = path.relative_to(source).as_posix()
    text = without_comments(without_front_matter(path.read_text(encoding="utf-8-sig")),
                            relative, site)  # fmt: skip
    data = parse(text, relative, site)
    homepage = site.owner.homepage
    for key, entry in data.entries.items():
        place = Place(relative, line_of(text, key), key)
        if samples.is_sample_bib_key(key):
            site.report.left_out(place, key, "al-folio's sample paper; not imported")
            continue
        map_fields(site, source, entry, place, homepage)
        site.publications.add_entry(key, entry)
        site.report.count("publication")
    personal_fields(site, data, relative)


def without_front_matter(text: str) -> str:
    """The BibTeX, its Jekyll front matter blanked (its lines kept, for line numbers)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text
    return "\n" * match.group(0).count("\n") + text[match.end() :]


def without_comments(text: str, relative: str, site: ImportedSite) -> str:
    """The BibTeX, its `%` lines blanked: jekyll-scholar skips them (BibTeX itself would read
    an entry commented out this way); a commented-out entry is reported."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if line.lstrip().startswith("%"):
            if "@" in line:
                site.report.left_out(
                    Place(relative, number + 1), line.lstrip("% "),
                    "commented out; al-folio does not show it, so it is not imported",
                )  # fmt: skip
            lines[number] = ""
    return "\n".join(lines)


def parse(text: str, relative: str, site: ImportedSite) -> BibliographyData:
    """pybtex's reading; a syntax error stops the import with its line, a repeated key keeps
    the first entry (as BibTeX does) and is reported."""
    with pybtex.errors.capture() as errors:
        data = Parser().parse_string(text)
    for error in errors:
        if isinstance(error, PybtexSyntaxError):
            problem = str(error).split(": ", 1)[-1]  # pybtex's text after "syntax error in line N"
            raise SourceError(
                f"{relative}:{error.lineno}: {problem}; correct the entry (a brace or comma is "
                "missing) and import again"
            )
        if isinstance(error, BibliographyDataError):
            key = str(error).rpartition(": ")[2]
            site.report.left_out(
                Place(relative, line_of(text, key, nth=2), key), key,
                "a second entry with this key; the first is kept, as BibTeX keeps it",
            )  # fmt: skip
    return data


def line_of(text: str, key: str, nth: int = 1) -> int | None:
    found = re.finditer(r"@\s*\w+\s*[{(]\s*" + re.escape(key) + r"\s*,", text)
    for number, match in enumerate(found, start=1):
        if number == nth:
            return text.count("\n", 0, match.start()) + 1
    return None


def map_fields(site: ImportedSite, source: Path, entry: Entry, place: Place, home: str) -> None:
    fields = entry.fields
    report = site.report
    for name, what in URL_FIELDS.items():
        value = fields.get(name, "").strip()
        if not value:
            continue
        if not fields.get("url", "").strip() and URL.match(value):
            fields["url"] = value
            del fields[name]
            report.changed(place.at(name), value, f"al-folio's {name} ({what}) became url")
        else:
            report.changed(
                place.at(name), value,
                f"kept in refs.bib as {name}; the site links url, which the entry has",
            )  # fmt: skip
    arxiv = fields.get("arxiv", "").strip()
    if arxiv and not fields.get("eprint", "").strip():
        fields["eprint"] = arxiv
        if not fields.get("archiveprefix", "").strip():
            fields["archiveprefix"] = "arXiv"
        del fields["arxiv"]
        report.changed(place.at("arxiv"), arxiv, "became eprint, with archiveprefix arXiv")
    for name in LOCAL_FILE_FIELDS:
        if fields.get(name, "").strip() and not URL.match(fields[name].strip()):
            local_file(site, source, entry, name, place, home)


def local_file(site: ImportedSite, source: Path, entry: Entry, name: str, place: Place,
               home: str) -> None:  # fmt: skip
    """A file under assets/pdf/: copied into docs/_static/files/ and linked at its address on
    the published site; a missing one is dropped."""
    value = entry.fields[name].strip()
    relative = value.split("?")[0].lstrip("/").removeprefix("assets/pdf/")
    path = source / "assets" / "pdf" / relative
    if not path.is_file():
        del entry.fields[name]
        site.report.left_out(place.at(name), value, "no such file under assets/pdf/; not linked")
        return
    copied = f"_static/files/{path.name}"
    site.files[path] = copied
    if home:
        entry.fields[name] = f"{home.rstrip('/')}/{copied}"
        site.report.changed(
            place.at(name), value, "copied; linked at its address on the published site"
        )
    else:
        del entry.fields[name]
        site.report.changed(
            place.at(name), value,
            "copied into docs/_static/files/; with no url in _config.yml it has no address "
            "to link, so the field is left out",
        )  # fmt: skip


def personal_fields(site: ImportedSite, data: BibliographyData, relative: str) -> None:
    """Fields no tool we know writes (`oral`, `selected1`): kept in refs.bib, which the site
    ignores; listed once."""
    counted: dict[str, int] = {}
    for key, entry in data.entries.items():
        for name in entry.fields if not samples.is_sample_bib_key(key) else ():
            if name.casefold() not in KNOWN_FIELDS:
                counted[name] = counted.get(name, 0) + 1
    if counted:
        names = ", ".join(f"{name} ({n})" for name, n in counted.items())
        site.report.changed(
            Place(relative), names,
            "fields of your own: kept in refs.bib, which the site ignores unless you show them",
        )  # fmt: skip
