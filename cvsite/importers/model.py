"""What a reader makes of a source: the owner, the CV's sections, publications, news and files,
all in one typed model that site_writer.py writes as a site. Text is MyST where a page shows it
as Markdown (bullets, items, paragraphs) and plain where a field is a line of text."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pybtex.database import BibliographyData

from cvsite.importers.report import Report

# A section's kind by the words of its title, the first kind with one of them (its entries'
# keys say more, where a source has them): for every importer and for `cvsite export`.
KIND_WORDS = (
    ("publications", ("publication", "paper", "preprint")),
    ("education", ("education", "degree", "studies")),
    ("volunteer", ("volunteer",)),
    ("awards", ("award", "honor", "honour", "prize", "fellowship", "scholarship")),
    ("skills", ("skill",)),
    ("projects", ("project",)),
    ("languages", ("language",)),
    ("interests", ("interest",)),
    ("work", ("experience", "work", "employment", "position", "appointment", "career")),
)


def kind_of_title(title: str) -> str:
    """The kind of a section whose title has one of KIND_WORDS' stems ("" for none)."""
    words = [word.strip(".,:;()&") for word in title.casefold().split()]
    for kind, stems in KIND_WORDS:
        if any(word.startswith(stem) for word in words for stem in stems):
            return kind
    return ""


@dataclass
class Entry:
    """A `cv-entry`: what (an institution, a company, an award's name), the role in it, dates
    as the source wrote them (or read from its date keys), place, and bullets (MyST)."""

    institution: str
    role: str = ""
    dates: str = ""
    place: str = ""
    bullets: list[str] = field(default_factory=list)


@dataclass
class Item:
    """A line of a list (MyST); with a term (a year, a date) a definition list's item."""

    text: str
    term: str = ""


@dataclass
class Section:
    """One page of the CV: its title, then paragraphs, entries and items, in that order.

    `kind` is what the section holds, from its entries' keys where the source says so
    (education, work, awards, skills, ...; "" when unknown), for `cvsite export`."""

    title: str
    kind: str = ""
    paragraphs: list[str] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.paragraphs or self.entries or self.items)


@dataclass
class NewsItem:
    day: str  # YYYY-MM-DD
    text: str  # MyST


@dataclass
class Owner:
    name: str = ""
    email: str = ""
    homepage: str = ""
    position: str = ""
    affiliation: str = ""
    photo: Path | None = None  # a file of the source, copied into docs/_static/
    # kind (config/profiles.py) -> URL; another network -> {"url", "label", "icon"}
    profiles: dict[str, str | dict[str, str]] = field(default_factory=dict)
    name_variants: list[str] = field(default_factory=list)  # other spellings in the .bib
    about: list[str] = field(default_factory=list)  # paragraphs (MyST) for the home page
    keywords: list[str] = field(default_factory=list)


@dataclass
class ImportedSite:
    format: str  # the reader's name, as `--from` takes it
    source: Path
    report: Report
    owner: Owner = field(default_factory=Owner)
    sections: list[Section] = field(default_factory=list)
    publications: BibliographyData = field(default_factory=BibliographyData)
    news: list[NewsItem] = field(default_factory=list)
    # Where the publications page goes among the sections (its index in the navbar); None:
    # after the education and work sections, as a CV orders them.
    publications_at: int | None = None
    # Files of the source the site links (a paper's PDF, slides): source path -> the path
    # under docs/_static/ they are copied to.
    files: dict[Path, str] = field(default_factory=dict)
