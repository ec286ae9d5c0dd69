"""The pybtex style of our publication lists, as the CV writes them.

    Title as written
    All Authors, with the Owner in bold and equal contributors marked*. **Venue Year**. Award. Links

with the details the entry has around the venue, the year last (README, "The lists"):

    Ph.D. thesis, **University of X**, **2020**.
    In A. Editor (ed.), **Venue**, 2nd edition, vol. 12, no. 3, pp. 45--67, Publisher, **2023**.

The same rich text renders to docutils nodes, so HTML and LaTeX come from one place.
"""

from __future__ import annotations

import unicodedata

from docutils import nodes
from pybtex.database import Entry
from pybtex.plugin import register_plugin
from pybtex.richtext import BaseMultipartText, HRef, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.sorting import BaseSortingStyle
from sphinx.application import Sphinx
from sphinx.config import Config

from cvsite.publications import rules
from cvsite.publications.fields import BOOK_TYPES
from cvsite.publications.latex_text import plain_from_latex, rich_text_from_latex
from cvsite.publications.owner_names import OwnerNames
from cvsite.publications.record import (
    EQUAL_CONTRIBUTION_MARK,
    Person,
    Record,
    newest_first,
    record_of,
)

STYLE_NAME = "cvsite"  # unique, and registered with force=True so that nothing shadows it

EQUAL_CONTRIBUTION_LEGEND = f"{EQUAL_CONTRIBUTION_MARK} denotes equal contribution."


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


class NewestFirst(BaseSortingStyle):
    """Year descending; within a year, the order of refs.bib (Python's sort is stable)."""

    def sorting_key(self, entry: Entry) -> int:
        return newest_first(record_of(entry))


def end_period(text: BaseMultipartText) -> str:
    """The period after a part, unless it ends with one ("et al.", "Proc.")."""
    return "" if text.endswith(".") else "."


class CVStyle(BaseStyle):
    """Formats one entry, from its record; the owner's names come from conf.py (`owner`)."""

    default_sorting_style = STYLE_NAME
    default_label_style = "number"
    owner: OwnerNames = OwnerNames("")
    cache = None  # a FormattingCache during a Sphinx build (see formatting_cache.py)

    def format_entry(self, label: str, entry: Entry, bib_data=None) -> FormattedEntry:
        """pybtex's call (sphinxcontrib-bibtex's lists): the entry's record, formatted."""
        if self.cache is None:
            return FormattedEntry(entry.key, self.format_text(entry), label)
        return FormattedEntry(entry.key, self.cache.text(entry, self.format_text), label)

    def format_text(self, entry: Entry) -> Text:
        return self.format_record(record_of(entry))

    def format_record(self, record: Record) -> Text:
        # An entry without a title (a dataset, software) shows its key: never an empty link.
        title = rich_text_from_latex(record.title) if record.title.strip() else Text(record.key)
        parts: list = [Span("cv-pub-title", title)]
        authors = self.format_credits(record)
        if authors:
            parts += [" ", authors, end_period(authors)]
        venue_text = self.format_publication(record)
        if venue_text:
            parts += [" ", venue_text, end_period(venue_text)]
        if record.award.strip():
            parts += [" ", Span("cv-award", rich_text_from_latex(record.award))]
        for link in format_links(record):
            parts += [" ", link]
        return Text(*parts)

    def format_credits(self, record: Record) -> Text | None:
        """The authors; a book with editors alone: its editors, "(eds.)"."""
        if record.authors:
            return self.format_people(record, record.authors)
        if record.editors:
            return Text(self.format_people(record, record.editors), " ", editors_label(record))
        return None

    def format_people(self, record: Record, people: tuple[Person, ...]) -> Text:
        # Plain names go in as strings, which pybtex merges into one run of text: a long
        # author list makes a few objects, not several per name.
        parts: list = []
        for person in people:
            if parts:
                parts.append(", ")
            if person.is_others:
                parts.append("et al.")
                continue
            rendered: str | Text | Span | Tag = person.name
            # A "*" written after a name means what equal_contribution says; other marks
            # (†, ‡) mean what the owner's CV says, so they are shown as written.
            other_marks = person.marks.replace(EQUAL_CONTRIBUTION_MARK, "")
            if other_marks:
                rendered = Text(rendered, Span("cv-mark", other_marks))
            if record.is_equal_contributor(person):
                rendered = Text(rendered, Span("cv-equal", EQUAL_CONTRIBUTION_MARK))
            if reads_right_to_left(person.name):
                # Isolated, so that two right-to-left names in a row keep the list's order.
                rendered = Span("cv-isolate", rendered)
            if self.owner.match(person.name):
                rendered = Tag("strong", rendered)
            parts.append(rendered)
        return Text(*parts)

    def format_publication(self, record: Record) -> Text | None:
        """[kind, ][In editors, ]**Venue**[, edition, volume, number, pages, publisher],
        **Year**: venue and year bold, one run ("NeurIPS 2023") when they are all there is."""
        details = record.details
        leading = [latex(details.type_label), self.format_editors(record)]
        trailing = [
            latex(details.edition),
            latex(details.volume, f"vol.{rules.LABEL_SPACE}"),
            latex(details.number, f"no.{rules.LABEL_SPACE}"),
            latex(details.pages),
            latex(details.publisher),
        ]
        venue = plain_from_latex(record.venue.short)
        year = record.date.shown
        if not venue and record.arxiv:  # a preprint: its arXiv identifier, linked
            label = f"arXiv:{record.arxiv}" + (f", {year}" if year else "")
            core = [HRef(arxiv_address(record.arxiv), label), *trailing]
        elif any(leading) or any(trailing):
            core = [bold("cv-venue", venue), *trailing, bold("cv-year", year)]
        else:  # all there is: Venue Year, one bold run, as a CV names a conference
            both = [
                Span(css, text) for css, text in (("cv-venue", venue), ("cv-year", year)) if text
            ]
            core = [Tag("strong", *interleave(both, " "))] if both else []
        shown = [part for part in (*leading, *core) if part]
        return Text(", ").join(shown) if shown else None

    def format_editors(self, record: Record) -> Text | None:
        """ "In A. Editor (ed.)": the editors of the volume that holds the work (a book's own
        editors without "In"); none where they stand in for the authors."""
        if not record.editors or not record.authors:
            return None
        editors = Text(self.format_people(record, record.editors), " ", editors_label(record))
        return editors if record.type in BOOK_TYPES else Text("In ", editors)


def latex(written: str, prefix: str = "") -> Text | None:
    """A field as written (LaTeX), decoded, after a label ("vol. "); None when empty."""
    return Text(prefix, rich_text_from_latex(written)) if written.strip() else None


def bold(css_class: str, text: str) -> Tag | None:
    return Tag("strong", Span(css_class, text)) if text else None


def interleave(parts: list, separator: str) -> list:
    return [piece for part in parts for piece in (separator, part)][1:]


def editors_label(record: Record) -> str:
    return rules.editors_label(len(record.editors))


def arxiv_address(identifier: str) -> str:
    return f"https://arxiv.org/abs/{identifier}"


def format_links(record: Record) -> list[HRef]:
    links = []
    if record.arxiv and record.venue.short:  # a preprint's venue is already its arXiv link
        links.append(HRef(arxiv_address(record.arxiv), "arXiv"))
    links += [HRef(address, label) for label, address in record.links]
    return links


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


def register_for_build(app: Sphinx, config: Config) -> None:
    register(OwnerNames.from_config(config))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", register_for_build)
