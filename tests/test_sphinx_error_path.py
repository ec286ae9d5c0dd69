"""A build that cannot start, or whose .bib files have no sensible reading, ends in a Sphinx
error that a program building in-process can catch (a test harness, sphinx-autobuild, an
editor), never in a SystemExit that would end that program (sphinx.testing's make_app)."""

from __future__ import annotations

import io
import shutil

import pytest
from conftest import REPO
from sphinx.errors import ConfigError, ExtensionError, SphinxError

from cvsite.errors import BibFilesError, SettingsError


def start(make_app, app_params, warning=None, **overrides):
    """make_app with conf overrides; a SystemExit would fail the test, not end pytest."""
    args, kwargs = app_params
    kwargs["confoverrides"] = {**kwargs.get("confoverrides", {}), **overrides}
    kwargs["warning"] = warning or io.StringIO()
    try:
        app = make_app(*args, **kwargs)
        app.build()
    except SystemExit as stop:  # what cvsite raised before: it ended sphinx-autobuild
        pytest.fail(f"SystemExit instead of a Sphinx error: {stop}")
    return app


@pytest.mark.sphinx("html", testroot="settings", srcdir="bad-settings")
def test_bad_settings_are_one_config_error_naming_each_setting_and_its_fix(make_app, app_params):
    with pytest.raises(ConfigError) as raised:
        start(make_app, app_params, cv_pdf_paper="b5", cv_homepage="example.org")
    error = raised.value
    assert isinstance(error, SettingsError) and isinstance(error, ExtensionError)
    message = str(error)
    assert message.startswith("2 problems in conf.py:\n")
    conf_py = app_params.kwargs["srcdir"] / "conf.py"
    assert f'{conf_py}: ERROR: cv_pdf_paper is \'b5\'; set it to "a4" or "letter".' in message
    assert f"{conf_py}: ERROR: cv_homepage 'example.org' is not a full URL" in message
    assert message.endswith("Build stopped: fix the settings in conf.py.")


@pytest.mark.sphinx("html", testroot="settings", srcdir="no-bibfiles")
def test_a_missing_bibtex_bibfiles_is_an_extension_error_naming_it(make_app, app_params):
    # As sphinxcontrib-bibtex's own check: an ExtensionError whose message names the setting.
    with pytest.raises(ExtensionError, match="bibtex_bibfiles is missing; set it to a list"):
        start(make_app, app_params, bibtex_bibfiles=None)


@pytest.mark.sphinx("html", testroot="settings", srcdir="unknown-style")
def test_an_unknown_style_quotes_the_library(make_app, app_params):
    with pytest.raises(ExtensionError, match=r"plugin .*no_such_style not found") as raised:
        start(make_app, app_params, bibtex_reference_style="no_such_style")
    assert "set it to one of author_year, foot, label, super" in str(raised.value)


@pytest.mark.sphinx("html", testroot="broken-bib")
def test_a_broken_bib_is_logged_at_file_line_and_stops_with_a_sphinx_error(make_app, app_params):
    warning = io.StringIO()
    with pytest.raises(SphinxError) as raised:
        start(make_app, app_params, warning)
    assert isinstance(raised.value, BibFilesError)
    refs = app_params.kwargs["srcdir"] / "refs.bib"
    message = str(raised.value)
    assert message.startswith(f"1 problem:\n{refs}:3: smith2020: expected 'field = {{value}}'")
    assert "Build stopped: 1 problem in the .bib files" in str(raised.value)
    # Through Sphinx's logger, at its place, as every other error of the build.
    [logged] = [line for line in warning.getvalue().splitlines() if "ERROR" in line]
    assert f"{refs}:3: ERROR: smith2020: expected 'field = {{value}}' but found" in logged
    # Nothing was written: a site without the entry's title would be wrong.
    assert not (app_params.kwargs["srcdir"] / "_build" / "html" / "index.html").exists()


@pytest.mark.sphinx("html", testroot="sitemap", srcdir="two-sitemaps")
def test_sphinx_sitemap_beside_cvsite_is_an_extension_error(make_app, app_params):
    extensions = ["myst_parser", "cvsite", "sphinx_sitemap"]
    with pytest.raises(ExtensionError, match="remove 'sphinx_sitemap' from extensions"):
        start(make_app, app_params, extensions=extensions)


def test_a_build_of_the_folder_above_docs_is_a_config_error(make_app, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "roots" / "test-settings", project / "docs")
    (project / "docs" / "conf.py").rename(project / "conf.py")
    with pytest.raises(ConfigError, match=r"the pages are in docs/; build them with `make html`"):
        make_app("html", srcdir=project, warning=io.StringIO())
