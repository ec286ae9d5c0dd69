"""Checks of one entry's fields: what is missing, misspelled, unreadable or odd, as notes that
say what the site made of it and how to write it."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from pathlib import Path

from cvsite.publications.date_checks import Note, check_date, check_month, check_pages, check_year
from cvsite.publications.fields import (
    KNOWN_FIELDS,
    RENDERED_FIELDS,
    REQUIRED_FIELDS,
)
from cvsite.publications.latex_text import plain_from_latex
from cvsite.publications.owner_names import written_name
from cvsite.publications.record import written_name_key, written_person
from cvsite.publications.rules import (
    read_selected,
    split_names,
)
from cvsite.publications.written_entries import BibEntry, Problem, shorten


def top_level_commas(name: str) -> int:
    if name.count(",") < 3 or "{" not in name:  # the usual cases, without a walk
        return name.count(",")
    depth = commas = 0
    for char in name:
        depth += {"{": 1, "}": -1}.get(char, 0)
        commas += char == "," and depth == 0
    return commas


LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")
# biblatex's extended name format: `family=Hoek, given=Pieter, prefix=van den, useprefix=true`.
EXTENDED_NAME = re.compile(r"\s*(?:family|given|prefix|suffix)\s*=", re.IGNORECASE)
EXTENDED_PART = re.compile(r"\s*([a-z\-]+)\s*=\s*(.*?)\s*$", re.IGNORECASE | re.DOTALL)


def extended_as_bibtex(name: str) -> str:
    """An extended-format name as BibTeX writes it: `van den Hoek, Pieter`."""
    parts: dict[str, str] = {}
    depth, start = 0, 0
    for index, char in enumerate(name + ","):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            found = EXTENDED_PART.match(name[start:index])
            if found:
                parts[found.group(1).lower()] = found.group(2)
            start = index + 1
    family = " ".join(part for part in (parts.get("prefix"), parts.get("family")) if part)
    return ", ".join(part for part in (family, parts.get("suffix"), parts.get("given")) if part)


def read_name(part: str) -> str:
    """One name of a list as the site reads it (check_names notes each mend): biblatex's
    extended format as BibTeX's, a trailing comma left out."""
    if EXTENDED_NAME.match(part):
        part = extended_as_bibtex(part)
    return part.rstrip().rstrip(",").rstrip()


def is_initials(word: str) -> bool:
    """ "E.", "E", "J.-P.", "JP", "E.F.": a given name as initials, in capitals."""
    letters = word.replace(".", "").replace("-", "")
    return (
        0 < len(letters) <= 3
        and letters.isalpha()
        and letters.isupper()
        and (len(letters) <= 2 or "." in word)
    )


def comma_for_initials_last(name: str) -> str | None:
    """ "Pérez E." (Vancouver order): family name, then initials, and no comma, so BibTeX reads
    "E." as the family name. The name as it should be written, "Pérez, E.", or None."""
    words = written_name(name).name.split()
    if "," in name or "{" in name or len(words) < 2:
        return None
    initials = 0
    while initials < len(words) and is_initials(words[-1 - initials]):
        initials += 1
    if not initials or initials == len(words) or is_initials(words[0]):
        return None
    return f"{' '.join(words[:-initials])}, {' '.join(words[-initials:])}"


def plausible_slip(name: str, entry: BibEntry) -> str | None:
    """The field an unknown field name is a typo of, if that field is missing and the name is
    no field of its own: `opt...` (bibtex-mode's disabled field) or one that wraps a known
    name (`cv_selected`, `fjournal`, `trueauthor`) is not a typo."""
    if name.startswith("opt") or any(
        name.startswith(known) or name.endswith(known) for known in KNOWN_FIELDS if len(known) > 2
    ):
        return None
    close = difflib.get_close_matches(name, RENDERED_FIELDS, n=1, cutoff=0.75)
    return close[0] if close and close[0] not in entry.fields else None


