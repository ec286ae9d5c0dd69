"""Light pages through public hooks (cvsite/page_weight.py, icons.py, templates/layout.html),
and a clear build error wherever the theme no longer matches what they assume."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from cvsite.web import page_weight

THEME_STYLESHEET = "_static/styles/pydata-sphinx-theme.css"


def head_assets(app, page: str) -> tuple[list[str], list[str]]:
    """(stylesheets, scripts) of a page's <head>, without their ?v= checksums."""
    soup = BeautifulSoup((app.outdir / page).read_text(encoding="utf-8"), "html.parser")
    sheets = [link["href"] for link in soup.head.find_all("link", rel="stylesheet")]
    scripts = [script["src"] for script in soup.head.find_all("script", src=True)]
    for address in sheets:  # Sphinx's own cache-busting, not the theme's generated digest
        assert re.fullmatch(r"[^?]+\?v=[0-9a-f]{8}", address), address
    return [s.split("?")[0] for s in sheets], [s.split("?")[0] for s in scripts]


@pytest.mark.sphinx("html", testroot="page-weight")
def test_pages_link_the_theme_stylesheet_once_and_no_icon_font(app):
    app.build()
    assert app.warning.getvalue() == ""
    sheets, scripts = head_assets(app, "index.html")
    # basic.css directly, not through theme.css's @import; pygments.css only beside code.
    assert sheets == ["_static/basic.css", THEME_STYLESHEET, "_static/cvsite.css"]
    assert head_assets(app, "code.html")[0] == [
        "_static/basic.css",
        THEME_STYLESHEET,
        "_static/pygments.css",
        "_static/cvsite.css",
    ]
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "fontawesome" not in html and "styles/theme.css" not in html
    assert not [s for s in scripts if s.endswith(page_weight.SEARCH_ONLY_SCRIPTS)]
    assert "_static/searchtools.js" in head_assets(app, "search.html")[1]
    css = (app.outdir / THEME_STYLESHEET).read_text(encoding="utf-8")
    assert not page_weight.FONT_AWESOME_FONT.search(css) and ".fa-sun" not in css
    # Every icon of the theme is drawn inline.
    soup = BeautifulSoup(html, "html.parser")
    icons = soup.select('i[class*="fa-"]')
    assert icons and all(icon.find("svg") for icon in icons)


@pytest.mark.sphinx(
    "html",
    testroot="page-weight",
    srcdir="page-weight-unknown-icon",
    confoverrides={
        "html_theme_options": {
            "icon_links": [{"name": "Code", "url": "https://example.org/code", "icon": "fa-code"}]
        }
    },
)
def test_an_icon_without_a_drawing_stops_the_build_with_the_page_and_the_fix(app):
    app.build()
    warnings = app.warning.getvalue()
    assert (
        "ERROR: the icon 'fa-code fa-lg' (on code.html and 2 other pages) has no drawing in "
        "cvsite/icons.py, and Font Awesome is not loaded, so it would show as a blank; add its "
        "SVG to ICONS there, or use one of its icons: magnifying-glass, sun, moon,"
    ) in warnings
    assert warnings.count("ERROR") == 1


@pytest.mark.sphinx("html", testroot="page-weight", srcdir="page-weight-no-stylesheet")
def test_a_theme_without_its_stylesheet_is_a_clear_error(app):
    app.build()
    assert app.warning.getvalue() == ""
    # As if a release of the theme had renamed the file that cvsite links.
    (app.outdir / THEME_STYLESHEET).unlink()
    page_weight.slim_theme_stylesheet(app, None)
    assert (
        "ERROR: the HTML theme 'pydata_sphinx_theme' wrote no _static/styles/"
        "pydata-sphinx-theme.css, so every page would be unstyled; cvsite links that file in "
        "place of the theme's own asset macros; pin the theme of requirements.txt "
        "(pip install -r requirements.txt) or update cvsite/page_weight.py."
    ) in app.warning.getvalue()
