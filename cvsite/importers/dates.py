"""Dates of other tools, read once here: a structured start and end (JSON Resume, RenderCV,
front matter) shown as this site writes dates, free text kept as written, and, for `cvsite
export`, a shown range read back into ISO 8601 parts.

What cannot be read is never guessed: it is shown as the source wrote it, and reported.
"""

from __future__ import annotations

import datetime
import re

from cvsite.importers.report import Place, Report

MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.",
          "Nov.", "Dec.")  # fmt: skip
# Month names and abbreviations in the languages the corpus showed, to their number.
MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            "jan january janeiro enero janvier januar",
            "feb february fevereiro febrero fevrier février februar",
            "mar march março marco marzo mars märz maerz",
            "apr april abril avril",
            "may mai maio mayo",
            "jun june junho junio juin juni",
            "jul july julho julio juillet juli",
            "aug august agosto août aout",
            "sep sept september setembro septiembre septembre",
            "oct october outubro octubre octobre oktober",
            "nov november novembro noviembre novembre",
            "dec december dezembro diciembre décembre decembre dezember",
        ),
        start=1,
    )
    for name in names.split()
}
# Words for "still going", as an end date.
ONGOING = frozenset(
    {
        "present", "now", "current", "ongoing", "today", "presente", "atual", "actual",
        "actualidad", "aujourd'hui", "heute", "현재", "至今", "现在", "今",
    }
)  # fmt: skip
PRESENT = "Present"
EN_DASH = "\u2013"
# Between the two ends of a range: a dash, tilde or word with spaces around it, an en or em
# dash or a tilde without, or a hyphen between two years ("2019-2021", not "2019-09").
RANGE = re.compile(
    r"\s+(?:--?|\u2013|\u2014|~|to|bis|a|à)\s+|\s*[\u2013\u2014~]\s*|(?<=\d{4})-(?=\d{4}\b)",
    re.IGNORECASE,
)
# YYYY, YYYY-MM, YYYY-MM-DD (or with / or .), and a time of day after it ("10:00:00-0400").
ISO = re.compile(r"^(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?(?:[T ]\d{1,2}:\d{2}.*)?$")
MONTH_YEAR = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
NAMED = re.compile(r"^(?:(\d{1,2})\s+)?([^\W\d]+)\.?[\s,'-]*(\d{4}|'\d{2})$")
YEAR_IN = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)|'\d{2}\b")

DateParts = tuple[int, int | None, int | None]  # year, month, day


def read_date(value: object) -> DateParts | None:
    """A date of the forms the corpus writes: 2021, 2021-09, 2021-9-5, 09/2021, Sep 2021,
    Sep. 2021, 5 Sep 2021, Sep'21, or a date YAML already read; None for anything else."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.year, value.month, value.day
    if isinstance(value, int) and 1000 <= value <= 2999:
        return value, None, None
    text = str(value or "").strip()
    if match := ISO.match(text):
        year, month, day = (int(g) if g else None for g in match.groups())
        return checked(year, month, day)
    if match := MONTH_YEAR.match(text):
        return checked(int(match.group(2)), int(match.group(1)), None)
    if match := NAMED.match(text):
        day_text, name, year_text = match.groups()
        month = MONTH_NAMES.get(name.casefold())
        if month is None:
            return None
        full_year = 2000 + int(year_text[1:]) if year_text.startswith("'") else int(year_text)
        return checked(full_year, month, int(day_text) if day_text else None)
    return None


def checked(year: int | None, month: int | None, day: int | None) -> DateParts | None:
    """The parts, when they make a real date (no 30 February, no year 0)."""
    if year is None or not 1000 <= year <= 2999:
        return None
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def shown(parts: DateParts) -> str:
    """A date as this site writes it: 2021, Sep. 2021, 5 Sep. 2021."""
    year, month, day = parts
    if month is None:
        return str(year)
    return f"{day} {MONTHS[month - 1]} {year}" if day else f"{MONTHS[month - 1]} {year}"


def is_ongoing(value: object) -> bool:
    return str(value or "").strip().casefold() in ONGOING


def one_date(value: object, place: Place, report: Report) -> str:
    """A single date (an award's, a talk's): shown as this site writes dates where it can be
    read, else as written, and reported."""
    if value is None or str(value).strip() == "":
        return ""
    parts = read_date(value)
    if parts is not None:
        return shown(parts)
    return free_text(value, place, report)


def date_range(start: object, end: object, place: Place, report: Report) -> str:
    """A start and an end key: "Sep. 2021 - Present" (an en dash). An end left out or empty
    after a start means ongoing, as JSON Resume and RenderCV define it; with no start, the
    end alone."""
    first = one_date(start, place, report) if not is_ongoing(start) else PRESENT
    if is_ongoing(end) or (first and (end is None or str(end).strip() == "")):
        last = PRESENT
    else:
        last = one_date(end, place, report)
    if first and last and first != last:
        return f"{first} {EN_DASH} {last}"
    return first or last


def free_text(value: object, place: Place, report: Report) -> str:
    """Dates a source writes as free text ("2018-now", "Fall 2023", "2021.09~2025.06"): kept
    as written; when no year is in it, also reported, since no reader can place it."""
    text = " ".join(str(value).split())
    if text and not YEAR_IN.search(text) and not is_ongoing(text):
        report.changed(place, text, "no date could be read from it; shown as written")
    return text


def read_range(text: str) -> tuple[DateParts | None, DateParts | None, bool]:
    """A range as shown ("Aug. 2021 - Jun. 2025", "2019-2020", "May 2019 - Present") read
    back: (start, end, ongoing); None where a part cannot be read."""
    parts = [p for p in RANGE.split(text.strip(), maxsplit=1) if p] if text.strip() else []
    if not parts:
        return None, None, False
    start = read_date(parts[0])
    if len(parts) == 1:
        return start, None, False
    end_text = re.sub(r"\s*\(.*\)$", "", parts[1]).strip()
    if is_ongoing(end_text):
        return start, None, True
    return start, read_date(end_text), False


def iso(parts: DateParts | None) -> str:
    """ISO 8601 as JSON Resume takes it: 2021, 2021-09, 2021-09-05; "" for none."""
    if parts is None:
        return ""
    year, month, day = parts
    text = f"{year:04d}"
    if month:
        text += f"-{month:02d}"
        if day:
            text += f"-{day:02d}"
    return text
