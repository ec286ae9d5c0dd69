"""One publication as the site reads it: a typed, immutable record made once per build from
the entry that pybtex read (through sphinxcontrib-bibtex), and what every consumer reads: the
lists' style, the selected list, the paper pages, Scholar tags and JSON-LD, and the PDF.

The rules it applies are the functions of rules.py, which `make check` applies to its own,
line-keeping reading of the files (bib_syntax.py).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pybtex.database import Entry
from pybtex.database import Person as PybtexPerson
from pybtex.exceptions import PybtexError

from cvsite.publications import rules
from cvsite.publications.crossref import inherited, parent_key
from cvsite.publications.fields import LINK_FIELDS, PAGED_TYPES, PUBLISHED_TYPES
from cvsite.publications.latex_text import plain_name_and_marks
from cvsite.publications.owner_names import EQUAL_CONTRIBUTION, split_dblp_number

EQUAL_CONTRIBUTION_MARK = EQUAL_CONTRIBUTION  # "*" after a name


@dataclass(frozen=True)
class Source:
    """Where the entry is written: the .bib file as conf.py names it, and the line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Person:
    """A person as BibTeX splits the name, and as the site shows it."""

    first: tuple[str, ...]
    middle: tuple[str, ...]
    von: tuple[str, ...]
    last: tuple[str, ...]
    jr: tuple[str, ...]
    name: str  # plain text, in reading order, without marks or DBLP number
    marks: str = ""  # "*", "†", "‡" as written with the name
    number: str = ""  # DBLP's homonym number ("Wei Wang 0001"), not shown

    @property
    def key(self) -> str:
        return rules.name_key(self.name)

    @property
    def is_others(self) -> bool:
        """BibTeX's `and others`: shown as "et al."."""
        return self.key == "others"


@dataclass(frozen=True)
class Venue:
    short: str  # as the lists show it (LaTeX as written): venue_short, abbr, else full
    full: str  # booktitle, journal, ..., howpublished (LaTeX as written)


@dataclass(frozen=True)
class Details:
    """What kind of work it is and where in its venue, as the lists show them (LaTeX as
    written; "" where the entry has none)."""

    type_label: str  # a thesis's or report's kind: "Ph.D. thesis", "Technical Report TR-42"
    edition: str  # "2nd edition"
    volume: str
    number: str  # an issue's number (a report's is in its type_label)
    # "pp. 12--34" (with an en dash), "p. 7": of a part only (a book's are its length)
    pages: str
    publisher: str  # of a book, chapter or proceedings, unless it is the venue itself


@dataclass(frozen=True)
class PublicationDate:
    shown: str  # the year as shown: `2020`, `In press`, or the year of `date`
    sort_year: int  # pending years are the newest; no year at all sorts last (0)
    parts: tuple[str, ...]  # (year, month, day) as far as known, for Scholar and JSON-LD

    @property
    def month(self) -> str:
        """ "01" to "12", or "" when not known."""
        return self.parts[1] if len(self.parts) > 1 else ""

    @property
    def day(self) -> str:
        return self.parts[2] if len(self.parts) > 2 else ""

    @property
    def pending(self) -> bool:
        """A state (`In press`, `to appear`) rather than a time."""
        return rules.is_pending(self.shown)


@dataclass(frozen=True)
class Record:
    key: str
    type: str  # lower case: article, inproceedings, ...
    kind: str  # peer-reviewed, preprints or other (the list that shows it)
    title: str  # LaTeX as written
    authors: tuple[Person, ...]
    editors: tuple[Person, ...]
    venue: Venue
    date: PublicationDate
    details: Details
    doi: str  # bare: 10.1000/xyz
    arxiv: str | None  # the arXiv identifier, if the entry has one
    # (label, address), in fields.LINK_FIELDS' order: DOI, URL, PDF, Code, Slides, ...
    links: tuple[tuple[str, str], ...]
    award: str  # LaTeX as written ("" or blank: none)
    selected: bool
    equal_contributors: frozenset[str]  # name keys: named in equal_contribution, or marked *
    fields: tuple[tuple[str, str], ...]  # every field as written, names in lower case
    source: Source | None = None  # None where the build has no line for it
    # The pybtex entry it was made from, only to hand back to pybtex's style interface
    # (Style.format_entry) and the formatting cache; nothing reads a field from it.
    entry: Entry | None = field(default=None, compare=False, repr=False, hash=False)

    def field(self, *names: str) -> str:
        """The first of these fields that the entry has (not empty), as written; "" if none."""
        values = dict(self.fields)
        return next((values[n].strip() for n in names if values.get(n, "").strip()), "")

    def link(self, label: str) -> str:
        return next((address for name, address in self.links if name == label), "")

    def is_equal_contributor(self, person: Person) -> bool:
        return EQUAL_CONTRIBUTION_MARK in person.marks or person.key in self.equal_contributors


