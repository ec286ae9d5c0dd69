"""The fonts of the PDF CV: which script a character is in, which font has it, and what to do
when none has it.

- the tables: `cv_pdf_fonts`' default, the scripts that must switch font (Unicode blocks,
  OpenType tags, direction) and a font and Debian package that has each;
- what the installed fonts cover, read once per family from fontconfig (`fc-match`, `fc-list`);
- `explain_missing_characters`: xelatex's "Missing character" log lines turned into messages
  naming the BibTeX key or page line, the code point and the package to install.

Apart from pdf_scripts.py (the runs of text and their LaTeX), which asks this module which font
has a character: these are facts about fonts and the system, that module is about the document.
"""

from __future__ import annotations

import bisect
import os
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cvsite.publications import bib_check
from cvsite.publications.bib_mends import PRIVATE_USE
from cvsite.publications.owner_notes import read_conf

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


# -- When a character is in no font: the message -------------------------------------------------

# XeTeX writes the code point as (U+5F20) or ("5F20), and cuts long lines of the log.
MISSING = re.compile(
    r'^Missing character: There is no (.+?)(?: \((?:U\+|")([0-9A-Fa-f]+)\))? in font (.*)$'
)


def missing_characters(log_problems: list[str]) -> dict[str, str]:
    """The characters of the log's "Missing character" lines, each with the font it lacked."""
    found: dict[str, str] = {}
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
    # The build's .bib files, read in its encoding (conf.py's bibtex_bibfiles, bibtex_encoding).
    config, _ = read_conf(repo)
    bib_files, encoding = bib_check.bib_files_of(config, repo)
    for bib in bib_files:
        entries, _ = bib_check.read(bib, encoding)
        for entry in entries:
            for field in entry.fields.values():
                if char in field.value:
                    places.append((f"{shown_path(bib)}:{field.line}", f"{entry.key}: {field.name}"))
    pages = sorted(p for p in (repo / "docs").rglob("*") if p.suffix in (".md", ".rst"))
    for page in [*pages, repo / "conf.py"]:
        if page.is_file():
            # A page not in UTF-8 failed the build on its own; its other lines are still read.
            text = page.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), 1):
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
