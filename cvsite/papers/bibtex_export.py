"""An entry's BibTeX as a reader should copy it: standard fields only, names as BibTeX reads them.

Whoever pastes it into a paper must cite the same people: every name is written in BibTeX's
own unambiguous form, "von Last, Jr, First" (pybtex's `str(Person)`), which BibTeX splits
into the same parts whatever order refs.bib used; "Whitcombe, Jr., Thaddeus" stays so, and
"García Márquez, Ana" keeps its two-word last name. Field values stay the LaTeX they were
written in. pybtex's own writer is not used for the values: it LaTeX-encodes them as plain
text, so `50\\%` would become `50\\\\%` and every `_` in a URL `\\_`.
"""

from __future__ import annotations

from pybtex.database import Entry, Person

from cvsite.publications.fields import SITE_FIELDS
from cvsite.publications.owner_names import DECORATED, written_name


def citable_person(person: Person) -> Person:
    """The person without the site's marks (\\textbf{...}, *, †) and DBLP's homonym number,
    which are no part of the name, with its parts otherwise as refs.bib gave them."""
    if is_dblp_number(person.last_names) and not person.lineage_names and person.first_names:
        # "Wei Wang 0001": pybtex took the number for the last name; the name precedes it.
        written = " ".join([*person.first_names, *person.middle_names, *person.prelast_names])
        return Person(written_name(written).name)
    canonical = str(person)  # "von Last, Jr, First"
    if not DECORATED.search(canonical):
        return person
    return Person(written_name(canonical).name)


def is_dblp_number(last_names: list[str]) -> bool:
    return len(last_names) == 1 and len(last_names[0]) == 4 and last_names[0].isdigit()


def names_field(persons: list[Person]) -> str:
    return " and ".join(str(citable_person(person)) for person in persons)


def clean_bibtex(entry: Entry) -> str:
    """The entry as BibTeX source, without the site's own fields."""
    return entry_source(entry, citable=True)


def entry_source(entry: Entry, *, citable: bool) -> str:
    """The entry as BibTeX source, its values the LaTeX they were written in: citable, without
    the site's own fields and names' marks (for a reader to copy), or whole (a site's refs.bib,
    as `cvsite import` writes it)."""
    lines = [f"@{entry.type}{{{entry.key},"]
    for role, persons in entry.persons.items():
        names = names_field(persons) if citable else " and ".join(map(str, persons))
        lines.append(f"  {role.lower()} = {{{names}}},")
    for name, value in entry.fields.items():
        if not (citable and name.lower() in SITE_FIELDS):
            lines.append(f"  {name.lower()} = {{{value}}},")
    return "\n".join([*lines, "}"])
