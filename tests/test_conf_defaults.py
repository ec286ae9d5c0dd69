"""`extensions = ["cvsite"]` alone builds a site; every setting a site gives itself wins.

The engine's settings are defaults (cvsite/config/defaults.py, cvsite/web/site_theme.py): a
conf.py written the long way (tests/roots/test-long-conf, this repository's conf.py before
the change) builds to the same pages as the short form, and a theme option that a default would
hide (an edit button, a secondary sidebar, prev/next links, navbar and footer items) shows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, build_in_process
from test_bad_input import ANSI_ESCAPE

LONG_CONF = REPO / "tests" / "roots" / "test-long-conf"
# The sources' date, whose year the footer gives (cvsite/config/source_date.py): 2026-05-28.
IN_2026 = {**os.environ, "SOURCE_DATE_EPOCH": "1780000000"}


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
         "-d", str(project / "doctrees"), str(project), str(project / "out")],
        capture_output=True, text=True, check=False, env=IN_2026,
    )  # fmt: skip


def short_form(conf: str) -> str:
    """The long conf.py's own settings (cv_*), with `extensions = ["cvsite"]` for the rest."""
    own = [line for line in conf.splitlines() if line.startswith("cv_")]
    return "\n".join([*own, 'extensions = ["cvsite"]']) + "\n"


def project_with(tmp_path: Path, name: str, conf: str | None = None) -> Path:
    project = tmp_path / name
    shutil.copytree(LONG_CONF, project)
    if conf is not None:
        (project / "conf.py").write_text(conf, encoding="utf-8")
    return project


def page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_long_conf_builds_without_a_warning_to_the_pages_of_the_short_one(tmp_path):
    long_form = project_with(tmp_path, "long")
    conf = (long_form / "conf.py").read_text(encoding="utf-8")
    assert '"myst_parser",' in conf and 'html_theme = "pydata_sphinx_theme"' in conf
    short = project_with(tmp_path, "short", short_form(conf))
    for project in (long_form, short):
        result = build(project)
        assert result.returncode == 0, result.stderr
        assert ANSI_ESCAPE.sub("", result.stderr).strip() == ""
    for name in ("index.html", "search.html", "sitemap.xml"):
        assert (long_form / "out" / name).read_text(encoding="utf-8") == (
            short / "out" / name
        ).read_text(encoding="utf-8"), name
    index = page(short / "out" / "index.html")
    assert index.title.get_text().strip() == "Ida Quill — Ida Quill"  # page — html_title
    assert index.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    assert index.find("link", rel="icon")["href"] == "_static/favicon.svg"
    assert "© Copyright 2026, Ida Quill." in index.select_one(".copyright").get_text()
    assert not list((short / "out" / "_sources").iterdir())  # html_copy_source = False
    assert not (short / "out" / "genindex.html").exists()  # html_use_index = False


def test_a_setting_given_with_sphinx_s_own_default_value_still_wins(tmp_path):
    """`html_copy_source = True` is Sphinx's default: given in conf.py, it is still the site's."""
    conf = short_form((LONG_CONF / "conf.py").read_text(encoding="utf-8"))
    extra = 'html_copy_source = True\nhtml_title = "Ida Quill, the CV"\nproject = "Quill"\n'
    project = project_with(tmp_path, "given", conf + extra)
    result = build_in_process(project, project / "_build")
    assert result.returncode == 0, result.stderr
    assert (result.html / "_sources" / "index.md.txt").is_file()
    index = page(result.html / "index.html")
    assert index.title.get_text().strip() == "Ida Quill — Ida Quill, the CV"


@pytest.mark.sphinx(
    "html",
    testroot="theme-options",
    srcdir="theme-options-0",
    confoverrides={"html_copy_source": True},
)
def test_a_setting_given_on_the_command_line_wins(app):
    built(app)
    assert (Path(app.outdir) / "_sources" / "index.md.txt").is_file()


def test_without_refs_bib_or_bibtex_bibfiles_the_build_names_the_setting(tmp_path):
    conf = short_form((LONG_CONF / "conf.py").read_text(encoding="utf-8"))
    project = project_with(tmp_path, "no-bib", conf)
    (project / "refs.bib").unlink()
    (project / "index.md").write_text("# Ida Quill\n", encoding="utf-8")
    result = build_in_process(project, project / "_build")
    assert result.returncode == 2  # a Sphinx error: sphinx-build's status for it
    assert "bibtex_bibfiles is missing" in result.stderr


def built(app) -> BeautifulSoup:
    """The home page, built with no warning."""
    app.build()
    warnings = ANSI_ESCAPE.sub("", app.warning.getvalue()).splitlines()
    assert [line for line in warnings if line.strip()] == []
    return page(Path(app.outdir) / "index.html")


EDIT_CONTEXT = {
    "github_user": "ida-quill",
    "github_repo": "site",
    "github_version": "main",
    "doc_path": "docs",
}


@pytest.mark.sphinx(
    "html",
    testroot="theme-options",
    srcdir="theme-options-1",
    confoverrides={
        "html_theme_options": {"use_edit_page_button": True},
        "html_context": EDIT_CONTEXT,
    },
)
def test_an_edit_button_the_site_asks_for_shows(app):
    link = built(app).select_one(".editthispage a")
    assert link["href"] == "https://github.com/ida-quill/site/edit/main/docs/index.md"


