"""LaTeX in .bib fields read as plain text: names, and any field without markup of its own.

pybtex's Text.from_latex through latexcodec, skipped where it would change nothing, and
remembered: a .bib repeats its names and venues.
"""

from __future__ import annotations

import functools
import re

from pybtex.database import Person
from pybtex.markup import LaTeXParser
from pybtex.richtext import Text

from cvsite.publications.owner_names import written_name

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
