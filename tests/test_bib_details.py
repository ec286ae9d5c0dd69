"""Volumes, issues, pages, editors, editions, publishers, theses and reports, in the lists, a
paper's page and the LaTeX of the PDF (tests/roots/test-bib-details: one build of each)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, build_in_process, text_of
from sphinx.testing.util import SphinxTestApp

ROOT = REPO / "tests" / "roots" / "test-bib-details"

# Each entry as the list shows it after its title: one style for every type (README,
# "The lists"); venue and year in bold, one run when they are all there is.
SHOWN = {
    "halloran2024looms": "Tobiah Halloran, Mirela Vostokova. Journal of Invented Looms, "
    "vol. 12, no. 3, pp. 45\u201367, 2024.",  # a journal's publisher is not shown
    "halloran2023note": "Tobiah Halloran. Letters on Looms, vol. 4, p. 7, 2023.",
    "halloran2022engines": "Mirela Vostokova, Tobiah Halloran. In Quillon Marsh, Tobiah "
    "Halloran (eds.), WIE, vol. 202, pp. 1\u201310, Example Press, 2022.",
    "halloran2021chapter": "Tobiah Halloran. In Quillon Marsh (ed.), Handbook of Fictional "
    "Fabrics, 2nd edition, pp. 101\u2013120, Example Press, 2021.",
    "halloran2020edited": "Tobiah Halloran, Mirela Vostokova (eds.). Example Press, second "
    "edition, 2020.",  # the publisher is the venue: shown once
    "halloran2015plain": "Tobiah Halloran. WIE 2015.",
    "halloran2019thesis": "Tobiah Halloran. Ph.D. thesis, University of Nowhere, 2019.",
    "halloran2018habilitation": "Tobiah Halloran. Habilitation thesis, University of Nowhere, "
    "2018.",
    "halloran2017report": "Tobiah Halloran. Technical Report TR-42, Fictional Institute of "
    "Weaving, 2017.",
    "halloran2016masters": "Tobiah Halloran. Master's thesis, University of Nowhere, 2016.",
    "halloran2014working": "Tobiah Halloran. Working Paper 7, Fictional Institute of Weaving, "
    "2014.",
}


def project(folder: Path) -> Path:
    source = folder / "src"
    shutil.copytree(ROOT, source)
    return source


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bib-details")
    result = build_in_process(project(folder), folder / "out")
    assert result.returncode == 0, result.stderr
    return result.html


@pytest.fixture(scope="module")
def tex(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("bib-details-latex")
    app = SphinxTestApp(
        "latex", srcdir=project(folder), builddir=folder / "out", status=io.StringIO(),
        warning=io.StringIO(),
    )  # fmt: skip
    try:
        app.build()
        assert app.warning.getvalue() == ""
        return (app.outdir / "pubs.tex").read_text(encoding="utf-8")
    finally:
        app.cleanup()


def page(html: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((html / name).read_text(encoding="utf-8"), "html.parser")


def after_title(reference) -> str:
    title = text_of(reference.select_one(".cv-pub-title"))
    return text_of(reference).removeprefix(title).strip()


def test_each_list_entry_shows_its_details_in_one_style(built):
    index = page(built, "index.html")
    shown = {li["id"]: after_title(li.p) for li in index.select(".cv-publications li[id]")}
    assert shown == SHOWN


def test_venue_and_year_are_bold_spans_of_their_own(built):
    index = page(built, "index.html")
    looms = index.select_one("#halloran2024looms p")
    assert [text_of(s) for s in looms.select("strong > .cv-venue")] == ["Journal of Invented Looms"]
    assert [text_of(s) for s in looms.select("strong > .cv-year")] == ["2024"]
    bold = [text_of(strong) for strong in looms.find_all("strong")]
    assert bold == ["Tobiah Halloran", "Journal of Invented Looms", "2024"]  # details are not
    # With nothing between them, venue and year are one bold run, as the CV writes "WIE 2015".
    plain = index.select_one("#halloran2015plain p")
    assert [text_of(strong) for strong in plain.find_all("strong")][-1] == "WIE 2015"
    assert text_of(plain.select_one("strong .cv-venue")) == "WIE"
    assert text_of(plain.select_one("strong .cv-year")) == "2015"


def test_the_owner_is_bold_among_the_editors_too(built):
    engines = page(built, "index.html").select_one("#halloran2022engines p")
    bold = [text_of(strong) for strong in engines.find_all("strong")]
    assert bold == ["Tobiah Halloran", "Tobiah Halloran", "WIE", "2022"]


def test_a_paper_page_shows_the_entry_with_its_details(built):
    paper = page(built, "publications/halloran2021chapter.html")
    assert after_title(paper.select_one(".cv-paper > p")) == SHOWN["halloran2021chapter"]


def test_the_pdf_shows_the_same_details_with_venue_and_year_set_apart(tex):
    # A no-break space after "vol.": Sphinx's LaTeX makes it a plain word space (no sentence's).
    assert (
        r"\sphinxstylestrong{\DUrole{cv-venue}{Journal of Invented Looms}}, "
        "vol.\u00a012, no.\u00a03, pp.\u00a045\u201367, "
        r"\sphinxstylestrong{\DUrole{cv-year}{2024}}"
    ) in tex
    assert r"In Quillon Marsh (ed.), \sphinxstylestrong{\DUrole{cv-venue}{Handbook" in tex
    assert r"Ph.D. thesis, \sphinxstylestrong{\DUrole{cv-venue}{University of Nowhere}}, " in tex
    assert r"Technical Report TR\sphinxhyphen{}42, " in tex
