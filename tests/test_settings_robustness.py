"""Every cv_* and bibtex_* setting, missing or wrong, stops the build with the setting and the
fix, and no traceback, before any handler reads it (tests/roots/test-settings, one setting
added to or removed from its conf.py at a time)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, build_in_process
from test_bad_input import ANSI_ESCAPE

from cvsite.config.settings import SETTINGS

ROOT = REPO / "tests" / "roots" / "test-settings"
STOPPED = "Build stopped: fix the settings in conf.py."
# A value of another type than each cv_* setting's (they are declared with their types).
WRONG_TYPE = {str: "42", list: '"a text, not a list"', bool: '"yes"', dict: "[]", int: '"3"'}
# setting -> (value in conf.py, part of the message)
WRONG_VALUES = [
    ("cv_owner_variants", "[None]", "cv_owner_variants holds None; each must be a non-empty"),
    ("cv_alumni_of", "[1843]", "cv_alumni_of holds 1843; each must be a non-empty text"),
    ("cv_keywords", '[""]', "cv_keywords holds ''; each must be a non-empty text"),
    (
        "cv_profiles",
        '{"github": "javascript:alert(1)"}',
        "cv_profiles['github'] is 'javascript:alert(1)', which is not a link a reader can follow; "
        "write a full URL starting with https://, http:// or mailto:.",
    ),
    (
        "cv_profiles",
        '{"blog": {"url": "data:text/html,hi", "label": "Blog", "icon": "fa-pen"}}',
        "cv_profiles['blog'] is 'data:text/html,hi', which is not a link",
    ),
    (
        "cv_profiles",
        '{"blog": "https://blog.example.org"}',
        "cv_profiles['blog'] is 'https://blog.example.org'; a known kind (\"orcid\", ",
    ),
    (
        "cv_profiles",
        '{"blog": {"url": "https://blog.example.org"}}',
        "cv_profiles['blog'] has no label; write it as {\"url\": ",
    ),
    (
        "cv_profiles",
        '{"blog": {"url": "https://b.example.org", "label": "B", "image": "b.svg"}}',
        "cv_profiles['blog'][\"image\"] is 'b.svg', which is no file of ",
    ),
    (  # a file of the pages, but not among those copied as they are: the icon would be broken
        "cv_profiles",
        '{"blog": {"url": "https://b.example.org", "label": "B", "image": "index.md"}}',
        "cv_profiles['blog'][\"image\"] is 'index.md', which is no file of ",
    ),
    ("cv_photo", '"_static/me.jpg"', "cv_photo is '_static/me.jpg', which is no file under "),
    ("cv_pdf_photo", "True", "cv_pdf_photo is True, but there is no cv_photo; set cv_photo = "),
    ("bibtex_bibfiles", '"refs.bib"', "bibtex_bibfiles is 'refs.bib'; set it to a list of .bib"),
    ("bibtex_bibfiles", "[None]", "bibtex_bibfiles holds None; each must be a file name"),
    ("bibtex_encoding", "8", "bibtex_encoding must be a str, not int"),
    ("bibtex_encoding", '"utf-9"', "bibtex_encoding 'utf-9' is an unknown encoding"),
    ("bibtex_default_style", '"fancy"', "bibtex_default_style 'fancy' is no pybtex style (plug"),
    ("bibtex_default_style", "None", "bibtex_default_style must be a str, not NoneType"),
    ("bibtex_tooltips", '"no"', "bibtex_tooltips is 'no'; set it to True or False"),
    ("bibtex_tooltips_style", '"fancy"', "bibtex_tooltips_style 'fancy' is no pybtex style"),
    ("bibtex_reference_style", '"fancy"', "bibtex_reference_style 'fancy' is no sphinxcontrib"),
    ("bibtex_foot_reference_style", "[]", "bibtex_foot_reference_style must be a str, not list"),
    ("bibtex_bibliography_header", "1", "bibtex_bibliography_header must be a str, not int"),
    ("bibtex_footbibliography_header", "None", "bibtex_footbibliography_header must be a str"),
    ("bibtex_cite_id", '"cite-{count}"', "bibtex_cite_id 'cite-{count}' cannot be filled in"),
    ("bibtex_bibliography_id", '"list-{key}"', "bibtex_bibliography_id 'list-{key}' cannot be"),
    ("bibtex_footcite_id", '"{0}"', "bibtex_footcite_id '{0}' cannot be filled in"),
    ("bibtex_footbibliography_id", '"x{"', "bibtex_footbibliography_id 'x{' cannot be filled"),
]
# Settings without which the site cannot be built.
REQUIRED = {
    "cv_owner": "cv_owner is missing; set it to the owner's name",
    "bibtex_bibfiles": "bibtex_bibfiles is missing; set it to a list of .bib files, relative to "
    'conf.py, e.g. ["refs.bib"]',
}


def build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-b", "html",
         "-d", str(project / "doctrees"), str(project), str(project / "out")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def project_with(tmp_path: Path, setting: str = "", value: str | None = None) -> Path:
    """A copy of the root with `setting = value` in conf.py (None: without the setting)."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project)
    conf = project / "conf.py"
    lines = conf.read_text().splitlines()
    if setting:
        lines = [line for line in lines if not line.startswith(f"{setting} =")]
    if value is not None:
        lines.append(f"{setting} = {value}")
    conf.write_text("\n".join(lines) + "\n")
    return project


