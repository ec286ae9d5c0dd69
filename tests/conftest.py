"""Shared fixtures: the real site built once per session, and tiny Sphinx projects per test."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cvsite import make_pdf

pytest_plugins = ["sphinx.testing.fixtures"]

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the `test-<name>` projects."""
    return REPO / "tests" / "roots"


@dataclass
class BuiltSite:
    html: Path
    log: str
    returncode: int

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.html / name).read_text(encoding="utf-8"), "html.parser")


def sphinx_build(builder: str, outdir: Path, *extra: str) -> subprocess.CompletedProcess:
    """Build the site exactly as `make html` does (same options), into outdir."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-c", str(REPO), "-W", "--keep-going", "-n",
         "-b", builder, "-d", str(outdir / ".doctrees"), *extra, str(REPO / "docs"), str(outdir)],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip


@pytest.fixture(scope="session")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF CV, built as `make pdf` builds it."""
    work = tmp_path_factory.mktemp("pdf")
    return make_pdf.build(REPO, work / "pdf", work)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, pdf: Path) -> BuiltSite:
    """The site, built as `make html` builds it (after the PDF, which it links)."""
    out = tmp_path_factory.mktemp("site") / "html"
    result = sphinx_build("html", out, "-D", f"cv_pdf_dir={pdf.parent}")
    return BuiltSite(html=out, log=result.stdout + result.stderr, returncode=result.returncode)


def text_of(element) -> str:
    """Visible text with whitespace collapsed, as a reader sees it."""
    return " ".join(element.get_text().split())


@pytest.fixture(scope="session")
def served_site(site: BuiltSite):
    """The built site over HTTP with gzip, from 127.0.0.1: (base URL, html folder)."""
    from site_server import serve

    with serve(site.html) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (which cannot download a browser here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )  # fmt: skip
        yield chromium
        chromium.close()


def site_pages(html: Path) -> list[str]:
    """Every page of the built site, relative to its root."""
    return sorted(
        str(path.relative_to(html))
        for path in html.rglob("*.html")
        if not path.relative_to(html).parts[0].startswith("_")
    )
