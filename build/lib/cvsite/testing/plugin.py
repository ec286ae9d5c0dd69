"""pytest plugin of a site made with `cvsite new`: the site built once per run, as `make html`
builds it (the PDF first, which it links), for the content invariants (site_content).

The site's tests/conftest.py names it (`pytest_plugins = ["cvsite.testing.plugin"]`) and gives
the `site_root` fixture, the folder of its conf.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cvsite.testing.built_site import Academic, BuiltSite
from cvsite.testing.source_facts import SiteSources


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def academic(site_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Academic:
    """The site in site_root, built once for the whole run: its PDF, then its HTML."""
    folder = tmp_path_factory.mktemp("built-site")
    pdf_dir = folder / "pdf"
    made_pdf = run([sys.executable, "-m", "cvsite.cli.make_pdf", str(pdf_dir)], site_root)
    if made_pdf.returncode != 0:
        pytest.fail(f"the PDF did not build:\n{(made_pdf.stdout + made_pdf.stderr)[-3000:]}")
    html = folder / "html"
    made_html = run(
        [sys.executable, "-m", "sphinx", "-c", ".", "-W", "--keep-going", "-n", "-b", "html",
         "-d", str(folder / "doctrees"), "-D", f"cv_pdf_dir={pdf_dir}", "docs", str(html)],
        site_root,
    )  # fmt: skip
    if made_html.returncode != 0:
        pytest.fail(f"the site did not build:\n{(made_html.stdout + made_html.stderr)[-3000:]}")
    site = BuiltSite(html, made_html.stdout + made_html.stderr, made_html.returncode)
    (pdf,) = pdf_dir.glob("*.pdf")
    return Academic(site_root.name, SiteSources(site_root), site, pdf)
