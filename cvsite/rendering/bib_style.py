"""The pybtex style of our publication lists, as the CV writes them.

    Title as written
    All Authors, with the Owner in bold and equal contributors marked*. **Venue Year**. Award. Links

The same rich text renders to docutils nodes, so HTML and LaTeX come from one place.
"""

from __future__ import annotations

import codecs
import functools
import html
import re
import unicodedata

from docutils import nodes
from pybtex.database import Entry
from pybtex.plugin import register_plugin
from pybtex.richtext import BaseMultipartText, HRef, Protected, String, Tag, Text
from pybtex.scanner import PybtexSyntaxError
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.sorting import BaseSortingStyle

from cvsite.publications.latex_text import latex_to_plain, text_from_latex
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


# -- Markup in titles, venues and awards: LaTeX styles and math, and HTML of web exports -----------

# Commands whose argument is styled text: shown as that text, in the tag (None: plain text).
STYLE_COMMANDS = {
    "emph": "em", "textit": "em", "textsl": "em", "mkbibemph": "em", "mkbibitalic": "em",
    "textbf": "strong", "mkbibbold": "strong", "textsuperscript": "sup", "textsubscript": "sub",
    "textsc": None, "textrm": None, "textsf": None, "texttt": None, "textup": None,
    "textnormal": None, "underline": None, "uline": None, "mbox": None, "url": None, "href": None,
    "mathrm": None, "mathit": None, "mathbf": None, "mathcal": None, "mathbb": None,
    "mathsf": None, "mathtt": None, "mathfrak": None, "boldsymbol": None, "text": None,
    "operatorname": None,
}  # fmt: skip
STYLE_GROUPS = {
    "em": "em",
    "it": "em",
    "itshape": "em",
    "sl": "em",
    "bf": "strong",
    "bfseries": "strong",
}
# What a command before a {group} looks like once pybtex has split the text at its braces.
COMMAND_BEFORE_GROUP = re.compile(r"\\([A-Za-z]+)\s*$")
GROUP_COMMAND = re.compile(r"^\\([A-Za-z]+)(?:\s+|$)")
MATH = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$")
MATH_COMMAND = re.compile(r"\\([A-Za-z]+)(\s*)")
# \href{url}{text}: the address is dropped before pybtex parses the text, which would merge
# the two groups into one.
HREF_ADDRESS = re.compile(r"\\href\s*\{[^{}]*\}\s*(?=\{)")
SCRIPT = re.compile(r"([\^_])\s*(\{[^{}]*\}|\\[A-Za-z]+|[^\s{}\\])")
HTML_TAG = re.compile(r"<(i|b|em|strong|sub|sup)>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
HTML_COMMANDS = {"i": "textit", "em": "textit", "b": "textbf", "strong": "textbf",
                 "sub": "textsubscript", "sup": "textsuperscript"}  # fmt: skip
HTML_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z]+\d*);")
RICH_MARKUP = re.compile(r"[\\$]|<(?:i|b|em|strong|sub|sup)>|&#?\w+;", re.IGNORECASE)


def rich_text_from_latex(latex: str) -> Text:
    """A title (venue, award) as a reader expects it: `\\emph{}`, `\\textit{}`, `\\textbf{}` and
    the HTML tags that Web of Science, EndNote and Crossref write (`<i>`, `<b>`, `<sub>`,
    `<sup>`) as italic, bold or raised text; `&amp;`-style entities as their characters;
    `$...$` math as text with `^`/`_` raised and lowered and its symbols decoded (`$\\alpha$`
    is the Greek letter); `\\href{url}{text}` and `\\url{...}` as their text (the title
    already links to its paper's page). Anything else is decoded as pybtex decodes it."""
    if not RICH_MARKUP.search(latex):
        return text_from_latex(latex)
    source = HTML_ENTITY.sub(html_character, latex)
    while HTML_TAG.search(source):  # innermost first where tags nest
        source = HTML_TAG.sub(lambda m: f"\\{HTML_COMMANDS[m[1].lower()]}{{{m[2]}}}", source)
    source = MATH.sub(lambda m: math_as_text(m[1]), HREF_ADDRESS.sub("", source))
    try:
        parsed = text_from_latex(source)
    except PybtexSyntaxError:  # unbalanced braces: what pybtex itself gives (bib_check notes)
        return text_from_latex(latex)
    return Text(*styled_parts(parsed.parts))


@functools.lru_cache(maxsize=1 << 16)
def plain_from_latex(latex: str) -> str:
    """rich_text_from_latex as plain text (Scholar tags, page titles, venues)."""
    if not RICH_MARKUP.search(latex):
        return latex_to_plain(latex)
    return str(rich_text_from_latex(latex))


def html_character(match: re.Match) -> str:
    character = html.unescape(match[0])
    # An entity of a character that LaTeX reads as markup stays as written.
    return match[0] if character in "{}\\$%#^_~" else character


def math_as_text(math: str) -> str:
    """Inline math rewritten as text markup: `k^2` -> k\\textsuperscript{2}; symbols decoded."""

    def script(match: re.Match) -> str:
        command = "textsuperscript" if match[1] == "^" else "textsubscript"
        argument = match[2][1:-1] if match[2].startswith("{") else match[2]
        return f"\\{command}{{{argument}}}"

    def command(match: re.Match) -> str:
        name = match[1]
        if name in STYLE_COMMANDS or name.startswith("text"):
            return match[0]
        if name == "sqrt":
            return "√"
        symbol = math_symbol(name)
        return (name if symbol is None else symbol) + match[2]  # \\log is "log"

    return MATH_COMMAND.sub(command, SCRIPT.sub(script, math))


@functools.lru_cache(maxsize=1 << 10)
def math_symbol(name: str) -> str | None:
    """latexcodec's character for a math command (\\alpha: the Greek letter), else None."""
    decoded = codecs.decode(f"$\\{name}$", "ulatex")
    return None if "$" in decoded or "\\" in decoded else decoded.strip()


def styled_parts(parts: list) -> list:
    """pybtex's parts (strings and {groups}) with each styling command applied to its group:
    `\\emph ` followed by {k} becomes Tag("em", k)."""
    styled: list = []
    for part in parts:
        if isinstance(part, Protected):
            inner = styled_parts(part.parts)
            before = styled[-1] if styled and isinstance(styled[-1], String) else None
            found = COMMAND_BEFORE_GROUP.search(before.value) if before else None
            name = found[1] if found else None
            if name in STYLE_COMMANDS:
                styled[-1] = String(before.value[: found.start()])
                tag = STYLE_COMMANDS[name]
                styled.append(Tag(tag, *inner) if tag else Text(*inner))
                continue
            group = (
                GROUP_COMMAND.match(str(inner[0]))
                if inner and isinstance(inner[0], String)
                else None
            )
            if group and group[1] in STYLE_GROUPS:  # {\\em text}
                inner[0] = String(inner[0].value[group.end() :])
                styled.append(Tag(STYLE_GROUPS[group[1]], *inner))
                continue
            styled.append(Protected(*inner))
        else:
            styled.append(part)
    return styled


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
        parts: list = [Span("cv-pub-title", rich_text_from_latex(record.title))]
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
