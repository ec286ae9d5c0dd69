"""Checks of an entry's year, date, month and pages: what the site reads of each (the rules of
rules.py), as notes that say what it made of them and how to write them (entry_checks.py runs
them with the other checks of an entry)."""

from __future__ import annotations

import re
from collections.abc import Callable

from cvsite.publications.fields import MONTH_ABBREVIATIONS, MONTHS
from cvsite.publications.rules import (
    DATE,
    FOUR_DIGITS,
    arxiv_id,
    is_pending,
    month_number,
    page_range,
    read_date,
    shown_year,
    sort_year,
)
from cvsite.publications.written_entries import BibEntry

# Each check below takes the entry and `note(line, message)`, which records a note (the build
# goes on); `check_entry` runs them in a fixed order, the order the notes are reported in.
Note = Callable[[int, str], None]

# biblatex's date: ISO 8601, with a time (Zotero writes 2030-10-04T00:00:00), or a range of
# two (2027/2028, 2020-05/2020-07, open at one end).
ISO_DATE = r"\d{4}(?:-\d\d(?:-\d\d(?:T\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:\d\d)?)?)?)?"
BIBLATEX_DATE = re.compile(rf"{ISO_DATE}(?:/(?:{ISO_DATE}|\.\.)?)?|(?:\.\.)?/{ISO_DATE}")
ONE_MONTH = re.compile(
    r"(?P<word>[a-z]+)\.?(?:\s+\d{1,2})?|(?P<number>\d{1,2})|\d{1,2}\s+(?P<after>[a-z]+)\.?"
)


def month_is_readable(value: str) -> bool:
    """`4`, `04`, `apr`, `Apr.`, `April`, `{apr}`, and a day with it (`OCT 26`, `26 Oct`, as Web
    of Science writes): one month, read as meant (rules.month_number reads it)."""
    words = value.replace("{", "").replace("}", "").strip().lower()
    one = ONE_MONTH.fullmatch(words)
    if not one:
        return False
    word, number = one.group("word") or one.group("after"), one.group("number")
    return word in MONTHS if word else 1 <= int(number) <= 12


def first_month(value: str) -> str | None:
    """The month that the site reads (rules.month_number), as BibTeX's macro: `jan`."""
    number = month_number(value)
    return MONTH_ABBREVIATIONS[int(number) - 1] if number else None


def check_year(entry: BibEntry, note: Note) -> None:
    """A year that is four digits or pending (`In press`); anything else is sorted by guess."""
    year = entry.fields.get("year")
    written = year.value.replace("{", "").replace("}", "").strip() if year else ""
    if year and written and not re.fullmatch(r"\d{4}", written) and not is_pending(written):
        digits = FOUR_DIGITS.search(written)
        date = entry.fields.get("date")
        sorted_year = sort_year(shown_year(year.value, date.value if date else ""), arxiv_of(entry))
        sorted_as = f"sorted as {sorted_year}" if sorted_year else "sorted last"
        if sorted_year and not digits:
            sorted_as += ", the year of its arXiv identifier"
        fix = f"year = {{{digits.group(0)}}}" if digits else "year = {2023} or {In press}"
        note(
            year.line,
            f"year {year.value!r} is not a year: shown as written, {sorted_as}; write {fix}",
        )


def check_date(entry: BibEntry, note: Note) -> None:
    """biblatex's date: ISO 8601 or a range; a loose `2020/5/3` is read as meant."""
    date = entry.fields.get("date")
    written = date.value.strip() if date else ""
    if not date or not written:
        return
    start = DATE.search(written)  # the rule's reading: what the site takes of the date
    given = [part for part in start.groups() if part is not None] if start else []
    read = read_date(written)
    if len(read) < len(given):
        meant = "-".join(read)
        part = "month" if len(read) == 1 else "day"
        note(
            date.line,
            f"date {written!r} has no {part} {given[len(read)]}: read as {meant}, without "
            f"it; write the date meant as YYYY-MM-DD, as in date = {{{meant}-...}}",
        )
    elif not BIBLATEX_DATE.fullmatch(written):
        if DATE.fullmatch(written):
            meant = "-".join(read)
            note(date.line, f"date {written!r} read as {meant}; write date = {{{meant}}}")
        else:
            note(
                date.line,
                f"date {written!r} is not YYYY, YYYY-MM or YYYY-MM-DD: its year is "
                "the first four digits in it, if any; write date = {2020-05}",
            )


def arxiv_of(entry: BibEntry) -> str | None:
    """The entry's arXiv identifier, as the record reads it (rules.arxiv_id)."""
    values = {name: bib_field.value for name, bib_field in entry.fields.items()}
    archive = values.get("archiveprefix", values.get("eprinttype", "arxiv"))
    return arxiv_id(values.get("eprint", ""), archive)


def check_pages(entry: BibEntry, note: Note) -> None:
    """`pages = {--}`: no page in it, so none is shown (rules.page_range)."""
    pages = entry.fields.get("pages")
    if pages and pages.value.strip() and not page_range(pages.value):
        note(
            pages.line,
            f"pages {pages.value!r} holds no page number: no pages shown; write pages = "
            "{12--34}, or delete it",
        )


def check_month(entry: BibEntry, note: Note) -> None:
    """One month, as a number, a macro or a name; a range is read as its first month."""
    month = entry.fields.get("month")
    if month is None:
        return
    written = month.value.replace("{", "").replace("}", "").strip()
    if not written:
        note(month.line, "month is empty: ignored; delete it or write month = apr")
    elif not month_is_readable(written):
        first = first_month(written)
        if first:
            note(
                month.line,
                f"month {month.value!r} is not one month (a range, or days with it): read as "
                f"{first}; write month = {first}",
            )
        else:
            note(
                month.line,
                f"month {month.value!r} is not a month: ignored; write month = jan ... dec",
            )
