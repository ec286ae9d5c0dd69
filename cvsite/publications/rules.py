"""How the site reads a field of a .bib entry: one function per rule, used by the record
(the build) and by `make check` (which reads the files without pybtex) alike.

Each takes the field as written (a str) and nothing of pybtex's, so that both readings of a
file apply the very same rule (tests/test_publication_rules.py holds a table for each).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from cvsite.publications.fields import (
    FULL_VENUE_FIELDS,
    KINDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    PENDING_YEARS,
    REPORT_LABELS,
    SELECTED_NO,
    SELECTED_YES,
    SHORT_VENUE_FIELDS,
    THESIS_LABELS,
    TYPE_KEYS,
)

# -- selected -------------------------------------------------------------------------------


def read_selected(value: str) -> bool | None:
    """`selected` as written: True (true, yes, 1), False (false, no, 0), None for anything
    else (empty too), which the site reads as False and `make check` notes."""
    written = value.replace("{", "").replace("}", "").strip().lower()
    if written in SELECTED_YES:
        return True
    if written in SELECTED_NO:
        return False
    return None


# -- kinds ----------------------------------------------------------------------------------


def kind_of(entry_type: str) -> str:
    """The publication-list an entry type belongs to: peer-reviewed, preprints or other."""
    for kind, types in KINDS.items():
        if types is not None and entry_type.lower() in types:
            return kind
    return "other"


# -- years and dates ------------------------------------------------------------------------

NEWEST = 9999  # the sort year of a pending year: above every real one
FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
# The start of a date (2020-05-01, 2020/5/1, 2020.05); a range's second year (2027/2028) is no
# month.
DATE = re.compile(r"(?<!\d)(\d{4})(?!\d)(?:[-/.](\d{1,2})(?!\d)(?:[-/.](\d{1,2})(?!\d))?)?")


def is_pending(year: str) -> bool:
    """A year that names a state (`In press`, `to appear`), not a time."""
    return " ".join(year.lower().split()) in PENDING_YEARS


def read_date(date: str) -> tuple[str, ...]:
    """biblatex's `date` as (year, month, day), as far as written: `2020-05-01`, `2020-4-3`
    (read as 2020-04-03), `2020/05`, `2027/2028` (its first year); () without a year."""
    written = DATE.search(date)
    if not written:
        return ()
    year, month, day = written.groups()
    if month is None or not 1 <= int(month) <= 12:
        return (year,)
    if day is None or not 1 <= int(day) <= 31:
        return (year, f"{int(month):02d}")
    return (year, f"{int(month):02d}", f"{int(day):02d}")


def shown_year(year: str, date: str) -> str:
    """The year as the lists show it: `year` as written (`2020`, `In press`), else the year of
    biblatex's `date`."""
    written = year.replace("{", "").replace("}", "").strip()
    if written:
        return written
    parts = read_date(date)
    return parts[0] if parts else date.strip()


def sort_year(shown: str, arxiv: str | None) -> int:
    """The year to sort by: a pending year (`In press`) is the newest, `2020a` is 2020; an entry
    with no year sorts by its arXiv identifier's year; anything else (`20201` too) sorts last
    (0)."""
    if shown.isdigit() and len(shown) <= 4:
        return int(shown)
    if is_pending(shown):
        return NEWEST
    found = FOUR_DIGITS.search(shown)
    if found:
        return int(found.group(0))
    from_arxiv = arxiv_date(arxiv or "")
    return int(from_arxiv[0]) if from_arxiv else 0


def publication_date(year: str, month: str, date: str, arxiv: str | None) -> tuple[str, ...]:
    """(year, month, day) as far as known: from `year` and `month`, else from biblatex's
    `date`, else (a preprint without a year) from its arXiv identifier; () when none."""
    found = FOUR_DIGITS.search(year.replace("{", "").replace("}", ""))
    if found:
        number = month_number(month)
        return (found.group(0), number) if number else (found.group(0),)
    return read_date(date) or arxiv_date(arxiv or "")


# -- months ---------------------------------------------------------------------------------