def check_required_fields(entry: BibEntry, note: Note, inherited: Collection[str] = ()) -> None:
    """The fields its type needs (fields.REQUIRED_FIELDS), its own or `inherited` from its
    crossref parent; without a title it is still shown."""
    if not entry.fields and not entry.broken:  # `@misc{lonely}`: one note, not one a field
        note(
            entry.line,
            f"@{entry.type} has no fields: shown with its key, {entry.key!r}, as the text that "
            "links to its page (BibTeX prints an empty entry, with warnings); add its fields, "
            f"as in @{entry.type}{{{entry.key}, title = {{...}}, year = {{...}}}}",
        )
        return
    required = () if entry.broken else REQUIRED_FIELDS.get(entry.type, ("title",))
    for requirement in required:
        options = requirement.split("|")
        if any(entry.fields.get(name) and entry.fields[name].value.strip() for name in options):
            continue
        if any(name in inherited and name not in entry.fields for name in options):
            continue
        if options[0] == "title":  # a dataset, software, a colleague's thesis: still shown
            note(
                entry.line,
                f"@{entry.type} has no 'title': shown with its key, {entry.key!r}, as the "
                "text that links to its page (BibTeX prints no title, with a warning); add "
                "title = {...}",
            )
            continue
        either = f" (or '{options[1]}')" if len(options) > 1 else ""
        note(
            entry.line,
            f"@{entry.type} has no '{options[0]}'{either}: shown without it, as BibTeX does "
            f"(with a warning); add {options[0]} = {{...}}",
        )


def check_names(path: Path, entry: BibEntry, role: str, note: Note) -> list[Problem]:
    """The `author` or `editor` list: empty, unreadable (an error: returned), or mended in the
    normalised copy (empty names, a trailing comma, biblatex's extended format) with a note."""
    names = entry.fields.get(role)
    if names is None:
        return []
    written = split_names(names.value)
    extended = [part for part in written if EXTENDED_NAME.match(part)]
    stray = [part for part in written if read_name(part) != part and part not in extended]
    parts = [read_name(part) for part in written]
    parts = ["" if not part.replace("{", "").replace("}", "").strip() else part for part in parts]
    if not names.value.strip():
        note(names.line, f"{role} is empty: shown without {role}s; write the names or delete it")
    elif too_many_commas := [part for part in parts if top_level_commas(part) > 2]:
        # BibTeX reads "Last, Jr, First": the names were likely separated by commas.
        return [
            Problem(
                path,
                names.line,
                entry.key,
                f"{role} name {shorten(too_many_commas[0])!r} has more than two commas, so "
                "BibTeX and pybtex cannot read it as one name; separate the names with "
                "'and', as in 'Smith, Jane and Doe, John'",
            )
        ]
    elif any(not part for part in parts) or extended or stray:
        kept = " and ".join(part for part in parts if part)
        if names.value_span:  # what pybtex would misread, the copy writes as meant
            entry.edits.append((*names.value_span, kept))
        note_mended_names(role, names.line, parts, kept, stray, extended, note)
    for part in parts:
        fixed = comma_for_initials_last(part)
        person = written_person(part) if fixed else None
        if person:
            given = " ".join(person.first + person.middle)
            note(
                names.line,
                f"{role} name {part!r} looks like a family name written first, without a "
                f"comma: BibTeX and pybtex read {' '.join(person.von + person.last)!r} as the "
                f"family name and {f'{given!r} as the given name' if given else 'no given name'}"
                f" (so the BibTeX export and Scholar's tags give them); write {fixed!r}",
            )
    return []


def note_mended_names(
    role: str,
    line: int,
    parts: list[str],
    kept: str,
    stray: list[str],
    extended: list[str],
    note: Note,
) -> None:
    """The notes for a name list that the normalised copy writes as `kept`."""
    if not kept:
        note(
            line,
            f"{role} holds no name, only 'and' or empty braces: shown without {role}s; "
            f"write the names between the 'and's, or delete {role}",
        )
    elif any(not part for part in parts):
        note(
            line,
            f"{role} has an empty name ('and' twice or at an end): read as "
            f"{kept!r}; write {role} = {{{kept}}}",
        )
    for part in stray:
        note(
            line,
            f"{role} name {shorten(part)!r} ends with a comma, so BibTeX and pybtex "
            "would read what follows the first comma as a suffix, like 'Jr.', and no "
            f"given name: read as {part.rstrip().rstrip(',')!r}; delete the comma",
        )
    for part in extended:
        note(
            line,
            f"{role} name {shorten(part)!r} is in biblatex's extended format, which "
            f"BibTeX and pybtex read as one odd name: read as "
            f"{extended_as_bibtex(part)!r}; to build with BibTeX too, write it so in "
            f"{role}",
        )


