"""The pybtex style of our publication lists, as the CV writes them.

    Title as written
    All Authors, with the Owner in bold and equal contributors marked*. **Venue Year**. Award. Links

The same rich text renders to docutils nodes, so HTML and LaTeX come from one place.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata

from docutils import nodes
from latexcodec.codec import UnicodeLatexIncrementalDecoder
from pybtex.database import Entry, Person
from pybtex.markup import LaTeXParser
from pybtex.plugin import register_plugin
from pybtex.richtext import BaseMultipartText, HRef, Protected, String, Tag, Text
from pybtex.scanner import PybtexSyntaxError
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.sorting import BaseSortingStyle

from cvsite.publications.owner_names import EQUAL_CONTRIBUTION, OwnerNames, written_name

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
    name = plain.name
    if "," in name and latex.lstrip().startswith("\\"):
        # \\mkbibbold{Surname, Given}: pybtex saw no comma in the braces; read it now.
        person = Person(name)
        name = " ".join(person.first_names + person.middle_names + person.prelast_names
                        + person.last_names + person.lineage_names)  # fmt: skip
    return name, written.marks + "".join(m for m in plain.marks if m not in written.marks)


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
    # latexcodec's decoder itself, not the "ulatex" codec name: that name exists only once
    # something has imported latexcodec, which pybtex does lazily (not in every process).
    decoded = UnicodeLatexIncrementalDecoder().decode(f"$\\{name}$", final=True)
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


def name_key(name: str) -> str:
    """Compare names ignoring case, spacing and braces, but not spelling or hyphens."""
    return " ".join(name.replace("{", "").replace("}", "").casefold().split())


# arXiv identifiers, new (2303.04947, since 2007) and old (hep-th/9901001), with a version.
ARXIV_IDENTIFIER = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z][a-z.\-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")
# How exports write one in `eprint`: arXiv:2303.04947, or the address of its page or PDF.
ARXIV_PREFIX = re.compile(
    r"^(?:arxiv:\s*|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)", re.IGNORECASE
)


def arxiv_id(entry: Entry) -> str | None:
    """The entry's arXiv identifier, however `eprint` writes it; None for an eprint that is no
    arXiv identifier (a bioRxiv address, a PubMed Central id), which has no arXiv page."""
    fields = entry.fields
    if "eprint" not in fields:
        return None
    prefix = fields.get("archiveprefix", fields.get("eprinttype", "arxiv")).lower()
    if prefix != "arxiv":
        return None
    identifier = ARXIV_PREFIX.sub("", fields["eprint"].strip()).removesuffix(".pdf")
    return identifier if ARXIV_IDENTIFIER.fullmatch(identifier) else None


# How exports write a DOI: https://doi.org/10..., http://dx.doi.org/10..., doi:10...
DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def doi(entry: Entry) -> str:
    """The entry's DOI alone (10.1000/xyz), however the `doi` field writes it; "" if none."""
    return DOI_PREFIX.sub("", entry.fields.get("doi", "").strip()).strip()


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
        written = entry.fields.get("title", "")
        # An entry without a title (a dataset, software) shows its key: never an empty link.
        title = rich_text_from_latex(written) if written.strip() else Text(String(entry.key))
        parts: list = [Span("cv-pub-title", title)]
        authors = self.format_authors(entry)
        if authors:
            parts += [" ", authors, end_period(authors)]
        venue_text = self.format_venue(entry)
        if venue_text:
            parts += [" ", venue_text, end_period(venue_text)]
        if entry.fields.get("award", "").strip():
            parts += [" ", Span("cv-award", rich_text_from_latex(entry.fields["award"]))]
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
        text = " ".join(part for part in (plain_from_latex(short), year) if part)
        return Tag("strong", text) if text else None

    def format_links(self, entry: Entry) -> list[HRef]:
        links = []
        identifier = arxiv_id(entry)
        if identifier and venue(entry):  # a preprint's venue is already its arXiv link
            links.append(HRef(f"https://arxiv.org/abs/{identifier}", "arXiv"))
        for field, label in LINK_FIELDS:
            value = doi(entry) if field == "doi" else entry.fields.get(field, "").strip()
            if field == "doi" and value:
                links.append(HRef(f"https://doi.org/{value}", label))
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
