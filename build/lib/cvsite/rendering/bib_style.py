"""The pybtex style of our publication lists, as the CV writes them.

    Title as written
    All Authors, with the Owner in bold and equal contributors marked*. **Venue Year**. Award. Links

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

from cvsite.publications.latex_text import plain_from_latex, rich_text_from_latex
from cvsite.publications.owner_names import OwnerNames
from cvsite.publications.record import EQUAL_CONTRIBUTION_MARK, Record, newest_first, record_of

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
        authors = self.format_authors(record)
        if authors:
            parts += [" ", authors, end_period(authors)]
        venue_text = format_venue(record)
        if venue_text:
            parts += [" ", venue_text, end_period(venue_text)]
        if record.award.strip():
            parts += [" ", Span("cv-award", rich_text_from_latex(record.award))]
        for link in format_links(record):
            parts += [" ", link]
        return Text(*parts)

    def format_authors(self, record: Record) -> Text | None:
        if not record.authors:
            return None
        # Plain names go in as strings, which pybtex merges into one run of text: a long
        # author list makes a few objects, not several per name.
        parts: list = []
        for person in record.authors:
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


def arxiv_address(identifier: str) -> str:
    return f"https://arxiv.org/abs/{identifier}"


def format_venue(record: Record) -> Text | HRef | Tag | None:
    """**Venue Year**; a preprint without a venue: its arXiv identifier, linked."""
    year = record.date.shown
    if not record.venue.short and record.arxiv:
        label = f"arXiv:{record.arxiv}" + (f", {year}" if year else "")
        return HRef(arxiv_address(record.arxiv), label)
    text = " ".join(part for part in (plain_from_latex(record.venue.short), year) if part)
    return Tag("strong", text) if text else None


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
