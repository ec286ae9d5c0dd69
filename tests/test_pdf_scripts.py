"""The PDF CV prints names and titles in every script, right to left where they read so, and a
character that no font has stops the build with where it is and what to install."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import REPO, build_once

from cvsite.cli import make_pdf
from cvsite.pdf import fonts, pdf_scripts

SCRIPTS_SITE = REPO / "tests" / "roots" / "test-pdf-scripts"


@pytest.fixture(scope="module")
def scripts_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF of a CV with names in many scripts, built as `make pdf` builds it."""

    def build(work: Path) -> dict:
        return {"pdf": str(make_pdf.build(SCRIPTS_SITE, work / "pdf", work))}

    return Path(build_once(tmp_path_factory, "pdf-scripts", build)[1]["pdf"])


def pdftotext(pdf: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def words_with_positions(pdf: Path) -> list[tuple[str, float, float]]:
    """(word, xMin, yMin) of every word pdftotext finds, in its order."""
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', pdftotext(pdf, "-bbox")
    )
    return [(word, float(x), float(y)) for x, y, word in words]


def test_fallback_fonts_are_embedded(scripts_pdf):
    # The build itself fails on any "Missing character" in the log: it passed.
    rows = pdftotext_fonts(scripts_pdf)
    assert any("WenQuanYiZenHei" in row and row.split()[-5] == "yes" for row in rows), rows
    assert any("FreeSerif-" in row and row.split()[-5] == "yes" for row in rows), rows


def pdftotext_fonts(pdf: Path) -> list[str]:
    result = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    return result.stdout.splitlines()[2:]


@pytest.mark.parametrize(
    "name",
    [
        "Zoë Ünlü-Łukasiewicz",  # accented Latin
        "Ελένη Παπαδοπούλου",  # Greek
        "Иван Петров",  # Cyrillic
        "张伟",  # Chinese, simplified
        "張偉",  # Chinese, traditional
        "山田はなこ",  # Japanese, kanji and kana
        "김민준",  # Korean Hangul
        "राम कुमार",  # Devanagari
        "สมชาย ใจดี",  # Thai
        "大规模深度学习的高效训练",  # a Chinese title, in bold
        "东方示例大学",  # a cv-entry's institution (an option, not page text)
        "서울",  # a cv-entry's place
    ],
)
def test_each_name_is_in_the_text(scripts_pdf, name):
    assert name in " ".join(pdftotext(scripts_pdf).split())


def test_devanagari_is_shaped_as_devanagari(scripts_pdf):
    # Shaped, the vowel sign ि of क्षितिज is drawn before its consonants, so the text read back
    # in drawing order has it first; set as Latin it would follow them, as typed.
    text = pdftotext(scripts_pdf)
    assert "िक्षितज" in text
    assert "क्षितिज" not in text


def test_arabic_letters_are_joined(scripts_pdf):
    # Joined letters are drawn with their initial, medial and final forms, which read back as
    # Arabic presentation forms; unjoined letters would read back as the plain letters.
    arabic = [
        word
        for word, _, _ in words_with_positions(scripts_pdf)
        if re.search("[\ufe70-\ufefc]", word)
    ]
    assert arabic
    assert all(not re.search("[\u0621-\u064a]", word) for word in arabic)


def logical(word: str) -> str:
    """A right-to-left word as typed: pdftotext gives its letters in drawing order."""
    return unicodedata.normalize("NFKC", word.strip(".,"))[::-1]


@pytest.mark.parametrize("first, second", [("محمد", "علي"), ("דוד", "כהן")])
def test_right_to_left_names_read_right_to_left(scripts_pdf, first, second):
    words = words_with_positions(scripts_pdf)
    pairs = [
        {logical(w1): x1, logical(w2): x2}
        for (w1, x1, y1), (w2, x2, y2) in itertools.pairwise(words)
        if y1 == y2 and {logical(w1), logical(w2)} == {first, second}
    ]
    assert len(pairs) == 2, [word for word, _, _ in words]  # on the page and in the list
    for x in pairs:
        assert x[first] > x[second]  # the name's first word is on the right


