"""The PDF CV's layouts (cvsite/pdf/layouts.py): compact and modern hold all that classic holds,
with every check of tests/test_pdf.py, compact in no more pages, modern with the keywords."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import SITES, build_once, build_pdf, built_pdf
from pypdf import PdfReader
from test_pdf import (
    check_every_fact_in_order,
    check_every_publication_in_order,
    check_fonts_embedded,
    check_header_then_first_section,
    check_links,
    check_metadata,
    pdf_comparable,
    pdftotext,
)

from cvsite.pdf import fonts, layouts
from cvsite.rendering import owner_header
from cvsite.testing.source_facts import SiteSources

SITE = "second-academic"  # a photo, six profiles, two keywords, names in nine scripts
BUILT = ("compact", "modern")


@pytest.fixture(scope="module")
def sources() -> SiteSources:
    return SiteSources(SITES[SITE])


def built_layout(tmp_path_factory: pytest.TempPathFactory, layout: str) -> Path:
    """The second academic's PDF in `layout`, built once per run."""
    _, outcome = build_once(
        tmp_path_factory,
        f"{SITE}-{layout}-pdf",
        lambda folder: build_pdf(
            SITES[SITE], folder, "-D", f"cv_pdf_layout={layout}", variants=False
        ),
    )
    if outcome["returncode"] != 0:
        pytest.fail(f"the {layout} PDF did not build:\n{outcome['log'][-3000:]}", False)
    return Path(outcome["pdf"])


def keywords_line(sources: SiteSources) -> str:
    return " · ".join(sources.settings.cv_keywords)


@pytest.mark.parametrize("layout", BUILT)
def test_every_check_of_the_pdf_holds_in_each_layout(layout, sources, tmp_path_factory):
    pdf = built_layout(tmp_path_factory, layout)
    check_metadata(sources, pdf)
    check_fonts_embedded(pdf)
    check_links(sources, pdf)
    check_every_fact_in_order(sources, pdf)  # in every script the sources write
    check_every_publication_in_order(sources, pdf)
    keywords = " · ".join(sources.settings.cv_keywords)  # modern's header shows them
    check_header_then_first_section(sources, pdf, after=keywords if layout == "modern" else "")


def test_modern_shows_the_keywords_and_compact_does_not(sources, tmp_path_factory):
    modern, compact = (pdf_comparable(pdftotext(built_layout(tmp_path_factory, layout)))
                       for layout in ("modern", "compact"))  # fmt: skip
    assert sources.settings.cv_keywords
    for keyword in sources.settings.cv_keywords:
        assert pdf_comparable(keyword) in modern and pdf_comparable(keyword) not in compact


def left_edge(pdf: Path) -> float:
    """Where page 1's leftmost word starts, in points from the paper's left edge."""
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    return min(float(x) for x in re.findall(r'<word xMin="([\d.]+)"', bbox))


def test_compact_takes_no_more_pages_than_classic_with_narrower_margins(tmp_path_factory):
    compact = built_layout(tmp_path_factory, "compact")
    classic = built_pdf(tmp_path_factory, SITE)
    assert len(PdfReader(compact).pages) <= len(PdfReader(classic).pages)
    assert left_edge(compact) < left_edge(classic) - 10  # 1.3 cm against 1.8 cm: 14 pt


# -- Without LaTeX ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(layouts.LAYOUTS))
def test_each_layout_has_its_style_file_over_cvsite_sty(name):
    layout = layouts.LAYOUTS[name]
    style = layout.style_file.read_text(encoding="utf-8")
    assert rf"\ProvidesPackage{{{layout.package}}}" in style
    assert (r"\RequirePackage{cvsite}" in style) == (layout.package != "cvsite")
    elements = layouts.latex_elements_for(name)
    assert elements["preamble"] == rf"\usepackage{{{layout.package}}}"
    assert elements["sphinxsetup"].startswith(layout.margins + ", ")


@pytest.mark.sphinx(
    "latex", testroot="page-weight", srcdir="pdf-layout-modern",
    confoverrides={"cv_pdf_layout": "modern"},
)  # fmt: skip
def test_the_layout_setting_chooses_the_style_and_every_style_file_is_copied(app):
    config = app.config
    assert config.latex_elements["preamble"].startswith(r"\usepackage{cvsite-modern}" + "\n")
    assert (
        config.latex_elements["sphinxsetup"] == layouts.latex_elements_for("modern")["sphinxsetup"]
    )
    copied = {Path(name).name for name in config.latex_additional_files}
    assert {"cvsite.sty", "cvsite-compact.sty", "cvsite-modern.sty"} <= copied


def test_keywords_go_to_the_header_in_their_scripts_and_none_give_no_macro():
    config = SimpleNamespace(
        cv_keywords=["图论", "Graphs & Maps"], cv_pdf_fonts=fonts.DEFAULT_FONTS
    )
    assert owner_header.latex_keywords(config) == (
        r"\cvsitekeywords{\cvsitescript{WenQuanYi Zen Hei}{}{图论}"
        r"\quad\textperiodcentered\quad Graphs \& Maps}" + "\n"
    )
    assert owner_header.latex_keywords(SimpleNamespace(cv_keywords=[], cv_pdf_fonts=[])) == ""
