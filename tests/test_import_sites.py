"""Every source under tests/import_sources/ imports into a site that builds as `make html` and
`make pdf` build it, with no edits, and passes cvsite's content invariants (the checks of the
new site's own `make test`); its PDF holds every entry of its pages.

A fixture folder is the source when it is a site; a folder holding one file is that file's.
Each fixture is imported and built once per run (conftest.build_once), in this process.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest
from conftest import build_once
from pypdf import PdfReader
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

from cvsite.cli import make_pdf
from cvsite.cli.main import main as cvsite
from cvsite.testing import site_content
from cvsite.testing.built_site import Academic, BuiltSite
from cvsite.testing.source_facts import SiteSources

SOURCES = Path(__file__).parent / "import_sources"
FIXTURES = sorted(folder.name for folder in SOURCES.iterdir() if folder.is_dir())


def source_of(folder: Path) -> Path:
    inside = list(folder.iterdir())
    return inside[0] if len(inside) == 1 and inside[0].is_file() else folder


def sphinx(site: Path, builder: str, outdir: Path, doctrees: Path, **overrides) -> str:
    """A build as `make pdf` and `make html` run it (-W --keep-going -n), in this process; the
    warnings, "" for none."""
    warnings = io.StringIO()
    with patch_docutils(site), docutils_namespace():
        app = Sphinx(site / "docs", site, outdir, doctrees, builder,
                     confoverrides={"nitpicky": True, **overrides}, status=io.StringIO(),
                     warning=warnings, warningiserror=True, keep_going=True)  # fmt: skip
        app.build()
    return warnings.getvalue() or ("" if app.statuscode == 0 else f"{builder}: failed")


def import_and_build(name: str, folder: Path) -> dict:
    """The import, then the PDF (LaTeX here, latexmk as make pdf runs it) and the site, which
    reuses the LaTeX build's reading of the pages."""
    site, build = folder / "site", folder / "build"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        cvsite(["import", str(source_of(SOURCES / name)), str(site), "--from-index"])
    doctrees = build / "doctrees"
    if problems := sphinx(site, "latex", build / "latex", doctrees):
        return {"returncode": 1, "log": "the PDF's LaTeX did not build:\n" + problems}
    try:
        pdf = make_pdf.compile_pdf(site, build / "latex", build / "pdf", dict(os.environ))
    except SystemExit as stop:
        return {"returncode": 1, "log": f"the PDF did not build: {stop}"}
    html = build / "html"
    problems = sphinx(site, "html", html, doctrees, cv_pdf_dir=str(pdf.parent))
    return {
        "returncode": 1 if problems else 0,
        "log": printed.getvalue() + problems,
        "site": str(site),
        "html": str(html),
        "pdf": str(pdf),
    }


@pytest.fixture(scope="module", params=FIXTURES)
def imported(request, tmp_path_factory) -> Academic:
    name = request.param
    _, outcome = build_once(
        tmp_path_factory, f"import-{name}", lambda folder: import_and_build(name, folder)
    )
    if outcome["returncode"] != 0:
        pytest.fail(f"the site imported from {name} did not build:\n{outcome['log']}", False)
    site = Path(outcome["site"])
    built = BuiltSite(Path(outcome["html"]), outcome["log"], 0)
    return Academic(name, SiteSources(site), built, Path(outcome["pdf"]))


@pytest.mark.parametrize("check", site_content.__all__)
def test_the_imported_site_passes_the_content_checks(imported, check):
    getattr(site_content, check)(imported)


def comparable(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split()).casefold()


def test_the_pdf_holds_every_entry_and_item_of_the_pages(imported):
    text = comparable(" ".join(page.extract_text() for page in PdfReader(imported.pdf).pages))
    missing = [
        f"{page.path}:{entry.line}: {entry.institution}"
        for page in imported.sources.pages
        for entry in page.entries
        if comparable(entry.institution) not in text
    ]
    assert not missing, f"{imported.pdf} lacks entries of the pages: {missing}"


def test_an_al_folio_site_keeps_its_custom_domain_and_base_url(tmp_path_factory):
    """Its CNAME and baseurl make cv_homepage, and the build writes the CNAME GitHub Pages
    serves the site under (sphinx.ext.githubpages)."""
    name = "alfolio-list-cv"
    _, outcome = build_once(
        tmp_path_factory, f"import-{name}", lambda folder: import_and_build(name, folder)
    )
    domain = (SOURCES / name / "CNAME").read_text(encoding="utf-8").strip()
    assert (Path(outcome["html"]) / "CNAME").read_text(encoding="utf-8") == domain
    assert (Path(outcome["html"]) / ".nojekyll").is_file()
    settings = SiteSources(Path(outcome["site"])).settings
    assert settings.cv_homepage == f"https://{domain}/research"
