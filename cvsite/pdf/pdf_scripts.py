"""Every script in the PDF CV: text the main font lacks, or must shape its own way, switches font.

XeLaTeX has no font fallback: a character the main font lacks prints nothing (and the log says
"Missing character"). Complex scripts the main font does have (Arabic, Devanagari, Thai, ...)
still come out wrong, since the main font is loaded for Latin: letters unjoined, vowel signs
misplaced. So, for the LaTeX builder only, a post-transform splits text into runs by the first
font of `cv_pdf_fonts` that has each character (coverage read once from fontconfig) and by script,
and wraps every run that is not plain main-font text in a `script_run` node, which LaTeX prints as
`\\cvsitescript{font}{features}{text}` (cvsite/pdf/latex/cvsite.sty); right-to-left runs also get
`\\cvsitertl`, TeX--XeT's \\beginR ... \\endR. Plain text is left alone, so a Latin document
gives the same LaTeX as without this module.

The scripts, what each font covers (fontconfig) and the message for a character that no font
has (`explain_missing_characters`, for the log) are in fonts.py.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.latex import LaTeXTranslator

from cvsite.pdf.fonts import coverage, script_of

# -- Runs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunStyle:
    """How a run is printed: its font, fontspec features, and direction."""

    family: str
    features: str
    rtl: bool = False
    upright: bool = True  # False: a Latin, Greek or Cyrillic fallback keeps italics and bold


class FontChain:
    """`cv_pdf_fonts`: the main font first, then the fallbacks in order."""

    def __init__(self, families: Iterable[str]):
        self.families = list(families)
        self.main = self.families[0]
        self._styles: dict[str, RunStyle | None] = {}

    def style_of(self, char: str) -> RunStyle | None:
        """None: plain main-font text (or a character no font has, left for the log check)."""
        if char in self._styles:
            return self._styles[char]
        self._styles[char] = style = self._find_style(char)
        return style

    def _find_style(self, char: str) -> RunStyle | None:
        if ord(char) < 0x80:
            return None
        script = script_of(char)
        main = coverage(self.main)
        if script is None and (main.has(char) or not main.installed):
            return None
        font = next((coverage(f) for f in self.families if coverage(f).has(char)), None)
        if font is None:
            return None
        if script is None:
            return RunStyle(font.family, "", upright=False)
        shaped = script.tags and font.scripts.intersection(script.tags)
        features = f"Script={script.name}" if shaped else ""
        return RunStyle(font.family, features, rtl=script.rtl)

    def runs(self, text: str) -> list[tuple[str, RunStyle | None]]:
        """`text` cut into (piece, style) runs. Marks between two characters of one style take
        that style; in right-to-left text spaces and punctuation do too, so that the words of a
        name stay in order (elsewhere they stay in the main font, as the Latin text around)."""
        styles = [self.style_of(char) for char in text]
        at = 0
        while at < len(text):
            end = at
            while end < len(text) and styles[end] is None and joins_runs(text[end]):
                end += 1
            if end > at:
                before = styles[at - 1] if at > 0 else None
                after = styles[end] if end < len(text) else None
                stretch = text[at:end]
                if (
                    before is not None
                    and before == after
                    and (before.rtl or all(is_mark(char) for char in stretch))
                    and all(coverage(before.family).has(char) for char in stretch)
                ):
                    styles[at:end] = [before] * (end - at)
                at = end
            else:
                at += 1
        runs: list[tuple[str, RunStyle | None]] = []
        for char, style in zip(text, styles, strict=True):
            if runs and runs[-1][1] == style:
                runs[-1] = (runs[-1][0] + char, style)
            else:
                runs.append((char, style))
        return runs


def joins_runs(char: str) -> bool:
    """Spaces, punctuation, marks and joiners: they may belong to the run around them."""
    return unicodedata.category(char)[0] in "ZP" or is_mark(char)


def is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M" or char in "\u200c\u200d"


def needs_switch(text: str, chain: FontChain) -> bool:
    return any(chain.style_of(char) is not None for char in text)


def latex(runs: list[tuple[str, RunStyle | None]], escape: Callable[[str], str]) -> str:
    """The runs as LaTeX, each piece escaped by `escape`."""
    return "".join(
        escape(piece) if style is None else opening(style) + escape(piece) + closing(style)
        for piece, style in runs
    )


def opening(style: RunStyle) -> str:
    macro = r"\cvsitescript" if style.upright else r"\cvsitefallback"
    direction = r"\cvsitertl{" if style.rtl else ""
    return f"{macro}{{{style.family}}}{{{style.features}}}{{{direction}"


def closing(style: RunStyle) -> str:
    return "}}" if style.rtl else "}"


# TeX's special characters, as text. (Sphinx's own texescape fills its tables only when its
# LaTeX builder starts, after conf.py's latex_elements are read.)
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$", "%": r"\%",
    "&": r"\&", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}  # fmt: skip


def latex_escape(text: str) -> str:
    return "".join(LATEX_SPECIALS.get(char, char) for char in text)


def latex_text(text: str, families: Iterable[str], escape: Callable[[str], str]) -> str:
    """A string (a setting, not a node) as LaTeX, with the font switches it needs."""
    if text.isascii():  # the common case asks fontconfig nothing
        return escape(text)
    return latex(FontChain(families).runs(text), escape)


# -- The doctree ---------------------------------------------------------------------------------


class script_run(nodes.Inline, nodes.TextElement):
    """Text set in another font of the chain, or shaped as its script (LaTeX only)."""


def visit_script_run_latex(self: LaTeXTranslator, node: script_run) -> None:
    self.body.append(opening(node["style"]))


def depart_script_run_latex(self: LaTeXTranslator, node: script_run) -> None:
    self.body.append(closing(node["style"]))


# Text LaTeX prints verbatim or not at all: a font switch there would show as code.
VERBATIM = (nodes.FixedTextElement, nodes.raw, nodes.math, nodes.math_block, nodes.comment)


class WrapScriptRuns(SphinxPostTransform):
    """Wraps every run of text that the main font cannot print as it is in a `script_run`."""

    builders = ("latex",)
    default_priority = 900  # after the publication lists are filled (5 to 7)

    def run(self, **kwargs: Any) -> None:
        chain = FontChain(self.config.cv_pdf_fonts)
        for text in list(self.document.findall(nodes.Text)):
            if text.isascii() or not needs_switch(text, chain) or in_verbatim(text):
                continue
            pieces = [
                nodes.Text(piece) if style is None else script_run(piece, piece, style=style)
                for piece, style in chain.runs(str(text))
            ]
            text.parent.replace(text, pieces)


def in_verbatim(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, VERBATIM):
            return True
        parent = parent.parent
    return False


def setup(app: Sphinx) -> None:
    app.add_node(script_run, latex=(visit_script_run_latex, depart_script_run_latex))
    app.add_post_transform(WrapScriptRuns)
