"""Light pages through public hooks (cvsite/web/page_weight.py, icons.py,
templates/cvsite-layout.html), and a clear build error wherever the theme no longer matches
what they assume."""

from __future__ import annotations

import re
from pathlib import Path

import pydata_sphinx_theme
import pytest
from bs4 import BeautifulSoup

from cvsite.web import icons, page_weight

THEME_STYLESHEET = "_static/styles/pydata-sphinx-theme.css"
STATIC = Path(icons.__file__).parent / "static"
THEME_TEMPLATES = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"


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
    # Every icon of the page is one that cvsite.css draws, on the theme's own element.
    soup = BeautifulSoup(html, "html.parser")
    shown = [" ".join(icon["class"]) for icon in soup.select('i[class*="fa-"]')]
    assert shown and all(icons.is_drawn(classes) for classes in shown), shown
    assert {"fa-solid fa-envelope fa-lg", "fa-solid fa-magnifying-glass fa-lg"} <= set(shown)
    assert not soup.select('i[class*="fa-"] svg')  # nothing written into the theme's HTML


def drawn_in_stylesheet() -> set[str]:
    css = (STATIC / "cvsite.css").read_text(encoding="utf-8")
    return set(re.findall(r"^\.fa-([\w-]+) \{\n  --cv-icon: url\(", css, re.M))


def test_the_stylesheet_draws_every_icon_of_the_theme_templates():
    """A release of the theme with a new icon in its templates fails here first."""
    assert drawn_in_stylesheet() == icons.DRAWN
    css = (STATIC / "cvsite.css").read_text(encoding="utf-8")
    for name in icons.DRAWN:
        assert f".fa-{name}::before" in css, name
    used = set()
    for template in THEME_TEMPLATES.rglob("*.html"):
        used |= set(icons.FONT_AWESOME_CLASS.findall(template.read_text(encoding="utf-8")))
    modifiers = {"solid", "lg", "custom"}  # a style, a size, and icon_links' own SVG icons
    assert used - modifiers <= icons.DRAWN, used - modifiers - icons.DRAWN


BRAND_ICONS = ["fa-brands fa-github", "fa-brands fa-orcid", "fa-brands fa-google-scholar",
               "fa-brands fa-linkedin", "fa-brands fa-bluesky", "fa-brands fa-mastodon",
               "fa-brands fa-x-twitter", "fa-solid fa-envelope", "fa-brands fa-python"]  # fmt: skip


@pytest.mark.sphinx(
    "html",
    testroot="page-weight",
    srcdir="page-weight-brand-icons",
    confoverrides={
        "html_theme_options": {
            "icon_links": [
                {"name": icon.split("-", 2)[-1], "url": "https://example.org/", "icon": icon}
                for icon in BRAND_ICONS
            ]
        }
    },
)
def test_brand_icons_of_icon_links_are_drawn_by_us_or_by_font_awesome(app):
    """Font Awesome's brand icons, as the theme's documentation shows them for icon_links:
    no edit of the engine, no error. Those of the profile kinds are drawn by cvsite.css; for
    one it does not draw (Python), the theme's stylesheet keeps Font Awesome's rules and
    fonts."""
    app.build()
    assert app.warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    # (The theme writes the links twice: in the header, and in the menu of narrow screens.)
    shown = [" ".join(icon["class"]) for icon in soup.select(".navbar-icon-links i")]
    assert shown[: len(BRAND_ICONS)] == [f"{icon} fa-lg" for icon in BRAND_ICONS]
    assert [icons.is_drawn(icon) for icon in BRAND_ICONS] == [True] * 8 + [False]
    css = (app.outdir / THEME_STYLESHEET).read_text(encoding="utf-8")
    assert ".fa-python" in css
    fonts = re.findall(r"url\((\.\./vendor/fontawesome/webfonts/[\w-]+\.woff2)\)", css)
    assert fonts and all((app.outdir / "_static/styles" / font).is_file() for font in fonts)
    # Still no Font Awesome script, and the theme's own icons are ours.
    assert "fontawesome" not in str(soup.head)
    assert soup.select_one("i.fa-magnifying-glass") is not None


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
        "(pip install -r requirements.txt) or update cvsite/web/page_weight.py."
    ) in app.warning.getvalue()