def month_number(month: str) -> str:
    """`jan`, `Jan.`, `January`, `1` or `01` as "01"; the first month named in a range or
    beside days (`JAN-MAR`, `17--23 Jul`, `OCT 26`); "" for anything else."""
    written = month.replace("{", "").replace("}", "").strip().lower()
    if written.isdigit():
        return f"{int(written):02d}" if 1 <= int(written) <= 12 else ""
    for word in re.findall(r"[a-z]+", written):
        if word in MONTHS:
            return f"{MONTH_ABBREVIATIONS.index(word[:3]) + 1:02d}"
    return ""


# -- identifiers ----------------------------------------------------------------------------

# arXiv identifiers, new (2303.04947, since 2007) and old (hep-th/9901001), with a version;
# each tells the year and month it was given.
NEW_ARXIV_ID = re.compile(r"(\d\d)(\d\d)\.\d{4,5}(?:v\d+)?")
OLD_ARXIV_ID = re.compile(r"[a-z][a-z.\-]*(?:\.[A-Z]{2})?/(\d\d)(\d\d)\d{3}(?:v\d+)?")
FIRST_OLD_ARXIV_YEAR = 91  # arXiv opened in August 1991: 91-99 are 1991-1999, 00-07 are 20xx
# How exports write one in `eprint`: arXiv:2303.04947, or the address of its page or PDF.
ARXIV_PREFIX = re.compile(
    r"^(?:arxiv:\s*|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)", re.IGNORECASE
)


def arxiv_id(eprint: str, archive: str = "arxiv") -> str | None:
    """The arXiv identifier in `eprint`, however written, when `archiveprefix` (or
    `eprinttype`) is arXiv or absent; None for an eprint that is no arXiv identifier (a bioRxiv
    address, a PubMed Central id), which has no arXiv page."""
    if not eprint.strip() or archive.strip().lower() != "arxiv":
        return None
    identifier = ARXIV_PREFIX.sub("", eprint.strip()).removesuffix(".pdf")
    if NEW_ARXIV_ID.fullmatch(identifier) or OLD_ARXIV_ID.fullmatch(identifier):
        return identifier
    return None


def arxiv_date(identifier: str) -> tuple[str, ...]:
    """The year and month an arXiv identifier was given: 2303.04947 -> ("2023", "03")."""
    new = NEW_ARXIV_ID.fullmatch(identifier)
    old = OLD_ARXIV_ID.fullmatch(identifier)
    if new:
        year, month = f"20{new.group(1)}", new.group(2)
    elif old:
        century = "19" if int(old.group(1)) >= FIRST_OLD_ARXIV_YEAR else "20"
        year, month = century + old.group(1), old.group(2)
    else:
        return ()
    return (year, month) if 1 <= int(month) <= 12 else (year,)


# How exports write a DOI: https://doi.org/10..., http://dx.doi.org/10..., doi:10...
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.|www\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# A DOI within other text: "10.", the registrant's number, "/", then anything up to a space,
# a quote or an angle bracket (a DOI's suffix may hold any other character).
DOI_IN_TEXT = re.compile(r"(?<![\w.])10\.\d{4,9}(?:\.\d+)*/[^\s\"'<>]+")
CLOSING = {")": "(", "]": "[", "}": "{"}


def bare_doi(value: str) -> str:
    """A DOI alone (10.1000/xyz), however the `doi` field writes it; "" if none."""
    return DOI_PREFIX.sub("", value.strip()).strip()


def doi_in(text: str) -> str:
    """The first DOI within free text (a link, a sentence, a `doi` field with more in it),
    bare; "" if none. A sentence's final punctuation, or a bracket closed but not opened in
    the DOI, is not part of it: "(doi:10.1000/xyz)." gives 10.1000/xyz."""
    found = DOI_IN_TEXT.search(text)
    doi = found.group(0) if found else ""
    while doi and (
        doi[-1] in ".,;:"
        or (doi[-1] in CLOSING and doi.count(doi[-1]) > doi.count(CLOSING[doi[-1]]))
    ):
        doi = doi[:-1]
    return doi


def web_address(value: str) -> str:
    """A link field's value when it is an address on the web; "" otherwise (a relative path,
    as al-folio's pdf = {paper.pdf}, points nowhere on this site)."""
    value = value.strip()
    return value if value.startswith(("https://", "http://")) else ""


# -- names and venues -----------------------------------------------------------------------


