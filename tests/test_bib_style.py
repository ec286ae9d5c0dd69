"""The publication style, on a tiny project whose refs.bib exercises every rule."""

from __future__ import annotations

import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import text_of
from docutils.nodes import make_id
from pybtex.plugin import register_plugin
from pybtex.style.formatting.unsrt import Style as UnsortedStyle

from cvsite.rendering.bib_style import STYLE_NAME


def build(app) -> BeautifulSoup:
    app.build()
    assert app.warning.getvalue() == ""
    return BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")


def items(soup, kind):
    return soup.select(f".cv-publications-{kind} ol > li")


@pytest.mark.sphinx("html", testroot="bib-style")
def test_each_entry_in_exactly_one_list_newest_first(app):
    soup = build(app)
    ids = {
        kind: [li["id"] for li in items(soup, kind)]
        for kind in ("peer-reviewed", "preprints", "other")
    }
    # Year descending; notes1843 before engine1843 because refs.bib has it first.
    assert ids == {
        "peer-reviewed": ["later1850", "notes1843", "engine1843", "connexion1834"],
        "preprints": ["sketch"],
        "other": ["thesis1840"],
    }
    for kind in ids:
        assert soup.select_one(f".cv-publications-{kind} ol")["start"] == "1"


@pytest.mark.sphinx("html", testroot="bib-style")
def test_title_as_written_with_latex_decoded(app):
    soup = build(app)
    titles = {li["id"]: text_of(li.select_one(".cv-pub-title")) for li in soup.select("li[id]")}
    assert titles["notes1843"] == "Notes on the Analytical Engine – Sketch & Commentary"
    assert titles["engine1843"] == "Über die Differenzmaschine: CPU Design for Ménabrea"


@pytest.mark.sphinx("html", testroot="bib-style")
def test_owner_and_variants_in_bold_et_al_and_equal_marks(app):
    soup = build(app)
    engine = soup.select_one("#engine1843")
    assert "Charles Babbage*, A. Lovelace*, et al. PRS 1843." in text_of(engine)  # one period
    assert [text_of(b) for b in engine.find_all("strong")] == ["A. Lovelace*", "PRS 1843"]
    notes = soup.select_one("#notes1843")
    assert text_of(notes.find("strong")) == "Ada Lovelace"
    assert soup.select_one("#connexion1834").find("strong", string="Ada Lovelace") is None


@pytest.mark.sphinx("html", testroot="bib-style")
def test_legend_once_per_list_with_a_mark(app):
    soup = build(app)
    assert len(soup.select(".cv-publications-peer-reviewed .cv-legend")) == 1
    assert text_of(soup.select_one(".cv-legend")) == "* denotes equal contribution."
    assert soup.select(".cv-publications-preprints .cv-legend") == []


@pytest.mark.sphinx("html", testroot="bib-style")
def test_venue_award_and_only_the_links_the_data_holds(app):
    soup = build(app)

    def links(key):
        return [(text_of(a), a["href"]) for a in soup.select(f"#{key} p > a")]

    assert links("notes1843") == [
        ("DOI", "https://doi.org/10.1000/notes"),
        ("URL", "https://example.org/notes"),
        ("PDF", "https://example.org/notes.pdf"),
        ("Code", "https://example.org/notes-code"),
        ("Slides", "https://example.org/notes-slides.pdf"),  # al-folio's names
        ("Poster", "https://example.org/notes-poster.pdf"),
        ("Video", "https://example.org/notes-talk"),
    ]
    assert text_of(soup.select_one("#notes1843 .cv-award")) == "Best Paper Award"
    assert "Scientific Memoirs 1843" in text_of(soup.select_one("#notes1843 strong:last-of-type"))
    assert links("engine1843") == [("arXiv", "https://arxiv.org/abs/1843.00001")]
    assert links("sketch") == [("arXiv:1842.00002", "https://arxiv.org/abs/1842.00002")]
    assert links("connexion1834") == [] and links("thesis1840") == []
    assert soup.select("#connexion1834 .cv-award") == []


@pytest.mark.sphinx("latex", testroot="bib-style")
def test_latex_has_the_same_marks_and_awards(app):
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\DUrole{cv-award}{Best Paper Award}" in tex
    assert r"\sphinxstylestrong{A. Lovelace\DUrole{cv-equal}{*}}" in tex
    assert "* denotes equal contribution." in tex
    assert r"\sphinxhref{https://arxiv.org/abs/1842.00002}{arXiv:1842.00002}" in tex


@pytest.mark.sphinx("html", testroot="bib-exports")
def test_exports_of_other_tools_build_and_show_every_entry(app):
    soup = build(app)
    shown = [li["id"] for li in soup.select(".cv-publications li[id]")]
    # Anchors are the keys as docutils writes ids: lower case, "_" as "-".
    assert sorted(shown) == sorted(
        make_id(key)
        for key in [
            "lovelace_engines_2019", "somerville_connexion_2020", "Lovelace2021", "Lovelace2022",
            "lovelace2023sketch", "lovelace2018bernoulli", "lovelace2024note",
            "lovelace2025online", "lovelace2025journal",
        ]
    )  # fmt: skip
    assert len(set(shown)) == len(shown)

    def text(key):
        return text_of(soup.select_one(f"#{make_id(key)}"))

    assert "Proceedings of the Royal Society 2021" in text("Lovelace2021")  # an @String macro
    assert "NeurEng 2024" in text("lovelace2024note")  # al-folio's abbr
    assert "Journal of Engines 2025" in text("lovelace2025journal")  # biblatex's date
    assert "Augustus De Morgan" in text("Lovelace2021")
    # al-folio's relative pdf path would be a broken link here, so it is not linked.
    assert soup.select("#lovelace2024note p > a") == []
    assert [a["href"] for a in soup.select("#lovelace2025online p > a")] == [
        "https://arxiv.org/abs/2505.00005"
    ]


@pytest.mark.sphinx("html", testroot="bib-style")
def test_our_style_wins_over_an_earlier_plugin_of_the_same_name(make_app, app_params):
    # Another package that registered a style named "cvsite" first must not shadow ours.
    register_plugin("pybtex.style.formatting", STYLE_NAME, UnsortedStyle, force=True)
    args, kwargs = app_params
    app = make_app(*args, **kwargs)
    soup = build(app)
    assert text_of(soup.select_one("#notes1843 .cv-award")) == "Best Paper Award"


# A process's first formatting of a title with math: nothing has imported latexcodec yet, so the
# "ulatex" codec name is not registered (the PDF build's process met exactly this).
FIRST_THING_IN_A_FRESH_PROCESS = r"""
from pybtex.database import Entry
from cvsite.publications.owner_names import OwnerNames
from cvsite.rendering import bib_style
bib_style.register(OwnerNames("Tobiah Halloran"))
entry = Entry("article", fields={"title": r"On $\alpha$-Looms", "journal": "J", "year": "2030"})
entry.key = "halloran2030"
print(bib_style.CVStyle().format_text(entry).render_as("text"))
"""


def test_math_in_a_title_is_formatted_first_thing_in_a_fresh_process():
    result = subprocess.run(
        [sys.executable, "-c", FIRST_THING_IN_A_FRESH_PROCESS],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "On \u03b1-Looms J 2030."
