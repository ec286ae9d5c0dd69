"""Every setting that sphinxcontrib-bibtex documents is accepted and honoured with cvsite
loaded: each case here is one that its own test suite, run with cvsite, found refused or
misread (tests/roots/test-shared-macros, test-settings)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO

from cvsite.config import bibtex_settings
from cvsite.publications import bib_check

SHARED_MACROS = REPO / "tests" / "roots" / "test-shared-macros"


def built(make_app, app_params, **overrides):
    args, kwargs = app_params
    kwargs["confoverrides"] = {**kwargs.get("confoverrides", {}), **overrides}
    kwargs["warning"] = warning = io.StringIO()
    app = make_app(*args, **kwargs)
    app.build()
    assert app.statuscode == 0 and warning.getvalue() == "", warning.getvalue()
    return app


def page(app) -> BeautifulSoup:
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize(
    ("setting", "template"),
    [  # sphinxcontrib-bibtex's usage documentation, "Custom Formatting ... ids"
        ("bibtex_cite_id", "cite-{bibliography_count}-{key}"),
        ("bibtex_footcite_id", "footcite-{key}"),
        ("bibtex_bibliography_id", "bibliography-{bibliography_count}"),
        ("bibtex_footbibliography_id", "footbibliography-{footbibliography_count}"),
        ("bibtex_cite_id", "cite-{key}"),  # "at most one bibliography directive per document"
        ("bibtex_footcite_id", "footcite-{footbibliography_count}-{key}"),
    ],
)
def test_documented_id_templates_are_accepted(setting, template):
    config = {name: "" for name in bibtex_settings.ID_TEMPLATES} | {setting: template}
    assert bibtex_settings.id_problems(config) == []  # type: ignore[arg-type]


@pytest.mark.sphinx("html", testroot="settings", srcdir="id-templates")
def test_id_templates_without_a_count_are_honoured(make_app, app_params):
    app = built(
        make_app,
        app_params,
        bibtex_footcite_id="footcite-{key}",
        bibtex_bibliography_id="bibliography-{bibliography_count}",
        bibtex_footbibliography_id="footbibliography-{footbibliography_count}",
    )
    soup = page(app)
    assert soup.find(id="bibliography-1") is not None
    assert soup.find(id="footbibliography-1") is not None
    assert soup.find(id="footcite-notes1843") is not None


@pytest.mark.sphinx("html", testroot="settings", srcdir="absolute-bibfile")
def test_an_absolute_bibfile_outside_the_project(make_app, app_params, tmp_path):
    elsewhere = tmp_path / "elsewhere" / "papers.bib"
    elsewhere.parent.mkdir()
    shutil.copy(app_params.kwargs["srcdir"] / "refs.bib", elsewhere)
    (app_params.kwargs["srcdir"] / "refs.bib").unlink()  # only the absolute path can be read
    app = built(make_app, app_params, bibtex_bibfiles=[elsewhere])  # a Path, as in its tests
    assert "Notes on the Analytical Engine" in page(app).get_text()


def test_a_macro_of_an_earlier_file_is_defined_in_a_later_one():
    files = [SHARED_MACROS / "macros.bib", SHARED_MACROS / "refs.bib"]
    _, problems = bib_check.check(files)
    assert [problem.message for problem in problems if problem.stops] == []
    assert not any("no @string defines" in problem.message for problem in problems)
    # Alone, refs.bib uses macros it does not define: the reader still says so.
    _, alone = bib_check.check(files[1:])
    assert sum("no @string defines" in problem.message for problem in alone) == 2


@pytest.mark.sphinx("html", testroot="shared-macros")
def test_shared_macros_are_expanded_on_the_site(make_app, app_params):
    # refs.bib gives a field twice, so pybtex reads a normalised copy: the macro must stay one.
    app = built(make_app, app_params)
    text = " ".join(page(app).get_text().split())
    assert "Journal of Invented Tests" in text
    assert "Annals of Imaginary Mechanics (Second Series)" in text
    assert "jot" not in text.split() and "aim" not in text.split()


@pytest.mark.sphinx("html", testroot="shared-macros", srcdir="shared-macros-latin-1")
def test_bibtex_encoding_is_honoured_in_the_check_and_the_normalised_copy(make_app, app_params):
    refs = app_params.kwargs["srcdir"] / "refs.bib"
    text = refs.read_text(encoding="utf-8").replace("Ada Lovelace", "Adà Lovelacé")
    refs.write_bytes(text.encode("latin-1"))
    app = built(make_app, app_params, bibtex_encoding="latin-1", cv_owner="Adà Lovelacé")
    copies = list((Path(app.doctreedir) / bib_check.COPIES_FOLDER).glob("*.bib"))
    assert [copy.name for copy in copies] == ["1-refs.bib"]
    assert "Adà Lovelacé".encode("latin-1") in copies[0].read_bytes()
    assert "Adà Lovelacé" in page(app).get_text()


@pytest.mark.sphinx("html", testroot="shared-macros", srcdir="unlisted-latin-1")
def test_an_entry_on_no_page_is_reported_in_a_file_of_another_encoding(make_app, app_params):
    # The check that nothing is dropped silently reads the file in bibtex_encoding too.
    refs = app_params.kwargs["srcdir"] / "refs.bib"
    unlisted = "\n@misc{lovelace1845,\n  author = {Adà Lovelacé},\n  title = {A Letter},\n}\n"
    refs.write_bytes((refs.read_text(encoding="utf-8") + unlisted).encode("latin-1"))
    args, kwargs = app_params
    kwargs["confoverrides"] = {"bibtex_encoding": "latin-1"}
    kwargs["warning"] = warning = io.StringIO()
    make_app(*args, **kwargs).build()
    assert f"{refs}:16: WARNING: lovelace1845: this @misc entry is on no page" in warning.getvalue()


@pytest.mark.sphinx("html", testroot="settings", srcdir="key-prefix")
def test_a_bibliography_with_a_key_prefix_lists_its_entries(make_app, app_params):
    # sphinxcontrib-bibtex's :keyprefix: gives each citation a key with the prefix; the entry
    # is still the one of refs.bib, so it is on a page (no "on no page" warning).
    index = app_params.kwargs["srcdir"] / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        .replace(":::{publication-list} peer-reviewed\n:::\n", "")
        .replace(":::{bibliography}\n:::", ":::{bibliography}\n:keyprefix: a-\n:::")
        .replace("Cited: {cite:p}`notes1843`", "Cited: {cite:p}`a-notes1843`"),
        encoding="utf-8",
    )
    app = built(make_app, app_params)
    text = " ".join(page(app).get_text().split())
    assert "Ada Lovelace. Notes on the analytical engine. Scientific Memoirs, 1843." in text


@pytest.mark.sphinx("html", testroot="settings", srcdir="bare-urls")
def test_a_link_written_as_its_address_keeps_its_text(make_app, app_params):
    # pydata-sphinx-theme shortens github.com links whose text is the address (a bare
    # https://github.com/ to no text at all); a CV shows links as written.
    index = app_params.kwargs["srcdir"] / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8")
        + "\nCode: <https://github.com/> and <https://github.com/ada/engine>.\n",
        encoding="utf-8",
    )
    links = {a["href"]: a.get_text() for a in page(built(make_app, app_params)).find_all("a")}
    assert links["https://github.com/"] == "https://github.com/"
    assert links["https://github.com/ada/engine"] == "https://github.com/ada/engine"