def name_key(name: str) -> str:
    """A name compared ignoring case, spacing and braces, but not spelling or hyphens."""
    return " ".join(name.replace("{", "").replace("}", "").casefold().split())


def split_names(value: str) -> list[str]:
    """Names between 'and's (not within braces); '' marks an 'and' at an end or twice."""
    names: list[list[str]] = [[]]
    braced = "{" in value
    depth = 0
    for word in value.split():
        if depth == 0 and word.lower() == "and":
            names.append([])
        else:
            names[-1].append(word)
        if braced:
            depth += word.count("{") - word.count("}")
    return [" ".join(words) for words in names]


def venue_fields(fields: Mapping[str, str]) -> tuple[str, str]:
    """(short, full): the venue as the lists show it (`venue_short`, al-folio's `abbr`, else the
    full name) and its full name (booktitle, journal, ..., howpublished), as written."""
    full = next((fields[f] for f in FULL_VENUE_FIELDS if fields.get(f, "").strip()), "")
    short = next((fields[f] for f in SHORT_VENUE_FIELDS if fields.get(f, "").strip()), full)
    return short, full


# -- details: what kind of work, and where in its venue -------------------------------------

# A page range's dash as exports write it: "12--34", "12-34", an en or em dash, spaced or not.
PAGE_DASH = re.compile(r"\s*(?:-{1,3}|\u2013|\u2014)\s*")
EN_DASH = "\u2013"
# After "p.", "vol.", "no.": no line break, and in LaTeX no sentence's wider space.
LABEL_SPACE = "\u00a0"


def page_range(pages: str) -> str:
    """`pages` with an en dash in each range ("12--34", "12-34": 12, en dash, 34); one
    page or an article number ("7", "e1234") as written; "" for none, or for dashes without a
    page (`--`)."""
    written = pages.replace("{", "").replace("}", "").strip()
    if not any(char.isalnum() for char in written):
        return ""
    return PAGE_DASH.sub(EN_DASH, written)


def shown_pages(pages: str) -> str:
    """ "p. 7" for one page, "pp. 12--34" for a range or several ("1--4, 7"), with en
    dashes and a no-break space after the label; "" for none."""
    shown = page_range(pages)
    if not shown:
        return ""
    several = EN_DASH in shown or "," in shown
    return f"{'pp.' if several else 'p.'}{LABEL_SPACE}{shown}"


def written_type(type_field: str) -> str:
    """The `type` field as shown: biblatex's keys (`phdthesis`) as it prints them, any other
    value as written; "" for none."""
    written = type_field.strip()
    return TYPE_KEYS.get(written.replace("{", "").replace("}", "").lower(), written)


def type_label(entry_type: str, type_field: str, number: str) -> str:
    """What kind of work a thesis or report is: "Ph.D. thesis", "Master's thesis", "Technical
    Report TR-42" (a report's number with it), unless `type` names it otherwise; "" for any
    other entry type."""
    entry_type = entry_type.lower()
    if entry_type in THESIS_LABELS:
        return written_type(type_field) or THESIS_LABELS[entry_type]
    if entry_type in REPORT_LABELS:
        label = written_type(type_field) or REPORT_LABELS[entry_type]
        return f"{label} {number.strip()}" if number.strip() else label
    return ""


def editors_label(count: int) -> str:
    """After the editors' names: "(ed.)" for one, "(eds.)" for several."""
    return "(ed.)" if count == 1 else "(eds.)"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st."""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{'th' if 10 <= number % 100 <= 20 else suffix}"


def shown_edition(edition: str) -> str:
    """`edition` as shown within a sentence: a number as "2nd edition", a word or ordinal
    with "edition" after it, in lower case as BibTeX's styles write it ("second edition",
    "2nd edition"), unless braced; a value that says edition itself ("2nd ed.", "Revised
    edition") as written; "" for none."""
    written = edition.strip()
    bare = written.replace("{", "").replace("}", "").strip()
    if not bare:
        return ""
    if bare.isdigit():
        return f"{ordinal(int(bare))} edition"
    if re.search(r"\bed(?:ition\b|\.|\b)", bare, re.IGNORECASE):
        return written
    if not written.startswith("{"):
        written = written[0].lower() + written[1:]
    return f"{written} edition"
