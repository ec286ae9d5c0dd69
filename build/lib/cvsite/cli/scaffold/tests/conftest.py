"""The site's tests: cvsite's plugin builds the site once per run (cvsite.testing.plugin)."""

from pathlib import Path

import pytest

pytest_plugins = ["cvsite.testing.plugin"]


@pytest.fixture(scope="session")
def site_root() -> Path:
    """The folder of conf.py, docs/ and refs.bib."""
    return Path(__file__).resolve().parents[1]
