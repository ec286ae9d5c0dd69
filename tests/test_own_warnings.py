"""A Python warning about cvsite's own code is an error in the suite's subprocesses too."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cvsite.own_warnings import ENVIRONMENT_VARIABLE

# A deprecation attributed to a module, as Sphinx's RemovedInSphinx11Warning is to its caller.
WARN_FROM = (
    "import warnings, cvsite, sphinx.deprecation as d; "
    "warnings.warn_explicit('old API', d.RemovedInSphinx11Warning, 'x.py', 1, module={!r}); "
    "print('went on')"
)


def run_warning_from(module: str, strict: bool) -> subprocess.CompletedProcess:
    environment = {**os.environ, ENVIRONMENT_VARIABLE: "1" if strict else "0"}
    command = [sys.executable, "-c", WARN_FROM.format(module)]
    return subprocess.run(command, capture_output=True, text=True, env=environment, check=False)


def test_the_suite_asks_its_subprocesses_for_strict_warnings():
    assert os.environ[ENVIRONMENT_VARIABLE] == "1"  # set by conftest.py, inherited by builds


@pytest.mark.parametrize("module", ["cvsite", "cvsite.web.pdf_link"])
def test_a_warning_about_our_code_is_an_error(module):
    result = run_warning_from(module, strict=True)
    assert result.returncode == 1 and "went on" not in result.stdout
    assert "RemovedInSphinx11Warning: old API" in result.stderr


@pytest.mark.parametrize(
    ("module", "strict"), [("myst_parser.mocking", True), ("cvsite_theme", True), ("cvsite", False)]
)
def test_other_packages_warnings_and_builds_outside_the_suite_go_on(module, strict):
    result = run_warning_from(module, strict)
    assert result.returncode == 0 and "went on" in result.stdout, result.stderr
