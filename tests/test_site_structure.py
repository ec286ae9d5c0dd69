"""The built site: pages, navigation, theme settings, a clean build."""

from __future__ import annotations

import ast
import re

from conftest import REPO, text_of

SECTION_PAGES = [
    "education.html",
    "research-interests.html",
    "research-experience.html",
    "industry-experience.html",
    "publications.html",
    "skills.html",
]
ALL_PAGES = ["index.html", *SECTION_PAGES]


def test_build_succeeds_without_warnings(site):
    assert site.returncode == 0, site.log
    assert "WARNING" not in site.log and "ERROR" not in site.log, site.log


def test_every_section_is_in_the_navbar_of_every_page(site):
    for page in ALL_PAGES:
        soup = site.page(page)
        navbar = soup.select_one(".navbar-header-items .navbar-nav")
        assert navbar is not None, page
        targets = {a["href"].split("#")[0] or page for a in navbar.select("a.nav-link")}
        assert targets == set(SECTION_PAGES), (page, targets)
        for target in SECTION_PAGES:
            assert (site.html / target).is_file()


def test_home_page_links_every_section(site):
    links = {a["href"] for a in site.page("index.html").select("article a[href]")}
    assert set(SECTION_PAGES) <= links


def test_every_page_has_its_own_meta_description(site):
    descriptions = []
    for page in ALL_PAGES:
        meta = site.page(page).find("meta", attrs={"name": "description"})
        assert meta is not None and len(meta["content"]) > 40, page
        descriptions.append(meta["content"])
    assert len(set(descriptions)) == len(descriptions)


def test_no_empty_sidebars_and_no_sources(site):
    for page in ALL_PAGES:
        soup = site.page(page)
        # The primary sidebar only exists as the phone menu (hidden on wide screens).
        primary = soup.select_one(".bd-sidebar-primary")
        assert primary is None or "hide-on-wide" in primary["class"], page
        secondary = soup.select_one(".bd-sidebar-secondary")
        assert secondary is None or not text_of(secondary), page
        assert soup.find("a", string=re.compile("Show Source")) is None
    assert not list(site.html.glob("_sources/*"))


def test_contact_icon_links_and_favicon(site):
    soup = site.page("index.html")
    hrefs = {a["href"] for a in soup.select(".navbar-icon-links a")}
    assert hrefs == {"mailto:zangwei@comp.nus.edu.sg", "https://zhengzangw.github.io"}
    icon = soup.find("link", rel="icon")
    assert icon is not None and (site.html / icon["href"]).is_file()


def test_theme_defaults_to_the_readers_light_or_dark_preference(site):
    html = site.page("index.html").find("html")
    assert html["data-theme"] == "auto"
    assert site.page("index.html").select_one(".theme-switch-button") is not None


def test_conf_py_is_declarative():
    tree = ast.parse((REPO / "conf.py").read_text(encoding="utf-8"))
    forbidden = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    assert not [node for node in ast.walk(tree) if isinstance(node, forbidden)]
