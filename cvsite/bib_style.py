"""The pybtex style of our publication lists, as the CV writes them.

    Title as written
    All Authors, with the Owner in bold and equal contributors marked*. **Venue Year**. Award. Links

The same rich text renders to docutils nodes, so HTML and LaTeX come from one place.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from docutils import nodes
from pybtex.database import Entry, Person
from pybtex.markup import LaTeXParser
from pybtex.plugin import register_plugin
from pybtex.richtext import BaseMultipartText, HRef, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.sorting import BaseSortingStyle

from .owner_names import EQUAL_CONTRIBUTION, OwnerNames, written_name

STYLE_NAME = "cvsite"  # unique, and registered with force=True so that nothing shadows it

PEER_REVIEWED = frozenset(
    {"article", "inproceedings", "conference", "incollection", "inbook", "book", "proceedings"}
)
PREPRINT = frozenset({"misc", "unpublished", "online"})
EQUAL_CONTRIBUTION_MARK = EQUAL_CONTRIBUTION
EQUAL_CONTRIBUTION_LEGEND = f"{EQUAL_CONTRIBUTION_MARK} denotes equal contribution."

# Fields that hold a link, in the order the links are shown, with their labels.
LINK_FIELDS = (("doi", "DOI"), ("url", "URL"), ("pdf", "PDF"), ("code", "Code"))


class Span(BaseMultipartText):
    """Rich text with a CSS class: an inline node for docutils, plain text elsewhere.

    HTML styles it from cvsite.css, LaTeX from the matching \\DUrole macro in cvsite.sty.
    """

    def __init__(self, css_class: str, *parts):
        self.css_class = css_class
        self.info = (css_class,)
        super().__init__(*parts)

    def render(self, backend):
        text = super().render(backend)
        if getattr(backend, "RenderType", None) is list:  # the docutils backend
            return [nodes.inline("", "", *text, classes=[self.css_class])]
        return text


def reads_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def person_name(person: Person) -> str:
    """A person as written on a CV: first, middle, von, last, jr; LaTeX braces removed, and
    no marks (\\textbf, *, †) or DBLP number ("Wei Wang 0001") as part of the name."""
    return written_person(person)[0]


def written_person(person: Person) -> tuple[str, str]:
    """The person's plain name and the marks written with it (see owner_names)."""
    parts = [
        *person.first_names,
        *person.middle_names,
        *person.prelast_names,
        *person.last_names,
        *person.lineage_names,
    ]
    return plain_name_and_marks(" ".join(parts))


@functools.lru_cache(maxsize=1 << 16)
def plain_name_and_marks(latex: str) -> tuple[str, str]:
    written = written_name(latex)
    plain = written_name(latex_to_plain(written.name))  # a decoded \\dag is a mark too
    return plain.name, written.marks + "".join(m for m in plain.marks if m not in written.marks)


# What latexcodec would change: commands, math, its ligatures (-- ~ `` '' ,, !` ?`),
# comments, runs of white space, space at either end. Text without any of these decodes to
# itself (tests/test_latex_text.py checks).
LATEX_SPECIAL = re.compile(r"[\\~%$]|--|''|``|,,|[!?]`|\s\s|[^\S ]|^\s|\s$")


def text_from_latex(latex: str) -> Text:
    """pybtex's Text.from_latex, without latexcodec's slow pass where it would change nothing
    (braces still become protected text)."""
    if LATEX_SPECIAL.search(latex):
        return Text.from_latex(latex)
    return LaTeXParser(latex).parse()


# Text with none of these is its own plain text: braces are the only other markup pybtex reads.
LATEX_MARKUP = re.compile(LATEX_SPECIAL.pattern + "|[{}]")


@functools.lru_cache(maxsize=1 << 16)
def latex_to_plain(latex: str) -> str:
    """LaTeX decoded to plain text, remembered: a .bib repeats its names and venues."""
    if not LATEX_MARKUP.search(latex):
        return latex
    return str(text_from_latex(latex))


def name_key(name: str) -> str:
    """Compare names ignoring case, spacing and braces, but not spelling or hyphens."""
    return " ".join(name.replace("{", "").replace("}", "").casefold().split())


def arxiv_id(entry: Entry) -> str | None:
    fields = entry.fields
    if "eprint" not in fields:
        return None
    prefix = fields.get("archiveprefix", fields.get("eprinttype", "arxiv")).lower()
    return fields["eprint"].strip() if prefix == "arxiv" else None


# Years that name a state rather than a time: shown as written, sorted as the newest.
PENDING_YEARS = frozenset(
    {
        "in press", "to appear", "forthcoming", "submitted", "under review", "in review",
        "accepted", "in preparation", "under submission", "preprint",
    }
)  # fmt: skip
NEWEST = 9999  # the sort year of a pending year: above every real one
FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def is_pending(year: str) -> bool:
    return " ".join(year.lower().split()) in PENDING_YEARS


def entry_year(entry: Entry) -> str:
    """The year as shown: `year` as written (`2020`, `In press`), else the year of biblatex's
    `date`, read as meant (`2020-05-01`, `2020-4-3`, `2020/05`)."""
    year = entry.fields.get("year", "").replace("{", "").replace("}", "").strip()
    if year:
        return year
    date = entry.fields.get("date", "").strip()
    found = FOUR_DIGITS.search(date)
    return found.group(0) if found else date


def sort_year(entry: Entry) -> int:
    """The year to sort by: a pending year (`In press`) is the newest, `2020a` is 2020; a
    preprint with no year sorts by its arXiv id (YYMM.NNNNN); anything else sorts last."""
    year = entry_year(entry)
    if year.isdigit():
        return int(year)
    if is_pending(year):
        return NEWEST
    found = FOUR_DIGITS.search(year)
    if found:
        return int(found.group(0))
    identifier = arxiv_id(entry) or ""
    match = re.fullmatch(r"(\d\d)(\d\d)\.\d{4,5}(v\d+)?", identifier)
    return 2000 + int(match.group(1)) if match else 0