def newest_first(record: Record) -> int:
    """The order of every list: year descending (a sort key; Python's sort is stable, so
    within a year the order of refs.bib)."""
    return -record.date.sort_year


def person_of(person: PybtexPerson) -> Person:
    return person_from_parts(
        tuple(person.first_names),
        tuple(person.middle_names),
        tuple(person.prelast_names),
        tuple(person.last_names),
        tuple(person.lineage_names),
    )


@functools.lru_cache(maxsize=1 << 16)  # a .bib repeats its coauthors: one Person each
def person_from_parts(
    first: tuple[str, ...],
    middle: tuple[str, ...],
    von: tuple[str, ...],
    last: tuple[str, ...],
    jr: tuple[str, ...],
) -> Person:
    # "Wang, Wei 0001": DBLP's number ends the given names; in reading order it ends the name.
    given, number = split_dblp_number(" ".join(first + middle))
    name, marks, found = plain_name_and_marks(" ".join([given, *von, *last, *jr]).strip())
    return Person(first, middle, von, last, jr, name, marks, number or found)


@functools.lru_cache(maxsize=1 << 16)
def written_person(written: str) -> Person | None:
    """One name as a .bib writes it, read as BibTeX splits it; None where it cannot (too many
    commas: make check reports it)."""
    try:
        return person_of(PybtexPerson(written))
    except PybtexError:
        return None


def written_name_key(written: str) -> str:
    """The key of one name as a .bib writes it, read as BibTeX splits it: "Lovelace, Ada" and
    "Ada Lovelace*" are one person (`make check` compares names by it too)."""
    person = written_person(written)
    return person.key if person else rules.name_key(plain_name_and_marks(written)[0])


def named_equal_contributors(value: str) -> tuple[str, ...]:
    """The name keys of those named in `equal_contribution` ("Lovelace, Ada and ...")."""
    return tuple(written_name_key(name.strip()) for name in rules.split_names(value) if name)


def details_of(entry_type: str, fields: dict[str, str], venue: str) -> Details:
    """The details an entry of this type shows, from its fields (see rules.py for each)."""
    number = fields.get("number", "") or fields.get("issue", "")
    label = rules.type_label(entry_type, fields.get("type", ""), number)
    publisher = fields.get("publisher", "").strip()
    return Details(
        type_label=label,
        edition=rules.shown_edition(fields.get("edition", "")),
        volume=fields.get("volume", "").strip(),
        number="" if label else number.strip(),
        pages=rules.shown_pages(fields.get("pages", "")) if entry_type in PAGED_TYPES else "",
        publisher=publisher if entry_type in PUBLISHED_TYPES and publisher != venue.strip() else "",
    )


def with_parent(
    entry: Entry, parent: Entry | None
) -> tuple[dict[str, str], dict[str, list[PybtexPerson]]]:
    """The entry's fields (names in lower case; `crossref` too, which only the BibTeX written
    whole keeps) and people, with what it takes from the parent its `crossref` names
    (crossref.py: BibTeX's rule), after its own."""
    fields = {name.lower(): value for name, value in entry.fields.items()}
    persons = {role.lower(): list(people) for role, people in entry.persons.items()}
    if parent is not None:
        has = {name.lower() for name in entry.fields} | set(persons)
        written: list[tuple[str, str | list[PybtexPerson]]] = [
            (name.lower(), value) for name, value in parent.fields.items()
        ]
        written += [(role.lower(), list(people)) for role, people in parent.persons.items()]
        for name, value in inherited(entry.type, has, written):
            if isinstance(value, str):
                fields[name] = value
            else:
                persons[name] = value
    return fields, persons


