"""An entry's BibTeX, written from its record: for a reader to copy (standard fields only,
names as BibTeX reads them), or whole (a site's refs.bib, as `cvsite import` writes it; the
JSON Resume export).

Whoever pastes it into a paper must cite the same people: every name is written in BibTeX's
own unambiguous form, "von Last, Jr, First" (pybtex's `str(Person)`), from the parts BibTeX
split it into, so it reads back as the same parts whatever order refs.bib used; "Whitcombe,
Jr., Thaddeus" stays so, and "García Márquez, Ana" keeps its two-word last name. Field values
stay the LaTeX they were written in (the record keeps them so). pybtex's own writer is not
used for the values: it LaTeX-encodes them as plain text, so `50\\%` would become `50\\\\%`
and every `_` in a URL `\\_`.
"""

from __future__ import annotations

import functools

from pybtex.database import Person as PybtexPerson
from pybtex.exceptions import PybtexError

from cvsite.publications.fields import SITE_FIELDS
from cvsite.publications.owner_names import DECORATED, written_name
from cvsite.publications.record import Person, Record


def bibtex_name(person: Person) -> str:
    """The name as BibTeX splits it, written "von Last, Jr, First" (as pybtex's str(Person))."""
    parts = (person.von + person.last, person.jr, person.first + person.middle)
    return ", ".join(" ".join(part) for part in parts if part)


def citable_name(person: Person) -> str:
    """The name without the site's marks (\\textbf{...}, *, †) and DBLP's homonym number,
    which are no part of it, its parts otherwise as refs.bib gave them."""
    if person.number and person.last == (person.number,) and not person.jr:
        # "Wei Wang 0001": pybtex took the number for the last name; the name precedes it.
        return reread(" ".join(person.first + person.middle + person.von))
    canonical = bibtex_name(person)
    return reread(canonical) if DECORATED.search(canonical) else canonical


@functools.lru_cache(maxsize=4096)  # the owner's marked name comes back in most entries
def reread(written: str) -> str:
    """A name as written, without its decorations, in BibTeX's form."""
    bare = written_name(written).name
    try:
        return str(PybtexPerson(bare))
    except PybtexError:  # a comma revealed by a removed \textbf{...}: too many of them
        return bare


def clean_bibtex(record: Record) -> str:
    """The entry as BibTeX source, without the site's own fields."""
    return entry_source(record, citable=True)


def entry_source(record: Record, *, citable: bool) -> str:
    """The entry as BibTeX source, its values the LaTeX they were written in: citable, without
    the site's own fields, names' marks and `crossref` (for a reader to copy; the record holds
    what the crossref gives), or whole, `crossref` too (a site's refs.bib, as `cvsite import`
    writes it, and the JSON Resume export)."""
    lines = [f"@{record.type}{{{record.key},"]
    name_of = citable_name if citable else bibtex_name
    for role, persons in (("author", record.authors), ("editor", record.editors)):
        if persons:
            lines.append(f"  {role} = {{{' and '.join(map(name_of, persons))}}},")
    for name, value in record.fields:
        # A reader's copy stands alone: the fields its crossref gives are in the record.
        if not (citable and (name in SITE_FIELDS or name == "crossref")):
            lines.append(f"  {name} = {{{value}}},")
    return "\n".join([*lines, "}"])
