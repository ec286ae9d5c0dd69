"""An entry's BibTeX as a reader should copy it: standard fields only, our own ones removed."""

from __future__ import annotations

from pybtex.database import Entry, Person

from cvsite.publications.fields import SITE_FIELDS
from cvsite.publications.owner_names import written_name


def source_name(person: Person) -> str:
    """The name as BibTeX source, "First von Last, Jr" order kept simple: First Last; without
    the site's marks (\\textbf{...}, *, †) and DBLP's homonym number, which are no part of it."""
    parts = [*person.first_names, *person.middle_names, *person.prelast_names, *person.last_names]
    name = written_name(" ".join(parts)).name
    return f"{name}, {' '.join(person.lineage_names)}" if person.lineage_names else name


def clean_bibtex(entry: Entry) -> str:
    lines = [f"@{entry.type}{{{entry.key},"]
    for role, persons in entry.persons.items():
        lines.append(f"  {role.lower()} = {{{' and '.join(map(source_name, persons))}}},")
    for name, value in entry.fields.items():
        if name.lower() not in SITE_FIELDS:
            lines.append(f"  {name.lower()} = {{{value}}},")
    return "\n".join([*lines, "}"])
