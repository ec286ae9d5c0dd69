"""sitemap.xml (cvsite/web/sitemap.py): every page, with sphinx-sitemap's settings, after any
build."""

from __future__ import annotations

import subprocess
import sys
from xml.etree import ElementTree

import pytest
from test_bad_input import PYTHON_TRACEBACK

BASE = "https://example.org/ada/en/"  # html_baseurl, then {lang} of sitemap_url_scheme
NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(path) -> list[str]:
    return [loc.text for loc in ElementTree.parse(path).getroot().iter(f"{NAMESPACE}loc")]


@pytest.mark.sphinx("html", testroot="sitemap")
def test_the_sitemap_lists_every_page_but_the_excluded_ones(app):
    app.build()
    assert app.warning.getvalue() == ""
    # search.html and genindex.html are excluded by name, drafts/engine.html by "drafts/*".
    assert (app.outdir / "search.html").is_file() and (app.outdir / "drafts/engine.html").is_file()
    assert sitemap_locations(app.outdir / "sitemap.xml") == [
        BASE + "index.html",
        BASE + "notes.html",
    ]
    robots = (app.outdir / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "Sitemap: https://example.org/ada/sitemap.xml" in robots


@pytest.mark.sphinx(
    "dirhtml",
    testroot="sitemap",
    confoverrides={"sitemap_excludes": ["search/", "genindex/", "drafts/*"]},
)
def test_the_sitemap_of_a_dirhtml_build_links_folders(app):
    # The excludes match the links as this builder writes them.
    app.build()
    assert sitemap_locations(app.outdir / "sitemap.xml") == [BASE, BASE + "notes/"]


@pytest.mark.sphinx("html", testroot="sitemap", srcdir="sitemap-incremental")
def test_a_build_that_writes_one_page_keeps_the_sitemap_whole_and_untouched(make_app, app_params):
    args, kwargs = app_params
    first = make_app(*args, **kwargs)
    first.build()
    sitemap = first.outdir / "sitemap.xml"
    full, written = sitemap.read_text(encoding="utf-8"), sitemap.stat().st_mtime_ns
    draft = first.outdir / "drafts" / "engine.html"
    draft_written = draft.stat().st_mtime_ns
    notes = first.srcdir / "notes.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    second = make_app(*args, **kwargs)
    second.build()
    assert "One more line." in (second.outdir / "notes.html").read_text(encoding="utf-8")
    assert draft.stat().st_mtime_ns == draft_written  # not rewritten by this build
    assert sitemap.read_text(encoding="utf-8") == full
    assert sitemap.stat().st_mtime_ns == written  # the same text is not written again


@pytest.mark.sphinx("html", testroot="sitemap", srcdir="sitemap-no-address")
def test_without_a_base_address_there_is_no_sitemap(make_app, app_params):
    args, kwargs = app_params
    app = make_app(*args, **{**kwargs, "confoverrides": {"html_baseurl": ""}})
    app.build()
    assert app.warning.getvalue() == ""
    assert not (app.outdir / "sitemap.xml").exists()
    assert "Sitemap:" not in (app.outdir / "robots.txt").read_text(encoding="utf-8")


def test_sphinx_sitemap_beside_cvsite_is_a_clear_error(tmp_path, rootdir):
    # A real sphinx-build (the message must come without a traceback), of the test project.
    extensions = "myst_parser,cvsite,sphinx_sitemap"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-D", f"extensions={extensions}",
         str(rootdir / "test-sitemap"), str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode != 0 and "Extension error (cvsite)!" in result.stderr
    assert PYTHON_TRACEBACK not in result.stderr
    assert (
        "conf.py: ERROR: cvsite writes sitemap.xml itself (every page, after any build), with "
        "the same sitemap_* settings; remove 'sphinx_sitemap' from extensions"
    ) in result.stderr