def check_unknown_fields(entry: BibEntry, note: Note) -> None:
    """Unknown fields are ignored, as BibTeX ignores them; a likely typo gets a note."""
    for name, bib_field in entry.fields.items():
        if name in KNOWN_FIELDS:
            continue
        meant = plausible_slip(name, entry)
        if meant:
            note(
                bib_field.line,
                f"unknown field '{name}' (ignored, as BibTeX ignores it): did you mean '{meant}'?",
            )


def check_venues(entry: BibEntry, note: Note) -> None:
    """A journal or book title holding a LaTeX command that only a document defining it can
    expand (ADS's aas_macros.sty): shown as written, backslash and all."""
    for name in ("journal", "journaltitle", "booktitle"):
        venue = entry.fields.get(name)
        if venue and re.fullmatch(r"\s*\\[A-Za-z]+\s*", venue.value):
            # ADS writes journals as the macros of aas_macros.sty, which only LaTeX knows.
            note(
                venue.line,
                f"{name} = {{{venue.value.strip()}}} is a LaTeX macro that only a document "
                f"defining it (such as aas_macros.sty) can expand: shown as written; write "
                f"the name, as in {name} = {{...}}",
            )
        elif venue and "\\" in venue.value:
            command = LATEX_COMMAND.search(plain_from_latex(venue.value))
            if command:  # left undecoded: shown as written, backslash and all
                note(
                    venue.line,
                    f"{name} = {{{shorten(venue.value)}}} holds {command.group(0)}, a LaTeX "
                    "command that only a document defining it can expand: shown as written; write "
                    f"the character or words it stands for in {name}",
                )


def check_title(entry: BibEntry, note: Note) -> None:
    """A title that is only a LaTeX command (`\\relax`), which no reader of the site expands:
    shown as written, backslash and all."""
    title = entry.fields.get("title")
    only = re.fullmatch(r"\s*(\\[A-Za-z]+)\s*(?:\{\})?\s*", title.value) if title else None
    if title and only and LATEX_COMMAND.search(plain_from_latex(title.value)):
        note(
            title.line,
            f"title = {{{title.value.strip()}}} is only a LaTeX command, which the site "
            f"cannot expand: shown as written, '{only.group(1)}'; write the title in words, "
            "as in title = {...}",
        )


def check_selected(entry: BibEntry, note: Note) -> None:
    """`selected` reads as true or false (rules.read_selected); anything else is false."""
    selected = entry.fields.get("selected")
    if selected and read_selected(selected.value) is None:
        note(
            selected.line,
            f"selected {selected.value!r} is not true or false: read as false; "
            "write selected = {true}",
        )


def check_equal_contribution(entry: BibEntry, note: Note) -> None:
    """Every name in `equal_contribution` is one of the authors, or it marks no one."""
    equal = entry.fields.get("equal_contribution")
    if equal is None:
        return
    # As the site reads them: "Ada Lovelace*" is Ada Lovelace, with a mark.
    authors = {written_name_key(n) for n in split_names(entry.fields.get("author", equal).value)}
    for name in split_names(equal.value):
        if name and written_name_key(name) not in authors:
            note(
                equal.line,
                f"equal_contribution names {name!r}, who is not among the authors: no mark "
                "for that name; write the name exactly as in author",
            )


def check_entry(path: Path, entry: BibEntry, inherited: Collection[str] = ()) -> list[Problem]:
    """All notes on one entry (and an error for a name list no one can read), in a fixed order;
    `inherited`: the fields it takes from its crossref parent (crossref_checks.py)."""
    problems: list[Problem] = []

    def note(line: int, message: str) -> None:
        problems.append(Problem(path, line, entry.key, message, stops=False))

    check_required_fields(entry, note, inherited)
    check_year(entry, note)
    check_date(entry, note)
    check_month(entry, note)
    check_pages(entry, note)
    for role in ("author", "editor"):
        problems.extend(check_names(path, entry, role, note))
    check_unknown_fields(entry, note)
    check_venues(entry, note)
    check_title(entry, note)
    check_selected(entry, note)
    check_equal_contribution(entry, note)
    return problems
