"""Our shortcut past latexcodec gives exactly what pybtex's own decoding gives."""

from __future__ import annotations

import functools
import re

import pytest
from conftest import REPO
from pybtex.richtext import Text

from benchmarks.generate_bib import generate
from cvsite.publications.latex_text import (
    LATEX_MARKUP,
    LATEX_SPECIAL,
    latex_to_plain,
    rich_text_from_latex,
    text_from_latex,
)

TRICKY = [
    "plain words", "Zoë Ünïcode", "{LLM} {B}races {nested {deep}}", "a--b", "a---b", "a~b",
    "It's", "``quoted''", "!`Hola", "?`Qué", "50\\% off", "50% comment", "two  spaces",
    "new\nline", "tab\there", "M{\\\"u}ller", "Caf{\\'e}", "\\& and", "trailing ", " leading",
    "Large-Batch", "O'Neil", "`single'", ",,low", "a...b", "$x^2$", "a_b", "a#b", "a&b",
    "<<x>>", "a.b,c;d:e(f)/g[h]*k+l=m|n@o",
]  # fmt: skip


@functools.cache
def field_values() -> list[str]:
    """Every braced value of refs.bib and of a generated 500-entry file (every kind of value
    the generator writes, about 2,000 distinct ones), and their names."""
    text = (REPO / "refs.bib").read_text(encoding="utf-8") + generate(500)
    values = re.findall(r"=\s*\{(.*)\},?\s*$", text, re.M)
    names = [name for value in values for name in re.split(r"\s+and\s+", value)]
    return sorted(set(values + names))


@pytest.mark.parametrize("latex", TRICKY)
def test_tricky_strings_decode_as_pybtex_decodes_them(latex):
    assert text_from_latex(latex) == Text.from_latex(latex)
    assert latex_to_plain(latex) == str(Text.from_latex(latex))


def test_every_value_of_real_and_generated_bib_files_decodes_as_pybtex_does():
    values = field_values()
    shortcut = [value for value in values if not LATEX_SPECIAL.search(value)]
    assert len(values) > 1000 and len(shortcut) > 100  # the shortcut is taken, and checked
    assert [text_from_latex(v) for v in values] == [Text.from_latex(v) for v in values]


def test_plain_text_of_every_value_is_what_pybtex_gives():
    values = field_values()
    unchanged = [value for value in values if not LATEX_MARKUP.search(value)]
    assert len(unchanged) > 100  # the shortest way is taken, and checked
    assert [latex_to_plain(v) for v in values] == [str(Text.from_latex(v)) for v in values]


@pytest.mark.parametrize(
    ("latex", "shown"),
    [
        ("The \\} Symbol", "The } Symbol"), ("The \\textbraceright{} Symbol", "The } Symbol"),
        ("The \\textbraceleft{} Symbol", "The { Symbol"), ("A Set \\{x\\}", "A Set {x}"),
        ("\\emph{\\{x\\}} y", "{x} y"), ("\\textbraceleft\\textbraceright", "{}"),
        ("a \\textbraceleftx", "a \\textbraceleftx "), ("a\\\\{b}", "a\\\\b"),
    ],
)  # fmt: skip
def test_literal_braces_are_shown_as_braces(latex, shown):
    """LaTeX's literal braces, which pybtex's parser takes for groups and latexcodec leaves as
    written (`\\textbraceright{}`: what the normalised copy writes for an unpaired `\\}`)."""
    assert str(rich_text_from_latex(latex)) == shown  # the site's and the PDF's
    if "\\emph" not in latex:  # no styling: the plain text of names and the like too
        assert latex_to_plain(latex) == shown
