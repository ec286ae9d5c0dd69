"""A site's publications as its .bib files state them, for the test oracle: read with pybtex,
whose LaTeX decoding (latexcodec underneath) gives the text a reader sees, never with cvsite's
own reader.

Each entry becomes a Publication: its list (peer-reviewed, preprints, other), title, authors,
venue, year, links, and the order a list numbers them in (`listed_order`). Kept apart from the
pages' reader (source_pages.py) and conf.py's (source_facts.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pybtex.database import Entry as BibEntry
from pybtex.database import Person
from pybtex.richtext import Text

# The publication-list kinds, by BibTeX type (README.md, "Publications"); the rest is "other".
KIND_TYPES = {
    "peer-reviewed": {
        "article", "inproceedings", "conference", "incollection", "inbook", "book",
        "proceedings",
    },
    "preprints": {"misc", "unpublished", "online"},
}  # fmt: skip
# Where the shown venue comes from, first that is set (README.md, "Fields we read").
VENUE_FIELDS = (
    "venue_short", "abbr", "booktitle", "journal", "journaltitle", "school", "institution",
    "publisher", "howpublished",
)  # fmt: skip
# Linked when they hold a full http(s) URL.
LINK_FIELDS = ("url", "pdf", "code", "slides", "poster", "video")
# Where `pages` are the pages of a part, shown; a book's or thesis's would be its length.
PAGED_TYPES = {"article", "inproceedings", "conference", "incollection", "inbook"}


def plain(latex: str) -> str:
    """LaTeX as a reader sees it: accents and escapes decoded, protecting braces gone."""
    return " ".join(str(Text.from_latex(latex)).split())


def person_name(person: Person) -> str:
    """A name as written on a CV: first, middle, von, last, jr."""
    parts = [
        *person.first_names,
        *person.middle_names,
        *person.prelast_names,
        *person.last_names,
        *person.lineage_names,
    ]
    return plain(" ".join(parts))


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class Publication:
    key: str
    entry_type: str
    kind: str
    title: str
    raw_title: str  # as refs.bib writes it, for the BibTeX control
    authors: tuple[str, ...]  # "et al." for `and others`
    equal_contributors: frozenset[str]  # name keys
    venue: str
    year: str
    award: str
    arxiv: str
    links: frozenset[str]  # every URL the entry's data gives it
    selected: bool
    details: tuple[str, ...]  # "vol. 12", "no. 3", "pp. 45\u201367", as the list shows them

    @property
    def author_line(self) -> str:
        """The authors as the list shows them: comma-separated, equal contributors marked."""
        marked = (
            name + ("*" if name_key(name) in self.equal_contributors else "")
            for name in self.authors
        )
        return ", ".join(marked)


def kind_of(entry_type: str) -> str:
    for kind, types in KIND_TYPES.items():
        if entry_type.lower() in types:
            return kind
    return "other"


def entry_links(fields) -> frozenset[str]:
    links = set()
    arxiv = arxiv_id(fields)
    if arxiv:
        links.add(f"https://arxiv.org/abs/{arxiv}")
    doi = fields.get("doi", "").strip()
    if doi:
        links.add("https://doi.org/" + doi.removeprefix("https://doi.org/"))
    for name in LINK_FIELDS:
        value = fields.get(name, "").strip()
        if value.startswith(("https://", "http://")):
            links.add(value)
    return frozenset(links)


def arxiv_id(fields) -> str:
    prefix = fields.get("archiveprefix", fields.get("eprinttype", "arxiv")).strip().lower()
    return fields.get("eprint", "").strip() if prefix == "arxiv" else ""


def entry_details(entry_type: str, fields) -> tuple[str, ...]:
    """Volume, issue and pages as README's style writes them (a report's number goes with its
    kind, "Technical Report TR-1"; a page range takes an en dash)."""
    details = []
    if fields.get("volume", "").strip():
        details.append(f"vol. {plain(fields['volume'])}")
    number = plain(fields.get("number", "") or fields.get("issue", ""))
    if number and entry_type not in {"techreport", "report"}:
        details.append(f"no. {number}")
    pages = plain(fields.get("pages", ""))
    if pages and entry_type in PAGED_TYPES:
        pages = re.sub(r"\s*[-\u2013\u2014]+\s*", "\u2013", pages)
        details.append(("pp. " if re.search("[\u2013,]", pages) else "p. ") + pages)
    return tuple(details)


def read_publication(entry: BibEntry) -> Publication:
    fields = entry.fields
    equal = re.split(r"\s+and\s+", fields.get("equal_contribution", "").strip())
    authors = tuple(
        "et al." if name_key(person_name(person)) == "others" else person_name(person)
        for person in entry.persons.get("author", [])
    )
    return Publication(
        key=entry.key,
        entry_type=entry.type.lower(),
        kind=kind_of(entry.type),
        title=plain(fields.get("title", "")),
        raw_title=fields.get("title", ""),
        authors=authors,
        equal_contributors=frozenset(name_key(plain(name)) for name in equal if name),
        venue=next((plain(fields[f]) for f in VENUE_FIELDS if fields.get(f, "").strip()), ""),
        year=(fields.get("year", "").strip() or fields.get("date", "").strip()[:4]),
        award=plain(fields.get("award", "")),
        arxiv=arxiv_id(fields),
        links=entry_links(fields),
        selected=fields.get("selected", "").strip().lower() == "true",
        details=entry_details(entry.type.lower(), fields),
    )


def sort_year(publication: Publication) -> int:
    """The year; an arXiv preprint without one has its id's (YYMM.NNNNN, since 2007)."""
    if publication.year.isdigit():
        return int(publication.year)
    match = re.fullmatch(r"(\d\d)\d\d\.\d{4,5}(v\d+)?", publication.arxiv)
    return 2000 + int(match.group(1)) if match else 0


def listed_order(publications: Sequence[Publication], kind: str) -> list[Publication]:
    """The entries of one list as it numbers them: newest first, then in the .bib's order."""
    return sorted((p for p in publications if p.kind == kind), key=lambda p: -sort_year(p))
