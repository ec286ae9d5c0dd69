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

A character that no font has still reaches the log; `explain_missing_characters` turns those
lines into messages naming the BibTeX key or page line, the code point and the package to install.
"""

from __future__ import annotations

import bisect
import os
import re
import subprocess
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.writers.latex import LaTeXTranslator

from cvsite.publications import bib_check
from cvsite.publications.bib_mends import PRIVATE_USE

# Debian's FreeSerif (fonts-freefont-otf, Sphinx's default for xelatex) has Latin, Greek,
# Cyrillic, Hebrew, Arabic, Devanagari, Thai and more; WenQuanYi Zen Hei (fonts-wqy-zenhei,
# 7.5 MB, against 57 MB for fonts-noto-cjk) adds Chinese, Japanese kana and Korean Hangul.
DEFAULT_FONTS = ["FreeSerif", "WenQuanYi Zen Hei"]

# The Debian package of fonts we know, for the message when one is missing.
FONT_PACKAGES = {
    "FreeSerif": "fonts-freefont-otf",
    "WenQuanYi Zen Hei": "fonts-wqy-zenhei",
}


@dataclass(frozen=True)
class Script:
    name: str  # fontspec's Script=
    ranges: tuple[tuple[int, int], ...]
    tags: tuple[str, ...] = ()  # OpenType script tags; empty: the font's default shaping will do
    rtl: bool = False
    # A font with the script, and its Debian package, for a character no installed font has.
    font: str = ""
    package: str = ""


# Scripts that need a font switch even where the main font has their letters. Latin, Greek and
# Cyrillic are not here: the main font shapes them, in italics and bold too. Ranges are Unicode
# blocks; each hint font was checked against its package's files.
NOTO, WQY = "fonts-noto-core", "fonts-wqy-zenhei"
SCRIPTS = (
    Script("Hebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)), ("hebr",), True,
           "Noto Serif Hebrew", NOTO),
    Script("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
                      (0xFE70, 0xFEFF)), ("arab",), True, "Noto Naskh Arabic", NOTO),
    Script("Syriac", ((0x0700, 0x074F),), ("syrc",), True, "Noto Sans Syriac", NOTO),
    Script("Thaana", ((0x0780, 0x07BF),), ("thaa",), True, "Noto Sans Thaana", NOTO),
    Script("Devanagari", ((0x0900, 0x097F), (0xA8E0, 0xA8FF)), ("dev2", "deva"), False,
           "Noto Serif Devanagari", NOTO),
    Script("Bengali", ((0x0980, 0x09FF),), ("bng2", "beng"), False, "Noto Serif Bengali", NOTO),
    Script("Gurmukhi", ((0x0A00, 0x0A7F),), ("gur2", "guru"), False, "Noto Serif Gurmukhi",
           NOTO),
    Script("Gujarati", ((0x0A80, 0x0AFF),), ("gjr2", "gujr"), False, "Noto Serif Gujarati",
           NOTO),
    Script("Oriya", ((0x0B00, 0x0B7F),), ("ory2", "orya"), False, "Noto Sans Oriya", NOTO),
    Script("Tamil", ((0x0B80, 0x0BFF),), ("tml2", "taml"), False, "Noto Serif Tamil", NOTO),
    Script("Telugu", ((0x0C00, 0x0C7F),), ("tel2", "telu"), False, "Noto Serif Telugu", NOTO),
    Script("Kannada", ((0x0C80, 0x0CFF),), ("knd2", "knda"), False, "Noto Serif Kannada", NOTO),
    Script("Malayalam", ((0x0D00, 0x0D7F),), ("mlm2", "mlym"), False, "Noto Serif Malayalam",
           NOTO),
    Script("Sinhala", ((0x0D80, 0x0DFF),), ("sinh",), False, "Noto Serif Sinhala", NOTO),
    Script("Thai", ((0x0E00, 0x0E7F),), ("thai",), False, "Noto Serif Thai", NOTO),
    Script("Lao", ((0x0E80, 0x0EFF),), ("lao ",), False, "Noto Serif Lao", NOTO),
    Script("Tibetan", ((0x0F00, 0x0FFF),), ("tibt",), False, "Noto Serif Tibetan", NOTO),
    Script("Myanmar", ((0x1000, 0x109F),), ("mym2", "mymr"), False, "Noto Serif Myanmar", NOTO),
    Script("Ethiopic", ((0x1200, 0x139F),), ("ethi",), False, "Noto Serif Ethiopic", NOTO),
    Script("Khmer", ((0x1780, 0x17FF),), ("khmr",), False, "Noto Serif Khmer", NOTO),
    # Chinese, Japanese, Korean need no shaping of their own: the script picks the font, upright.
    Script("Hangul", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)),
           (), False, "WenQuanYi Zen Hei", WQY),
    Script("CJK", ((0x2E80, 0x2FDF), (0x3000, 0x312F), (0x3190, 0x33FF), (0x3400, 0x4DBF),
                   (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)),
           (), False, "WenQuanYi Zen Hei", WQY),
    # Extension B: rare characters of names, which Debian has in HanaMin only.
    Script("CJK", ((0x20000, 0x2A6DF),), (), False, "HanaMinB", "fonts-hanazono"),
    Script("Linear B", ((0x10000, 0x100FF),), (), False, "Noto Sans Linear B", NOTO),
)  # fmt: skip
_STARTS = sorted((low, high, script) for script in SCRIPTS for low, high in script.ranges)
_LOWS = [low for low, _, _ in _STARTS]


def script_of(char: str) -> Script | None:
    code = ord(char)
    at = bisect.bisect_right(_LOWS, code) - 1
    if at >= 0 and code <= _STARTS[at][1]:
        return _STARTS[at][2]
    return None


# -- What the fonts have, from fontconfig --------------------------------------------------------


@dataclass(frozen=True)
class FontCoverage:
    family: str
    installed: bool
    charset: tuple[tuple[int, int], ...] = ()  # sorted ranges of code points
    scripts: frozenset[str] = frozenset()  # OpenType script tags

    def has(self, char: str) -> bool:
        code = ord(char)
        at = bisect.bisect_right(self.charset, (code, 0x10FFFF)) - 1
        return at >= 0 and self.charset[at][0] <= code <= self.charset[at][1]


def parse_charset(text: str) -> tuple[tuple[int, int], ...]:
    """fontconfig's "20-7e a0-17f 2013" as sorted (first, last) pairs."""
    ranges = []
    for item in text.split():
        first, _, last = item.partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return tuple(sorted(ranges))