def test_pure_latin_text_is_left_as_it_is():
    chain = pdf_scripts.FontChain(fonts.DEFAULT_FONTS)
    text = "Zoë Ångström – Łukasz Wróbel, Ελένη and Иван (2023)"
    assert chain.runs(text) == [(text, None)]


def test_the_reference_cv_has_no_font_switch(pdf):
    tex = next((pdf.parent.parent / "latex").glob("*.tex")).read_text(encoding="utf-8")
    assert not re.search(r"\\cvsite(script|fallback|rtl)\b", tex)


def test_a_name_in_the_header_switches_font():
    latex = pdf_scripts.latex_text("张伟 Zhang", fonts.DEFAULT_FONTS, str)
    assert latex == r"\cvsitescript{WenQuanYi Zen Hei}{}{张伟} Zhang"


def test_a_right_to_left_run_keeps_its_spaces():
    runs = pdf_scripts.FontChain(fonts.DEFAULT_FONTS).runs("and محمد علي.")
    assert [piece for piece, _ in runs] == ["and ", "محمد علي", "."]
    assert runs[1][1].rtl and runs[1][1].features == "Script=Arabic"


@pytest.mark.parametrize(
    "line",
    [
        "Missing character: There is no ស (U+179F) in font [FreeSerif.otf]/OT:script=lat",
        'Missing character: There is no ស ("179F) in font FreeSerif!',
    ],
)
def test_both_forms_of_the_log_line_give_the_character_and_font(line):
    assert fonts.missing_characters([line]) == {"ស": "FreeSerif"}


def test_a_character_in_no_font_names_the_entry_the_character_and_the_package(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(SCRIPTS_SITE, site)
    with (site / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write(
            "\n@misc{sok2022private,\n  title  = {A Private Character \ue000 in a Title},\n"
            "  author = {សុខ ចាន់ and Ada Lovelace},\n  year   = {2022},\n}\n"
        )
    result = subprocess.run(
        [sys.executable, "-m", "cvsite.cli.make_pdf", str(tmp_path / "out")],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line.strip() for line in result.stderr.splitlines()]
    bib_lines = (site / "refs.bib").read_text(encoding="utf-8").splitlines()
    title_line = 1 + next(i for i, line in enumerate(bib_lines) if "A Private Character" in line)
    # A Private Use Area character is no font's: left out of the PDF, with a note, not a stop.
    output = result.stdout + result.stderr
    assert f"refs.bib:{title_line}: NOTE: sok2022private: title holds U+E000" in output
    assert "replace it with the character it stands for" in output
    assert not [line for line in lines if "ERROR" in line and "U+E000" in line]
    author = next(line for line in lines if "U+1781, KHMER LETTER KHA" in line)
    assert author.startswith(f"refs.bib:{title_line + 1}: ERROR: sok2022private: author has ")
    installed = fonts.installed_families_with("ខ")
    if installed:  # a machine with a Khmer font: the fix is to name it
        assert f"add {installed[0]!r} to cv_pdf_fonts" in author
    else:
        assert "install the Debian package fonts-noto-core" in author
        assert "add 'Noto Serif Khmer' to cv_pdf_fonts in conf.py" in author
    assert not (tmp_path / "out").exists()


def test_a_missing_character_is_found_in_the_builds_bib_files_and_any_page(tmp_path):
    """make pdf's message names where a character is written: in the .bib files conf.py names
    (a Path too, in bibtex_encoding), and on a page not in UTF-8 without stopping at it."""
    (tmp_path / "conf.py").write_text(
        'from pathlib import Path\nbibtex_bibfiles = [Path("bib/pubs.bib")]\n'
        'bibtex_encoding = "latin-1"\n',
        encoding="utf-8",
    )
    (tmp_path / "bib").mkdir()
    (tmp_path / "bib" / "pubs.bib").write_bytes(
        "@misc{smith2020,\n  title = {Caf\u00e9 \u00a4},\n}\n".encode("latin-1")
    )
    (tmp_path / "refs.bib").write_text("@misc{other,\n  title = {\u00a4},\n}\n", "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_bytes("# Caf\u00e9\n\n\u00a4\n".encode("latin-1"))
    places = fonts.places_of("\u00a4", tmp_path)
    assert [what for _, what in places] == ["smith2020: title"]
    assert places[0][0].endswith("bib/pubs.bib:2")
