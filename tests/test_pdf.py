"""The PDF CV: reads like the CV, fits two A4 pages, is searchable, linked and reproducible."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import cv_facts
import pytest
from conftest import REPO, sphinx_build
from pypdf import PdfReader

from cvsite import make_pdf

CV = cv_facts.load()


def pdftotext(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def test_name_and_at_most_two_a4_pages(pdf):
    assert pdf.name == "zangwei-zheng-cv.pdf"
    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points


def test_metadata(pdf):
    meta = PdfReader(pdf).metadata
    assert meta.title == "Zangwei Zheng: Curriculum Vitae"
    assert meta.author == "Zangwei Zheng"
    assert meta.subject == "Curriculum Vitae"
    assert meta["/Keywords"] == "Efficient Machine Learning, Large-scale Deep Learning Optimization"


def test_every_font_is_embedded(pdf):
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    fonts = rows.stdout.splitlines()[2:]
    assert fonts, rows.stdout
    for row in fonts:
        # Columns: name, type, encoding, emb, sub, uni, object ID
        emb = row.split()[-5]
        assert emb == "yes", row


def test_no_title_page_contents_or_chapter_numbers(pdf):
    text = pdftotext(pdf)
    assert text.startswith(f"{CV.name} {CV.email} · {CV.homepage}")
    assert "Contents" not in text and "Index" not in text
    assert not re.search(r"\b1(\.\d)? Education", text)


def entry_facts(section: str) -> list[str]:
    facts = []
    for entry in CV.entries[section]:
        facts += [entry.institution, entry.dates, entry.role, entry.place, *entry.bullets]
    return facts


def test_facts_in_the_cvs_order(pdf):
    facts = [
        CV.name,
        "Education",
        *entry_facts("EDUCATION"),
        "Research interests",
        *(interest[:40] for interest in CV.interests),
        "Research experience",
        *entry_facts("ACADEMIC RESEARCH EXPERIENCE"),
        "Industry experience",
        *entry_facts("INDUSTRY RESEARCH EXPERIENCE"),
        "Publications",
        *(paper.title for paper in CV.publications),
        "Preprints",
        *(paper.title for paper in CV.preprints),
        "Skills",
        *(", ".join(items) for items in CV.skills.values()),
    ]
    # Headings are set in small capitals, which extract as capitals.
    text = pdftotext(pdf).casefold()
    position = 0
    for fact in facts:
        found = text.find(fact.casefold(), position)
        assert found >= 0, f"{fact!r} is missing, or out of the CV's order"
        position = found


def test_every_arxiv_id_is_a_clickable_link(pdf):
    uris = set()
    for page in PdfReader(pdf).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                uris.add(action["/URI"])
    expected = {f"https://arxiv.org/abs/{paper.arxiv}" for paper in CV.preprints}
    assert expected <= uris
    assert f"mailto:{CV.email}" in uris and "https://zhengzangw.github.io" in uris


def test_two_builds_are_byte_identical(pdf, tmp_path):
    again = make_pdf.build(REPO, tmp_path / "pdf", tmp_path)
    assert again.read_bytes() == pdf.read_bytes()


def test_letter_paper_is_one_setting_away(tmp_path):
    result = sphinx_build("latex", tmp_path, "-D", "cv_pdf_paper=letter")
    assert result.returncode == 0, result.stderr
    tex = (tmp_path / "zangwei-zheng-cv.tex").read_text(encoding="utf-8")
    assert "letterpaper" in tex and "a4paper" not in tex


@pytest.mark.parametrize(
    "line",
    [
        "Missing character: There is no ✉ in font FreeSerif!",
        "LaTeX Warning: Reference `x' on page 1 undefined on input line 3.",
        "! LaTeX Error: File `foo.sty' not found.",
        "LaTeX Warning: There were undefined references.",
    ],
)
def test_log_problems_that_latexmk_lets_pass_fail_the_build(line):
    assert make_pdf.log_problems(f"noise\n{line}\nmore noise\n") == [line]


def test_site_links_the_pdf_from_home_page_and_navbar(site):
    home = site.page("index.html")
    assert home.select_one(".cv-pdf-link a")["href"] == "zangwei-zheng-cv.pdf"
    for page in ("index.html", "skills.html"):
        assert site.page(page).select_one("a.cv-pdf-navbar-link")["href"] == "zangwei-zheng-cv.pdf"
    assert (site.html / "zangwei-zheng-cv.pdf").read_bytes()[:5] == b"%PDF-"
