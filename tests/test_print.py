"""Printing a page from the browser gives a clean document (Chromium's print to PDF)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from test_pdf import pdftotext
from test_site_structure import ALL_PAGES

CHROMIUM = [
    "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer",
]  # fmt: skip


def print_page(page: Path, out: Path, *flags: str) -> Path:
    subprocess.run(
        [*CHROMIUM, *flags, f"--print-to-pdf={out}", page.as_uri()],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return out


def dark_pixel_share(pdf: Path) -> float:
    """The share of pixels darker than mid-grey on the first printed page."""
    pgm = subprocess.run(
        ["pdftoppm", "-gray", "-r", "20", "-f", "1", "-l", "1", str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    # A binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    header_end = pgm.index(b"255\n") + 4
    pixels = pgm[header_end:]
    return sum(1 for value in pixels if value < 128) / len(pixels)


@pytest.mark.parametrize("page", ALL_PAGES)
def test_printed_page_has_the_content_only(site, tmp_path, page):
    text = pdftotext(print_page(site.html / page, tmp_path / "print.pdf"))
    for chrome in ("Search", "Color mode", "CV (PDF)", "Download CV", "© Copyright", "Skip to"):
        assert chrome not in text, (page, chrome)
    title = site.page(page).find("h1").get_text().rstrip("#").strip()
    assert text.startswith(title), (page, text[:80])


def test_printed_links_show_their_targets(site, tmp_path):
    text = pdftotext(print_page(site.html / "publications.html", tmp_path / "print.pdf"))
    assert "arXiv:2303.04947 <https://arxiv.org/abs/2303.04947>" in text


def test_printing_in_dark_mode_gives_black_on_white(site, tmp_path):
    pdf = print_page(site.html / "publications.html", tmp_path / "dark.pdf", "--force-dark-mode")
    assert dark_pixel_share(pdf) < 0.1
