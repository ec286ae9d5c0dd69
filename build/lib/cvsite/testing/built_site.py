"""A built site as the content checks see it: its HTML pages and what its sources state."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from cvsite.testing.source_facts import SiteSources


@dataclass
class BuiltSite:
    html: Path
    log: str
    returncode: int

    def page(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.html / name).read_text(encoding="utf-8"), "html.parser")


@dataclass
class Academic:
    """One site: what its sources state, its built HTML and its PDF."""

    name: str
    sources: SiteSources
    site: BuiltSite
    pdf: Path


def text_of(element) -> str:
    """Visible text with whitespace collapsed, as a reader sees it."""
    return " ".join(element.get_text().split())


def site_pages(html: Path) -> list[str]:
    """Every page of the built site, relative to its root."""
    return sorted(
        str(path.relative_to(html))
        for path in html.rglob("*.html")
        if not path.relative_to(html).parts[0].startswith("_")
    )
