"""LaTeX in .bib fields read as plain text: names, and any field without markup of its own.

pybtex's Text.from_latex through latexcodec, skipped where it would change nothing, and
remembered: a .bib repeats its names and venues.
"""

from __future__ import annotations

import functools
import html
import re

from latexcodec.codec import UnicodeLatexIncrementalDecoder
from pybtex.database import Person
from pybtex.markup import LaTeXParser
from pybtex.richtext import Protected, String, Tag, Text
from pybtex.scanner import PybtexSyntaxError

from cvsite.publications.owner_names import written_name

# What latexcodec would change: commands, math, its ligatures (-- ~ `` '' ,, !` ?`),
# comments, runs of white space, space at either end. Text without any of these decodes to
# itself (tests/test_latex_text.py checks).
LATEX_SPECIAL = re.compile(r"[\\~%$]|--|''|``|,,|[!?]`|\s\s|[^\S ]|^\s|\s$")


# LaTeX's literal braces: \{ and \} (which BibTeX lets pair up), \textbraceleft{} and
# \textbraceright{} (which the normalised copy writes for one without its pair). pybtex's parser
# takes \{ for a backslash and a group, and latexcodec decodes none of them: each is held as a
# noncharacter (never in text) while pybtex parses, then shown as the brace. `\\` (a line
# break) is no escape of the brace after it.
LITERAL_BRACE = re.compile(r"\\\\|\\([{}])|\\textbrace(left|right)(?![A-Za-z])\s*(?:\{\})?")
HELD_BRACE = {"{": "\ufdd0", "left": "\ufdd0", "}": "\ufdd1", "right": "\ufdd1"}
SHOWN_BRACE = str.maketrans({"\ufdd0": "{", "\ufdd1": "}"})


def text_from_latex(latex: str) -> Text:
    """pybtex's Text.from_latex, without latexcodec's slow pass where it would change nothing
    (braces still become protected text); LaTeX's literal braces shown as braces."""
    if "\\" in latex and LITERAL_BRACE.search(latex):
        held = LITERAL_BRACE.sub(lambda m: HELD_BRACE.get(m[1] or m[2], m[0]), latex)
        if held != latex:
            parsed = text_from_latex(held)
            return shown_braces(parsed)
    if LATEX_SPECIAL.search(latex):
        return Text.from_latex(latex)
    return LaTeXParser(latex).parse()


def shown_braces(part):
    """Parsed text with the held literal braces (LITERAL_BRACE) as the characters."""
    if isinstance(part, String):
        return String(part.value.translate(SHOWN_BRACE))
    if isinstance(part, (Text, Protected)):  # all that pybtex's LaTeX parser makes
        return type(part)(*map(shown_braces, part.parts))
    return part


# Text with none of these is its own plain text: braces are the only other markup pybtex reads.
LATEX_MARKUP = re.compile(LATEX_SPECIAL.pattern + "|[{}]")


@functools.lru_cache(maxsize=1 << 16)
def latex_to_plain(latex: str) -> str:
    """LaTeX decoded to plain text, remembered: a .bib repeats its names and venues."""
    if not LATEX_MARKUP.search(latex):
        return latex
    return str(text_from_latex(latex))


@functools.lru_cache(maxsize=1 << 16)
def plain_name_and_marks(latex: str) -> tuple[str, str, str]:
    """A name as written in a .bib, as (plain name, marks written with it, DBLP number):
    LaTeX decoded, \\textbf{} and the like removed, "*", "†" (also a decoded \\dag) apart."""
    written = written_name(latex)
    plain = written_name(latex_to_plain(written.name))  # a decoded \\dag is a mark too
    name = plain.name
    if "," in name and latex.lstrip().startswith("\\"):
        # \\mkbibbold{Surname, Given}: pybtex saw no comma in the braces; read it now.
        person = Person(name)
        name = " ".join(person.first_names + person.middle_names + person.prelast_names
                        + person.last_names + person.lineage_names)  # fmt: skip
    marks = written.marks + "".join(m for m in plain.marks if m not in written.marks)
    return name, marks, written.number or plain.number


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
            if before is not None and found is not None and name in STYLE_COMMANDS:
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
