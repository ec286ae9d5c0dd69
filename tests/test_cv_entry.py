"""The cv-entry directive: one node, rendered as HTML and as LaTeX."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import text_of


@pytest.mark.sphinx("html", testroot="cv-entry")
def test_html_puts_each_field_in_its_grid_cell(app):
    app.build()
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    first, second = soup.select(".cv-entry")
    head = first.select_one(".cv-entry-head")
    # The institution is a heading one level below the section that holds it.
    assert (
        head.select_one("h2.cv-entry-institution").get_text() == "Analytical Engine Society & Co."
    )
    assert text_of(head.select_one(".cv-entry-dates")) == "1842 – 1843"
    assert text_of(head.select_one(".cv-entry-role")) == "Programmer"
    assert text_of(head.select_one(".cv-entry-place")) == "London"
    assert [text_of(li) for li in first.select("ul > li")] == ["Wrote the first program."]
    # Under a level-2 section the heading is h3; optional fields that are absent render nothing.
    assert second.select_one("h3.cv-entry-institution") is not None
    assert (
        second.select_one(".cv-entry-role") is None and second.select_one(".cv-entry-place") is None
    )


@pytest.mark.sphinx("latex", testroot="cv-entry")
def test_latex_uses_the_cvsiteentry_environment(app):
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert (
        r"\begin{cvsiteentry}{Analytical Engine Society \& Co.}{Programmer}"
        r"{1842 – 1843}{London}" in tex
    )
    assert r"\begin{cvsiteentry}{Royal Society}{}{1850 – Present}{}" in tex
    assert tex.count(r"\end{cvsiteentry}") == 2


@pytest.mark.sphinx("html", testroot="cv-entry-missing-option")
def test_a_missing_required_option_names_file_line_and_fix(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "index.md:9: ERROR: cv-entry is missing 1 required option: institution" in warnings
    assert '":institution: National University of Singapore"' in warnings


@pytest.mark.sphinx("html", testroot="cv-entry-nested")
def test_an_entry_without_its_closing_fence_is_named_and_the_next_entries_still_follow_it(app):
    app.build()
    warnings = app.warning.getvalue()
    # The first two entries (lines 9 and 15) lack their `:::`: MyST nests each next entry.
    assert (
        "index.md:15: WARNING: this cv-entry is inside the cv-entry of line 9, which lacks its "
        "closing ':::'; add a line ':::' at the end of that entry, before this one" in warnings
    )
    assert "index.md:21: WARNING: this cv-entry is inside the cv-entry of line 15," in warnings
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    entries = soup.select(".cv-entry")
    assert [text_of(e.select_one(".cv-entry-institution")) for e in entries] == [
        "Analytical Engine Society",
        "Royal Society",
        "Royal Institution",
    ]
    assert not soup.select(".cv-entry .cv-entry")  # shown one after another, as meant