def venue(entry: Entry) -> str:
    """The venue's short name: our `venue_short`, al-folio's `abbr`, else the full field."""
    for field in (
        "venue_short",
        "abbr",
        "booktitle",
        "journal",
        "journaltitle",
        "school",
        "institution",
        "publisher",
        "howpublished",
    ):
        if entry.fields.get(field, "").strip():
            return entry.fields[field]
    return ""


class NewestFirst(BaseSortingStyle):
    """Year descending; within a year, the order of refs.bib (Python's sort is stable)."""

    def sorting_key(self, entry: Entry) -> int:
        return -sort_year(entry)


def end_period(text: BaseMultipartText) -> str:
    """The period after a part, unless it ends with one ("et al.", "Proc.")."""
    return "" if text.endswith(".") else "."


class CVStyle(BaseStyle):
    """Formats one entry; the owner's names come from conf.py through `owner`."""

    default_sorting_style = STYLE_NAME
    default_label_style = "number"
    owner: OwnerNames = OwnerNames("")
    cache = None  # a FormattingCache during a Sphinx build (see formatting_cache.py)

    def format_entry(self, label: str, entry: Entry, bib_data=None) -> FormattedEntry:
        if self.cache is None:
            return FormattedEntry(entry.key, self.format_text(entry), label)
        return FormattedEntry(entry.key, self.cache.text(entry, self.format_text), label)

    def format_text(self, entry: Entry) -> Text:
        parts: list = [Span("cv-pub-title", text_from_latex(entry.fields.get("title", "")))]
        authors = self.format_authors(entry)
        if authors:
            parts += [" ", authors, end_period(authors)]
        venue_text = self.format_venue(entry)
        if venue_text:
            parts += [" ", venue_text, end_period(venue_text)]
        if entry.fields.get("award", "").strip():
            parts += [" ", Span("cv-award", text_from_latex(entry.fields["award"]))]
        for link in self.format_links(entry):
            parts += [" ", link]
        return Text(*parts)

    def format_authors(self, entry: Entry) -> Text | None:
        persons = entry.persons.get("author", [])
        if not persons:
            return None
        equal = {name_key(person_name(p)) for p in equal_contributors(entry)}
        # Plain names go in as strings, which pybtex merges into one run of text: a long
        # author list makes a few objects, not several per name.
        parts: list = []
        for person in persons:
            if parts:
                parts.append(", ")
            name, marks = written_person(person)
            key = name_key(name)
            if key == "others":
                parts.append("et al.")
                continue
            rendered = name
            # A "*" written after a name means what equal_contribution says; other marks
            # (†, ‡) mean what the owner's CV says, so they are shown as written.
            other_marks = marks.replace(EQUAL_CONTRIBUTION_MARK, "")
            if other_marks:
                rendered = Text(rendered, Span("cv-mark", other_marks))
            if key in equal or EQUAL_CONTRIBUTION_MARK in marks:
                rendered = Text(rendered, Span("cv-equal", EQUAL_CONTRIBUTION_MARK))
            if reads_right_to_left(name):
                # Isolated, so that two right-to-left names in a row keep the list's order.
                rendered = Span("cv-isolate", rendered)
            if self.owner.match(name):
                rendered = Tag("strong", rendered)
            parts.append(rendered)
        return Text(*parts)

    def format_venue(self, entry: Entry) -> Text | None:
        short = venue(entry)
        year = entry_year(entry)
        identifier = arxiv_id(entry)
        if not short and identifier:
            label = f"arXiv:{identifier}" + (f", {year}" if year else "")
            return HRef(f"https://arxiv.org/abs/{identifier}", label)
        text = " ".join(part for part in (latex_to_plain(short), year) if part)
        return Tag("strong", text) if text else None

    def format_links(self, entry: Entry) -> list[HRef]:
        links = []
        identifier = arxiv_id(entry)
        if identifier and venue(entry):  # a preprint's venue is already its arXiv link
            links.append(HRef(f"https://arxiv.org/abs/{identifier}", "arXiv"))
        for field, label in LINK_FIELDS:
            value = entry.fields.get(field, "").strip()
            if field == "doi" and value:
                links.append(
                    HRef(f"https://doi.org/{value.removeprefix('https://doi.org/')}", label)
                )
            elif value.startswith(("https://", "http://")):
                # A relative path (al-folio's pdf = {paper.pdf}) points nowhere on this site.
                links.append(HRef(value, label))
        return links


def equal_contributors(entry: Entry) -> list[Person]:
    """Those named in equal_contribution, and the authors written with a "*" after the name."""
    value = entry.fields.get("equal_contribution", "")
    named = [Person(name.strip()) for name in re.split(r"\s+and\s+", value) if name.strip()]
    marked = [
        person
        for person in entry.persons.get("author", [])
        if EQUAL_CONTRIBUTION_MARK in written_person(person)[1]
    ]
    return named + marked


def legend() -> nodes.paragraph:
    """The line that explains the marks, once above a list (or a paper) that has any."""
    return nodes.paragraph(
        EQUAL_CONTRIBUTION_LEGEND, EQUAL_CONTRIBUTION_LEGEND, classes=["cv-legend"]
    )


def register(owner: OwnerNames) -> None:
    """Register the style for this build's owner; force=True so no other plugin wins."""
    style = type("CVStyle", (CVStyle,), {"owner": owner})
    register_plugin("pybtex.style.formatting", STYLE_NAME, style, force=True)
    register_plugin("pybtex.style.sorting", STYLE_NAME, NewestFirst, force=True)
