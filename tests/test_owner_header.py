"""Who the site is about, from conf.py alone (cvsite/rendering/owner_header.py,
config/profiles.py): the home page's title and header, the navbar's icons, the Person's
sameAs and the PDF's header, built once from tests/roots/test-owner-header."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, build_in_process
from sphinx.testing.util import SphinxTestApp

from cvsite.web import icons

ROOT = REPO / "tests" / "roots" / "test-owner-header"
# conf.py's profiles: (URL, accessible name), in its order.
PROFILES = [
    ("https://orcid.example.org/ada", "ORCID"),
    ("https://x.example.org/ada", "X"),
    ("https://notes.example.org/?q=a_b&c=1#top%20", "Notes & Drafts"),
    ("https://code.example.org/ada", "Python"),
]


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> BeautifulSoup:
    out = tmp_path_factory.mktemp("owner-header")
    result = build_in_process(ROOT, out)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((result.html / "index.html").read_text(encoding="utf-8"), "html.parser")
    page.outdir = result.html  # type: ignore[attr-defined]
    return page


def test_the_title_and_header_come_from_the_settings(home):
    assert home.find("h1").find(string=True, recursive=False) == "Ada Lovelace"
    assert home.title.string.startswith("Ada Lovelace")
    header = home.select_one("article .cv-header")
    position = header.select_one(".cv-position")
    # The affiliation, named in the position, is in bold there, not on a line of its own.
    assert position.get_text() == "Analyst of Engines at the Imaginary Society of London"
    assert position.strong.get_text() == "Imaginary Society of London"
    assert header.select_one(".cv-affiliation") is None
    contact = [(a["href"], a.get_text()) for a in header.select(".cv-contact a")]
    assert contact == [
        ("mailto:ada@example.org", "ada@example.org"),
        ("https://ada.example.org/~ada/home/", "ada.example.org/~ada/home"),
    ]
    photo = header.select_one("img.cv-photo")
    assert photo["alt"] == "Photo of Ada Lovelace"
    assert (home.outdir / photo["src"]).is_file()


def test_profiles_on_the_home_page_have_icons_and_names(home):
    links = home.select("article .cv-profiles a")
    assert [(a["href"], a.get_text()) for a in links] == PROFILES
    assert all(a["rel"] == ["me"] for a in links)
    # The icons are decoration beside the visible name.
    classes = [" ".join(a.i["class"]) if a.i else a.img["src"] for a in links]
    assert classes == [
        "fa-brands fa-orcid",
        "fa-brands fa-x-twitter",
        "_static/blog.svg",
        "fa-brands fa-python",
    ]
    assert all(a.i["aria-hidden"] == "true" for a in links if a.i)
    assert [a.img["alt"] for a in links if a.img] == [""]
    assert (home.outdir / "_static/blog.svg").is_file()


def test_navbar_shows_email_homepage_then_profiles_with_accessible_names(home):
    items = home.select_one(".bd-header .navbar-icon-links").select("a")
    names = [(a["href"], a["title"]) for a in items]
    assert names == [
        ("mailto:ada@example.org", "E-mail ada@example.org"),
        ("https://ada.example.org/~ada/home/", "Homepage"),
        *PROFILES,
    ]
    for link in items:  # the name a screen reader reads: hidden text, or the image's alt
        hidden = link.select_one(".visually-hidden")
        assert (hidden.get_text() if hidden else link.img["alt"]) == link["title"]
    # Ours drawn by cvsite.css; Python, which it does not draw, by Font Awesome's own CSS.
    shown = [" ".join(i["class"]) for i in home.select(".bd-header .navbar-icon-links i")]
    assert [icons.is_drawn(classes) for classes in shown] == [True] * 4 + [False]
    theme_css = (home.outdir / "_static/styles/pydata-sphinx-theme.css").read_text("utf-8")
    assert ".fa-python" in theme_css


def test_a_home_page_without_a_description_is_described_by_the_settings(home):
    text = "Ada Lovelace, Analyst of Engines at the Imaginary Society of London"
    assert home.find("meta", attrs={"name": "description"})["content"] == text
    assert home.find("meta", property="og:description")["content"] == text


def test_the_person_is_the_same_as_each_profile(home):
    [script] = home.find_all("script", type="application/ld+json")
    person = json.loads(script.string)
    assert person["sameAs"] == [url for url, _ in PROFILES]
    assert person["jobTitle"] == "Analyst of Engines at the Imaginary Society of London"


@pytest.fixture(scope="module")
def latex(tmp_path_factory):
    out = tmp_path_factory.mktemp("owner-header-latex")
    app = SphinxTestApp("latex", srcdir=ROOT, builddir=out)
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def test_the_pdf_header_has_the_photo_position_contact_and_profiles(latex):
    """TeX's specials escaped, in URLs too (a PDF built from this .tex links each URL as
    conf.py gives it: checked by hand with latexmk and pypdf; test_pdf checks the sites')."""
    tex = (latex.outdir / "ada-lovelace-cv.tex").read_text(encoding="utf-8")
    [header] = re.findall(r"^\\cvsiteheader.*$", tex, re.MULTILINE)
    separator = r"\quad\textperiodcentered\quad "
    assert header == (
        r"\cvsiteheader{\includegraphics[width=2.4cm,height=3cm,keepaspectratio]{photo.png}}"
        r"{Ada Lovelace}{Analyst of Engines at the \textbf{Imaginary Society of London}\par "
        r"\href{mailto:ada@example.org}{ada@example.org}" + separator
        + r"\href{https://ada.example.org/~ada/home/}{ada.example.org/\textasciitilde{}ada/home}"
        r"\par {\small \href{https://orcid.example.org/ada}{ORCID}" + separator
        + r"\href{https://x.example.org/ada}{X}" + separator
        + r"\href{https://notes.example.org/?q=a\_b\&c=1\#top\%20}{Notes \& Drafts}" + separator
        + r"\href{https://code.example.org/ada}{Python}}}"
    )  # fmt: skip
    assert (latex.outdir / "photo.png").is_file()


@pytest.mark.sphinx("latex", testroot="owner-header", confoverrides={"cv_owner": "Grace Hopper"})
def test_a_new_cv_owner_alone_renames_the_site_and_the_pdf(app):
    config = app.config
    assert (config.project, config.author, config.html_title) == ("Grace Hopper",) * 3
    assert re.fullmatch(r"\d{4}, Grace Hopper", config.copyright)  # the sources' year
    assert config.cv_pdf_name == "grace-hopper-cv"
    [(_, target, title, author, _, _)] = config.latex_documents
    assert (target, title, author) == ("grace-hopper-cv.tex", "Grace Hopper: CV", "Grace Hopper")
    assert "{Grace Hopper}" in config.latex_elements["maketitle"]


@pytest.mark.sphinx("html", testroot="owner-header", srcdir="owner-header-unknown-setting")
def test_cv_setting_names_a_setting_it_cannot_print(app):
    (app.srcdir / "index.md").write_text(
        "---\nmyst:\n  html_meta:\n    description: A page.\n---\n\n# {cv-setting}`cv_photo`\n",
        encoding="utf-8",
    )
    app.build()
    assert "index.md:7: ERROR: cv-setting: 'cv_photo' is no setting it prints; write one of " in (
        app.warning.getvalue()
    )
