"""The PDF CV: holds every fact of the section pages in their order, is searchable, linked,
reproducible, and its metadata and header come from conf.py; for each site."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import REPO, sphinx_build
from pypdf import PdfReader

from cvsite.cli import make_pdf
from cvsite.config import profiles
from cvsite.testing.comparable_text import IN_PDF, missing_in_order, pdf_comparable
from cvsite.testing.source_facts import SiteSources
from cvsite.testing.source_pages import TextItem
from cvsite.testing.source_publications import listed_order

PAPER_POINTS = {"a4": (595, 842), "letter": (612, 792)}


def pdftotext(pdf: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def link_targets(pdf: Path) -> set[str]:
    uris = set()
    for page in PdfReader(pdf).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                uris.add(action["/URI"])
    return uris


def test_file_name_and_paper_size_from_the_settings(academic):
    settings = academic.sources.settings
    assert academic.pdf.name == f"{settings.cv_pdf_name}.pdf"
    box = PdfReader(academic.pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == PAPER_POINTS[
        settings.cv_pdf_paper
    ]


def test_the_reference_cv_fits_two_pages(pdf):
    assert 1 <= len(PdfReader(pdf).pages) <= 2


# The checks of one PDF, each given the site's sources and the PDF: the tests below run them on
# each site's PDF, tests/test_pdf_layouts.py on the second academic's in every layout.


def check_metadata(sources: SiteSources, pdf: Path) -> None:
    settings = sources.settings
    meta = PdfReader(pdf).metadata
    assert meta.title == f"{settings.cv_owner}: Curriculum Vitae"
    assert meta.author == settings.cv_owner
    assert meta.subject == "Curriculum Vitae"
    assert meta["/Keywords"] == ", ".join(settings.cv_keywords)


def check_fonts_embedded(pdf: Path) -> None:
    rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    fonts = rows.stdout.splitlines()[2:]
    assert fonts, rows.stdout
    for row in fonts:
        # Columns: name, type, encoding, emb, sub, uni, object ID
        emb = row.split()[-5]
        assert emb == "yes", row


def expected_header(settings) -> str:
    """Name, position (and the affiliation where the position does not name it), contact line,
    and the profiles' labels, as conf.py gives them."""
    lines = [settings.cv_owner, settings.cv_position]
    if settings.cv_affiliation not in settings.cv_position:
        lines.append(settings.cv_affiliation)
    homepage = urlsplit(settings.cv_homepage)
    lines.append(f"{settings.cv_email} · {(homepage.netloc + homepage.path).rstrip('/')}")
    labels = [
        value["label"] if isinstance(value, dict) else profiles.KNOWN[kind][0]
        for kind, value in settings.cv_profiles.items()
    ]
    lines.append(" · ".join(labels))
    return " ".join(" ".join(line.split()) for line in lines if line)


def check_header_then_first_section(sources: SiteSources, pdf: Path, after: str = "") -> None:
    """The header, then what the layout shows after it (`after`), then the first section."""
    settings, pages = sources.settings, sources.pages
    header = pdf_comparable(" ".join([expected_header(settings), after]).strip())
    text = pdf_comparable(pdftotext(pdf))
    assert text.startswith(header)
    # Headings are set in small capitals, which extract as capitals.
    assert text[len(header) :].lstrip().startswith(pdf_comparable(pages[0].title))
    for number, page in enumerate(pages, 1):  # as Sphinx would number them: "1 Education"
        assert not re.search(rf"\b{number}\.?\s+{re.escape(page.title)}", text, re.I)


def check_every_fact_in_order(sources: SiteSources, pdf: Path) -> None:
    """Entries, list items, terms and definitions, page after page as the toctree orders them
    (the home page is not in the PDF), in every script they are written in."""
    blocks = []
    for page in sources.pages:
        blocks += [TextItem("title", page.title, 1), *page.blocks_in("latex")]
    assert missing_in_order(pdftotext(pdf), blocks, IN_PDF) == []


def check_every_publication_in_order(sources: SiteSources, pdf: Path) -> None:
    kinds = [kind for page in sources.pages for kind in page.publication_kinds]
    blocks = [
        TextItem("entry", text, 0)
        for kind in kinds
        for publication in listed_order(sources.publications, kind)
        for text in (publication.title, publication.author_line)
    ]
    assert missing_in_order(pdftotext(pdf), blocks, IN_PDF) == []


def check_links(sources: SiteSources, pdf: Path) -> None:
    """Links to every entry's data, the email and homepage, and nowhere else."""
    settings = sources.settings
    uris = link_targets(pdf)
    for publication in sources.publications:
        assert publication.links <= uris, publication.key
    assert f"mailto:{settings.cv_email}" in uris and settings.cv_homepage in uris
    hosts = {urlsplit(uri).hostname for uri in uris if not uri.startswith("mailto:")}
    assert hosts <= sources.hosts


def test_metadata_from_the_settings(academic):
    check_metadata(academic.sources, academic.pdf)


def test_every_font_is_embedded(academic):
    check_fonts_embedded(academic.pdf)


def test_the_header_then_the_first_section_no_title_page_contents_or_numbers(academic):
    check_header_then_first_section(academic.sources, academic.pdf)


def test_every_fact_of_the_section_pages_in_their_order(academic):
    check_every_fact_in_order(academic.sources, academic.pdf)


def test_every_publication_with_its_title_and_authors_in_the_lists_order(academic):
    check_every_publication_in_order(academic.sources, academic.pdf)


def test_links_to_every_entrys_data_the_email_and_homepage_and_nowhere_else(academic):
    check_links(academic.sources, academic.pdf)


def test_two_builds_are_byte_identical(pdf, tmp_path):
    again = make_pdf.build(REPO, tmp_path / "pdf", tmp_path)
    assert again.read_bytes() == pdf.read_bytes()


def test_letter_paper_is_one_setting_away_and_the_end_says_the_sources_month(tmp_path):
    # "Letter" as a person writes it; the sources' date as SOURCE_DATE_EPOCH gives it.
    in_may_2026 = {"SOURCE_DATE_EPOCH": "1780000000"}
    result = sphinx_build("latex", tmp_path, "-D", "cv_pdf_paper=Letter", env=in_may_2026)
    assert result.returncode == 0, result.stderr
    tex = (tmp_path / "zangwei-zheng-cv.tex").read_text(encoding="utf-8")  # cv_pdf_name
    assert "letterpaper" in tex and "a4paper" not in tex
    body_end = tex.rindex(r"\end{document}")
    assert tex.rindex(r"\cvsitelastupdated{May 2026}") > tex.rindex(r"\section") < body_end


@pytest.mark.parametrize(
    "line",
    [
        "Missing character: There is no ✉ in font FreeSerif!",
        "LaTeX Warning: Reference `x' on page 1 undefined on input line 3.",
        "! LaTeX Error: File `foo.sty' not found.",
        "LaTeX Warning: There were undefined references.",
    ],
)
def test_log_problems_that_latexmk_lets_pass_fail_the_build(line):
    assert make_pdf.log_problems(f"noise\n{line}\nmore noise\n") == [line]


def test_site_links_the_pdf_from_home_page_and_navbar(academic):
    name = f"{academic.sources.settings.cv_pdf_name}.pdf"
    site = academic.site
    assert site.page("index.html").select_one(".cv-pdf-link a")["href"] == name
    for page in ("index", *(page.docname for page in academic.sources.pages)):
        assert site.page(f"{page}.html").select_one("a.cv-pdf-navbar-link")["href"] == name
    assert (site.html / name).read_bytes() == academic.pdf.read_bytes()