@pytest.mark.sphinx(
    "html",
    testroot="theme-options",
    srcdir="theme-options-2",
    confoverrides={"html_theme_options": {"secondary_sidebar_items": ["page-toc"]}},
)
def test_a_secondary_sidebar_the_site_asks_for_shows(app):
    toc = built(app).select_one(".bd-sidebar-secondary nav.page-toc")
    assert [link.get_text().strip() for link in toc.select("a")] == ["Research", "Teaching"]


@pytest.mark.sphinx(
    "html",
    testroot="theme-options",
    srcdir="theme-options-3",
    confoverrides={"html_theme_options": {"show_prev_next": True}},
)
def test_prev_next_links_the_site_asks_for_show(app):
    link = built(app).select_one(".prev-next-area a.right-next")
    assert link["href"] == "talks.html"


@pytest.mark.sphinx(
    "html",
    testroot="theme-options",
    srcdir="theme-options-4",
    confoverrides={
        "html_theme_options": {
            "navbar_end": ["theme-switcher"],
            "footer_center": ["sphinx-version"],
            "footer_end": ["theme-version"],
        }
    },
)
def test_navbar_and_footer_items_the_site_gives_replace_the_engine_s(app):
    index = built(app)
    assert index.select(".navbar-header-items__end .theme-switch-button")
    assert not index.select(".navbar-header-items__end .navbar-icon-links")
    assert "Sphinx" in index.select_one(".footer-items__center .sphinx-version").get_text()
    assert "PyData Sphinx Theme" in index.select_one(".footer-items__end .theme-version").get_text()


@pytest.mark.sphinx("html", testroot="theme-options", srcdir="theme-options-5")
def test_the_engine_s_defaults_hide_the_sidebar_prev_next_and_edit_button(app):
    index = built(app)
    assert not index.select(".bd-sidebar-secondary nav.page-toc")
    assert not index.select(".prev-next-area a") and not index.select(".editthispage")
    assert index.select(".navbar-header-items__end .navbar-icon-links")


@pytest.mark.sphinx(
    "html",
    testroot="theme-options",
    srcdir="theme-options-edit-nowhere",
    confoverrides={
        "html_theme_options": {"use_edit_page_button": True, "secondary_sidebar_items": []},
        "html_context": EDIT_CONTEXT,
    },
)
def test_an_edit_button_that_no_template_list_places_is_named_not_dropped(app):
    app.build()
    warnings = ANSI_ESCAPE.sub("", app.warning.getvalue())
    assert (
        "WARNING: html_theme_options: use_edit_page_button is True, but no template list "
        'places the button, so no page would show it; add "edit-this-page" to '
        "secondary_sidebar_items or article_footer_items"
    ) in warnings
    assert "[cvsite.theme]" in warnings


def meta_descriptions(path: Path) -> list[str]:
    return [meta["content"] for meta in page(path).find_all("meta", attrs={"name": "description"})]


@pytest.mark.sphinx("html", testroot="ogp-description")
def test_opengraph_s_meta_description_the_site_asks_for_describes_the_pages_without_one(app):
    """`ogp_enable_meta_description = True` in conf.py: a page that gives no description gets
    sphinxext-opengraph's (its text), a page or paper page that gives one keeps it, once."""
    built(app)
    out = Path(app.outdir)
    assert meta_descriptions(out / "talks.html") == [
        "Invited talks on quill pens and their ink, from 2019 to this day."
    ]
    assert meta_descriptions(out / "index.html") == ["Ida Quill's papers and talks."]
    [paper] = (out / "publications").glob("*.html")
    [description] = meta_descriptions(paper)
    assert "Ink That Dries Slowly" in description and "CVSITE" not in description


@pytest.mark.sphinx(
    "html",
    testroot="theme-options",
    srcdir="theme-options-sidebars",
    confoverrides={"html_sidebars": {"talk*": ["sidebar-nav-bs.html"]}},
)
def test_a_sidebar_the_site_gives_some_pages_shows_there_and_nowhere_else(app):
    """The engine's "no primary sidebar" holds on every page no pattern of the site's matches;
    a catch-all pattern of its own would match the site's pages twice (a warning)."""
    index = built(app)
    talks = page(Path(app.outdir) / "talks.html")
    assert talks.select(".bd-sidebar-primary nav.bd-docs-nav")
    assert not index.select(".bd-sidebar-primary nav.bd-docs-nav")
    assert "hide-on-wide" in index.select_one(".bd-sidebar-primary")["class"]


@pytest.mark.sphinx(
    "html",
    testroot="theme-options",
    srcdir="theme-options-baseurl",
    confoverrides={"html_baseurl": "https://ida.example.net/"},
)
def test_the_site_s_own_base_url_wins_over_read_the_docs_canonical_url(
    app_params, make_app, monkeypatch
):
    monkeypatch.setenv("READTHEDOCS_CANONICAL_URL", "https://ida.readthedocs.io/en/latest/")
    args, kwargs = app_params
    index = built(make_app(*args, **kwargs))
    assert index.find("link", rel="canonical")["href"] == "https://ida.example.net/index.html"
    assert index.find("meta", property="og:url")["content"] == "https://ida.example.net/index.html"