@cache
def coverage(family: str) -> FontCoverage:
    """The upright regular face of `family`, as xelatex finds it through fontconfig."""
    pattern = re.sub(r"([\\:,=\-])", r"\\\1", family)
    try:
        result = subprocess.run(
            ["fc-match", "--format", "%{family}\n%{capability}\n%{charset}\n", pattern],
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:  # no fontconfig tools: nothing is known to be there
        return FontCoverage(family, installed=False)
    lines = [*result.stdout.split("\n"), "", "", ""]
    families = [name.replace("\\", "").casefold() for name in re.split(r"(?<!\\),", lines[0])]
    # fc-match always answers: with another family when this one is not installed.
    if result.returncode != 0 or family.casefold() not in families:
        return FontCoverage(family, installed=False)
    tags = frozenset(tag.removeprefix("otlayout:") for tag in lines[1].split())
    return FontCoverage(family, True, parse_charset(lines[2]), tags)


def installed_families_with(char: str) -> list[str]:
    try:
        result = subprocess.run(
            ["fc-list", f":charset={ord(char):x}", "family"],
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        return []
    return sorted({line.split(",")[0].strip() for line in result.stdout.splitlines() if line})


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

    def run(self) -> None:
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


# -- When a character is in no font: the message -------------------------------------------------

# XeTeX writes the code point as (U+5F20) or ("5F20), and cuts long lines of the log.
MISSING = re.compile(
    r'^Missing character: There is no (.+?)(?: \((?:U\+|")([0-9A-Fa-f]+)\))? in font (.*)$'
)


def missing_characters(log_problems: list[str]) -> dict[str, str]:
    """The characters of the log's "Missing character" lines, each with the font it lacked."""
    found = {}
    for line in log_problems:
        match = MISSING.match(line)
        if match:
            char = chr(int(match.group(2), 16)) if match.group(2) else match.group(1)
            font = re.sub(r"^\[?([^\]/:!]+?)(\.[ot]t[fc])?([\]/:!].*)?$", r"\1", match.group(3))
            found.setdefault(char, font)
    return found


def describe(char: str) -> str:
    name = unicodedata.name(char, "")
    if not name and any(low <= ord(char) <= high for low, high in PRIVATE_USE):
        name = "a Private Use Area character"
    return f"'{char}' (U+{ord(char):04X}{', ' + name if name else ''})"


def fix_for(char: str) -> str:
    if any(low <= ord(char) <= high for low, high in PRIVATE_USE):
        return (
            "no standard font has a Private Use Area character (it means something only to "
            "the program that wrote it): replace it with the character it stands for"
        )
    families = installed_families_with(char)
    if families:
        family = families[0]
        return f"the installed font {family!r} has it: add {family!r} to cv_pdf_fonts in conf.py"
    script = script_of(char)
    if script and script.package:
        return (
            f"install the Debian package {script.package} (apt-get install {script.package}) and "
            f"add {script.font!r} to cv_pdf_fonts in conf.py"
        )
    return (
        "install a Debian font package that has it (fonts-noto-core and fonts-noto-extra have "
        "most scripts; `fc-list :charset=" + f"{ord(char):x}` then names the font) and add that "
        "font's family to cv_pdf_fonts in conf.py"
    )


def shown_path(path: Path) -> str:
    try:
        return os.path.relpath(path) if path.resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:
        return str(path)


def places_of(char: str, repo: Path) -> list[tuple[str, str]]:
    """Where `char` is written, as (file:line, what): a BibTeX entry's field, a page, conf.py."""
    places = []
    for bib in sorted(repo.glob("*.bib")):
        entries, _ = bib_check.read(bib)
        for entry in entries:
            for field in entry.fields.values():
                if char in field.value:
                    places.append((f"{shown_path(bib)}:{field.line}", f"{entry.key}: {field.name}"))
    pages = sorted(p for p in (repo / "docs").rglob("*") if p.suffix in (".md", ".rst"))
    for page in [*pages, repo / "conf.py"]:
        if page.is_file():
            for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
                if char in line:
                    places.append((f"{shown_path(page)}:{number}", "the text"))
    return places


def explain_missing_characters(log_problems: list[str], repo: Path) -> str | None:
    """The make-pdf message for the characters no font had, or None if there were none."""
    missing = missing_characters(log_problems)
    if not missing:
        return None
    # One line per place and fix: a name of seven Khmer letters is one problem, not seven.
    nowhere = ("make pdf", "text not written as such in the .bib files, docs/ or conf.py")
    grouped: dict[tuple[tuple[str, str], str], list[str]] = {}
    for char in missing:
        fix = fix_for(char)
        for place in places_of(char, repo) or [nowhere]:
            grouped.setdefault((place, fix), []).append(char)
    lines = []
    for ((location, what), fix), chars in grouped.items():
        shown = ", ".join(describe(char) for char in chars[:3])
        more = f" and {len(chars) - 3} more" if len(chars) > 3 else ""
        fonts = ", ".join(sorted({missing[char] for char in chars}))
        lines.append(
            f"{location}: ERROR: {what} has {shown}{more}, which no font of the PDF has "
            f"(it was set in {fonts}); {fix}."
        )
    return "make pdf: characters that no font of the PDF has:\n  " + "\n  ".join(lines)


def setup(app: Sphinx) -> None:
    app.add_node(script_run, latex=(visit_script_run_latex, depart_script_run_latex))
    app.add_post_transform(WrapScriptRuns)