def assert_stopped(project: Path, message: str) -> None:
    """The build stops at the setting, in this process: the Sphinx error a program that builds
    in-process gets (how sphinx-build prints it: test_bad_input, test_make_targets)."""
    result = build_in_process(project, project / "_build")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Configuration error: "), result.stderr  # a ConfigError
    assert f"{project / 'conf.py'}: ERROR: {message}" in result.stderr
    assert STOPPED in result.stderr
    assert not (project / "_build" / "html" / "index.html").exists()


def test_the_root_builds_with_every_setting_at_its_default(tmp_path):
    project = project_with(tmp_path)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert ANSI_ESCAPE.sub("", result.stderr).strip() == ""


@pytest.mark.parametrize("setting", sorted(REQUIRED))
def test_a_missing_required_setting(tmp_path, setting):
    project = project_with(tmp_path, setting, None)
    if setting == "bibtex_bibfiles":  # without it cvsite reads refs.bib, where there is one
        (project / "refs.bib").unlink()
    assert_stopped(project, REQUIRED[setting])


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.name)
def test_a_cv_setting_of_the_wrong_type(tmp_path, setting):
    project = project_with(tmp_path, setting.name, WRONG_TYPE[setting.type])
    message = f"{setting.name} must be a {setting.type.__name__}, not "
    assert_stopped(project, message)


@pytest.mark.parametrize(("setting", "value", "message"), WRONG_VALUES)
def test_a_wrong_value(tmp_path, setting, value, message):
    project = project_with(tmp_path, setting, value)
    assert_stopped(project, message)


def test_right_values_other_than_the_defaults_build(tmp_path):
    """The checks let through what sphinxcontrib-bibtex accepts."""
    project = project_with(tmp_path)
    with (project / "conf.py").open("a") as conf:
        conf.write(
            'bibtex_default_style = "plain"\nbibtex_tooltips = False\n'
            'bibtex_tooltips_style = "unsrt"\nbibtex_reference_style = "author_year"\n'
            'bibtex_cite_id = "cite-{bibliography_count}-{key}"\n'
            'bibtex_footcite_id = "foot-{footbibliography_count}-{key}"\n'
            'bibtex_encoding = "latin-1"\nbibtex_bibfiles = ("refs.bib",)\n'
        )
    result = build(project)
    assert result.returncode == 0, result.stderr


@pytest.mark.sphinx("html", testroot="settings")
def test_every_cv_and_bibtex_setting_is_checked_here(app):
    """A setting added to cvsite or to sphinxcontrib-bibtex must get its case above."""
    names = {item.name for item in app.config if re.match(r"(cv|bibtex)_", item.name)}
    checked = {name for name, _, _ in WRONG_VALUES} | {setting.name for setting in SETTINGS}
    assert names == checked
