"""`cvsite export jsonresume`: the site as a JSON Resume (resume.json), read the way the build
reads it, through Sphinx's builder named "jsonresume" that this module registers.

The builder reads the resolved doctree of every page in the root page's toctree order
(exporters/pages.py): each page's kind comes from its title's words (Education, Awards,
Skills, ...), and its cv-entries and items go to the JSON Resume section of that kind (a page
of no kind gives work entries). The owner comes from conf.py's settings, the publications from
the build's publication record. What JSON Resume cannot say (the dates as written, each
element's page, the pages' titles, order, paragraphs and other items, the other spellings of
the owner's name, each paper's BibTeX) is kept under `x-cvsite` keys, which the schema allows
everywhere and `cvsite import` reads first: importing the export gives back the same pages.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Set
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from cvsite.config.profiles import profiles
from cvsite.exporters.pages import Page, about_paragraphs, read_page
from cvsite.importers import dates
from cvsite.importers.model import Entry, Item, kind_of_title
from cvsite.papers.bibtex_export import entry_source
from cvsite.publications.cite_domain import publication_entries
from cvsite.publications.latex_text import plain_from_latex
from cvsite.publications.record import Record, records_of

EXTRA = "x-cvsite"
SCHEMA = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
OUTPUT = "resume.json"
ENTRY_SECTIONS = {"work", "volunteer", "education", "awards", "projects"}
ITEM_SECTIONS = {"skills", "languages", "interests", "awards"}
SECTION_ORDER = ("work", "volunteer", "education", "awards", "projects", "skills", "languages",
                 "interests", "publications")  # fmt: skip


class JSONResumeBuilder(Builder):
    """Reads every page as the HTML build does, and writes one resume.json."""

    name = "jsonresume"
    format = "json"
    epilog = "The JSON Resume is in %(outdir)s."

    def init(self) -> None:
        self.doctrees: dict[str, nodes.document] = {}
        # Text as the pages write it: straight quotes, no smart ones (as Sphinx's text builder).
        excludes = dict(self.config.smartquotes_excludes or {})
        excludes["builders"] = [*excludes.get("builders", []), self.name]
        self.config.smartquotes_excludes = excludes

    def get_outdated_docs(self) -> list[str]:
        return sorted(self.env.found_docs)  # one file from all of them: every page, every time

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return docname

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        self.doctrees[docname] = doctree  # resolved: `only` blocks decided, references made

    def finish(self) -> None:
        resume = resume_of(self)
        outdir = Path(self.outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        photo = self.config.cv_photo
        if photo and (Path(self.srcdir) / photo).is_file():
            # Beside the JSON, as a local file a reader (and `cvsite import`) finds.
            shutil.copyfile(Path(self.srcdir) / photo, outdir / Path(photo).name)
            resume["basics"]["image"] = Path(photo).name
        text = json.dumps(resume, ensure_ascii=False, indent=2) + "\n"
        (outdir / OUTPUT).write_text(text, encoding="utf-8")


def toctree_order(env, root: str) -> list[str]:
    """The pages in the order the navbar shows them: the root's toctree, depth first."""
    ordered: list[str] = []

    def visit(docname: str) -> None:
        for child in env.toctree_includes.get(docname, []):
            if child not in ordered and child != root:
                ordered.append(child)
                visit(child)

    visit(root)
    return ordered


def resume_of(builder: JSONResumeBuilder) -> dict:
    config, env = builder.config, builder.env
    root = config.root_doc
    pages = [
        page
        for docname in toctree_order(env, root)
        if docname in builder.doctrees
        and (page := read_page(docname, builder.doctrees[docname])) is not None
    ]
    about = about_paragraphs(builder.doctrees[root]) if root in builder.doctrees else []
    resume: dict = {"$schema": SCHEMA, "basics": basics_of(config, about)}
    sections: dict[str, list] = {kind: [] for kind in SECTION_ORDER}
    exported_pages = []
    for number, page in enumerate(pages):
        exported_pages.append(add_page(page, number, sections))
    sections["publications"] = [
        publication_of(r) for r in records_of(publication_entries(env).values())
    ]
    resume |= {kind: elements for kind, elements in sections.items() if elements}
    resume[EXTRA] = {"version": 1, "pages": exported_pages}
    return resume