def record_of_entry(
    entry: Entry, source: Source | None = None, parent: Entry | None = None
) -> Record:
    """The record of one pybtex entry, with what it takes from `parent`, the entry its
    `crossref` names (see `record_of` for the build's, made once)."""
    fields, persons = with_parent(entry, parent)
    authors = tuple(person_of(p) for p in persons.get("author", []))
    arxiv = rules.arxiv_id(
        fields.get("eprint", ""), fields.get("archiveprefix", fields.get("eprinttype", "arxiv"))
    )
    shown = rules.shown_year(fields.get("year", ""), fields.get("date", ""))
    date = PublicationDate(
        shown=shown,
        sort_year=rules.sort_year(shown, arxiv),
        parts=rules.publication_date(
            fields.get("year", ""), fields.get("month", ""), fields.get("date", ""), arxiv
        ),
    )
    links = []
    for name, label in LINK_FIELDS:
        value = fields.get(name, "")
        if name == "doi":
            bare = rules.bare_doi(value)
            address = f"https://doi.org/{bare}" if bare else ""
        else:
            address = rules.web_address(value)
        if address:
            links.append((label, address))
    equal = [*named_equal_contributors(fields.get("equal_contribution", ""))]
    equal += [p.key for p in authors if EQUAL_CONTRIBUTION_MARK in p.marks]
    short, full = rules.venue_fields(fields)
    return Record(
        key=entry.key,
        type=entry.type.lower(),
        kind=rules.kind_of(entry.type),
        title=fields.get("title", ""),
        authors=authors,
        editors=tuple(person_of(p) for p in persons.get("editor", [])),
        venue=Venue(short, full),
        date=date,
        details=details_of(entry.type.lower(), fields, full),
        doi=rules.bare_doi(fields.get("doi", "")),
        arxiv=arxiv,
        links=tuple(links),
        award=fields.get("award", ""),
        selected=rules.read_selected(fields.get("selected", "")) is True,
        equal_contributors=frozenset(equal),
        fields=tuple(fields.items()),
        source=source,
        entry=entry,
    )


class RecordBook:
    """The build's records: each entry converted once, however many consumers read it.

    Keyed by the Entry object (which sphinxcontrib-bibtex keeps for the whole build, and
    restores from the environment on a warm one), so a record is made only when some consumer
    needs it: a rebuild that formats nothing converts nothing. An entry's `crossref` parent is
    found among `entries`, the build's parsed entries (by key, case ignored, as pybtex keeps
    them).
    """

    def __init__(
        self, sources: dict[str, Source] | None = None, parents_only: Iterable[str] = ()
    ) -> None:
        self.sources = sources or {}  # by key, case-folded (BibTeX's keys ignore case)
        # Keys (case-folded) of entries read only as crossref parents: not the owner's
        # publications, so no list, page or export shows them (bib_check finds them).
        self.parents_only = frozenset(parents_only)
        self.entries: Mapping[str, Entry] = {}
        self.records: dict[int, tuple[Entry, Record]] = {}

    def parent(self, entry: Entry) -> Entry | None:
        """The entry that this one's `crossref` names, if the .bib files have it."""
        written = entry.fields.get("crossref")
        return self.entries.get(parent_key(written)) if written else None

    def record(self, entry: Entry) -> Record:
        found = self.records.get(id(entry))
        if found is None or found[0] is not entry:
            source = self.sources.get(entry.key.casefold())
            made = record_of_entry(entry, source, self.parent(entry))
            found = self.records[id(entry)] = (entry, made)
        return found[1]

    def all(self, entries: Iterable[Entry]) -> list[Record]:
        return [self.record(entry) for entry in entries]


_book = RecordBook()


def start_build(sources: dict[str, Source], parents_only: Iterable[str] = ()) -> None:
    """A new build (config-inited): records of earlier builds are not this one's."""
    global _book
    _book = RecordBook(sources, parents_only)


def use_entries(entries: Mapping[str, Entry]) -> None:
    """The build's parsed entries, where `crossref` parents are found (builder-inited)."""
    _book.entries = {key.casefold(): entry for key, entry in entries.items()}
    _book.records = {}


def crossref_parent(entry: Entry) -> Entry | None:
    return _book.parent(entry)


def is_parent_only(key: str) -> bool:
    """Read only as the crossref parent of other entries: no publication of the owner's."""
    return key.casefold() in _book.parents_only


def parents_only() -> frozenset[str]:
    return _book.parents_only


def record_of(entry: Entry) -> Record:
    """The build's record of this entry, made on first use."""
    return _book.record(entry)


def records_of(entries: Iterable[Entry]) -> list[Record]:
    return _book.all(entries)