def basics_of(config, about: list[str]) -> dict:
    basics: dict[str, Any] = {
        "name": config.cv_owner,
        "label": config.cv_position,
        "email": config.cv_email,
        "url": config.cv_homepage,
        "summary": "\n\n".join(about),
        "profiles": [profile_of(p) for p in profiles(config)],
    }
    extra = {
        "affiliation": config.cv_affiliation,
        "nameVariants": list(config.cv_owner_variants or []),
        "keywords": list(config.cv_keywords or []),
    }
    basics[EXTRA] = {key: value for key, value in extra.items() if value}
    return {key: value for key, value in basics.items() if value not in ("", [], {})}


def profile_of(profile) -> dict:
    exported: dict[str, Any] = {"network": profile.label or profile.key, "url": profile.url}
    extra = {"key": profile.key, "icon": profile.icon, "image": profile.image}
    exported[EXTRA] = {key: value for key, value in extra.items() if value}
    return exported


def add_page(page: Page, number: int, sections: dict[str, list]) -> dict:
    """The page's entries and items into their sections; what else it holds, returned."""
    section = page.section
    kind = "publications" if page.has_publications else kind_of_title(section.title)
    entry_kind = kind if kind in ENTRY_SECTIONS else "work"
    for entry in section.entries:
        sections[entry_kind].append(element_of(entry_kind, entry, number))
    exported: dict[str, Any] = {"title": section.title, "kind": kind, "page": page.docname}
    if kind in ITEM_SECTIONS:
        sections[kind] += [item_element(kind, item, number) for item in section.items]
    elif section.items:
        exported["items"] = [without_empty({"text": i.text, "term": i.term}) for i in section.items]
    if section.paragraphs:
        exported["paragraphs"] = section.paragraphs
    if page.headings:
        exported["headings"] = page.headings
    return exported


def date_keys(shown: str) -> tuple[str, str]:
    """startDate and endDate (ISO 8601) from dates as shown; "" where none (ongoing: no end)."""
    start, end, ongoing = dates.read_range(shown)
    return dates.iso(start), "" if ongoing else dates.iso(end)


def element_of(kind: str, entry: Entry, page: int) -> dict:
    start, end = date_keys(entry.dates)
    names = {
        "work": ("name", "position", "highlights"),
        "volunteer": ("organization", "position", "highlights"),
        "education": ("institution", "studyType", "courses"),
        "awards": ("title", "awarder", "highlights"),
        "projects": ("name", "roles", "highlights"),
    }[kind]
    element: dict[str, Any] = {
        names[0]: entry.institution,
        names[1]: entry.role,
        "location": entry.place,
    }
    if kind == "projects":
        element["roles"] = [entry.role] if entry.role else []
    if kind == "awards":
        element["date"] = start
    else:
        element |= {"startDate": start, "endDate": end}
    element[names[2]] = entry.bullets
    element[EXTRA] = {"page": page, "dates": entry.dates}
    return without_empty(element)


def item_element(kind: str, item: Item, page: int) -> dict:
    extra: dict[str, Any] = {"page": page}
    element: dict[str, Any]
    if kind == "awards":
        parts = dates.read_date(item.term) if item.term else None
        extra |= {"item": True, "term": item.term}
        element = {"title": item.text, "date": dates.iso(parts)}
    elif kind == "languages":
        element = {"language": item.term, "fluency": item.text} if item.term else {
            "language": item.text}  # fmt: skip
    elif item.term:  # skills, interests: a name and its keywords
        element = {"name": item.term, "keywords": item.text.split(", ")}
    else:
        element = {"name": item.text}
    element[EXTRA] = extra
    return without_empty(element)


def publication_of(record: Record) -> dict:
    address = record.link("URL") or record.link("DOI") or record.link("PDF")
    release = "-".join(record.date.parts) if not record.date.pending else ""
    exported: dict[str, Any] = {
        "name": plain_from_latex(record.title),
        "publisher": plain_from_latex(record.venue.full),
        "releaseDate": release if dates.read_date(release) else "",
        "url": address,
        EXTRA: {
            "key": record.key,
            "type": record.type,
            "authors": [person.name for person in record.authors],
            "bibtex": entry_source(record, citable=False),
        },
    }
    return without_empty(exported)


def without_empty(element: dict) -> dict:
    return {key: value for key, value in element.items() if value not in ("", [], {}, None)}


def setup(app: Sphinx) -> None:
    app.add_builder(JSONResumeBuilder)
