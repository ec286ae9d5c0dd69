"""The facts a site's own sources state, read without the engine's modules, for any academic.

A site folder holds conf.py (settings), docs/*.md (MyST pages, in the order of the toctree of
docs/index.md) and the .bib files that conf.py names. The tests look for these facts in the
built HTML and PDF, so the checks need nothing beside the site's folder and hold for anyone's
content: this repository's suite and every site made with `cvsite new` use them. This module
reads conf.py (with `ast`: it holds settings only) and gathers the rest in SiteSources: the
pages (source_pages.py, markdown-it-py), the publications (source_publications.py, pybtex).
How built text is compared with them is in comparable_text.py.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from pybtex.database import parse_file

from cvsite.testing.source_pages import Page, read_page
from cvsite.testing.source_publications import Publication, name_key, read_publication

URL = re.compile(r"https?://[^\s\"'<>()\[\]{}]+")


# -- Settings (conf.py) --------------------------------------------------------------------


# The cv_* settings a test reads, with the defaults README.md gives them.
SETTING_DEFAULTS = {
    "cv_owner": "", "cv_owner_variants": [], "cv_email": "", "cv_homepage": "",
    "cv_affiliation": "", "cv_alumni_of": [], "cv_keywords": [], "cv_pdf_name": "",
    "cv_pdf_paper": "a4", "bibtex_bibfiles": [], "cv_position": "", "cv_photo": "",
    "cv_profiles": {}, "cv_variants": {},
}  # fmt: skip


@dataclass(frozen=True)
class Settings:
    """conf.py's literal top-level assignments; the cv_* ones as attributes."""

    values: dict[str, object]
    path: Path = Path("conf.py")
    lines: dict[str, int] = field(default_factory=dict)  # where each is assigned

    def __getattr__(self, name: str):
        if name not in SETTING_DEFAULTS:
            raise AttributeError(name)
        return self.values.get(name, SETTING_DEFAULTS[name])

    def where(self, name: str) -> str:
        """conf.py:line of the setting, for a failing check's message."""
        line = self.lines.get(name)
        return f"{self.path}:{line} ({name})" if line else f"{self.path} (no {name}: its default)"


def read_settings(conf_py: Path) -> Settings:
    values: dict[str, object] = {}
    lines: dict[str, int] = {}
    for node in ast.parse(conf_py.read_text(encoding="utf-8"), str(conf_py)).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                try:
                    values[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    continue  # not a literal: no setting a test can read
                lines[target.id] = node.lineno
    return Settings(values, conf_py, lines)


# -- The whole site ------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteSources:
    root: Path

    @cached_property
    def settings(self) -> Settings:
        return read_settings(self.root / "conf.py")

    @cached_property
    def home(self) -> Page:
        page = read_page(self.root / "docs" / "index.md", "index")
        # A title written as {cv-setting}`cv_owner` (README, "The home page") shows the setting.
        if page.title in SETTING_DEFAULTS:
            page = replace(page, title=str(getattr(self.settings, page.title)))
        if not page.description:
            page = replace(page, description=self.owner_description)
        return page

    @property
    def owner_description(self) -> str:
        """The home page's description where it gives none (README, "The home page"): the
        name, the position, and the affiliation where the position does not name it."""
        position, affiliation = self.settings.cv_position, self.settings.cv_affiliation
        lines = [position] if affiliation in position else [position, affiliation]
        lines = [line.strip() for line in lines if line.strip()]
        return ", ".join([self.settings.cv_owner, *lines]) if lines else ""

    @cached_property
    def pages(self) -> list[Page]:
        """The section pages, in the order of the home page's toctree (the PDF's order)."""
        return [read_page(self.root / "docs" / f"{name}.md", name) for name in self.home.toctree]

    @property
    def all_pages(self) -> list[Page]:
        return [self.home, *self.pages]

    @cached_property
    def bib_files(self) -> list[Path]:
        if "bibtex_bibfiles" in self.settings.values:
            return [self.root / name for name in self.settings.bibtex_bibfiles]
        # Not in conf.py: cvsite reads refs.bib beside it, where there is one (README).
        return [path for path in [self.root / "refs.bib"] if path.is_file()]

    @cached_property
    def publications(self) -> list[Publication]:
        """Every entry, in the order of the .bib files."""
        return [
            read_publication(entry)
            for path in self.bib_files
            for entry in parse_file(str(path), bib_format="bibtex").entries.values()
        ]

    @property
    def owner_names(self) -> set[str]:
        return {name_key(n) for n in [self.settings.cv_owner, *self.settings.cv_owner_variants]}

    @cached_property
    def hosts(self) -> frozenset[str]:
        """Every host the sources name, and those the site derives from .bib data."""
        texts = [path.read_text(encoding="utf-8") for path in self.root.glob("docs/**/*.md")]
        texts += [path.read_text(encoding="utf-8") for path in [self.root / "conf.py"]]
        texts += [path.read_text(encoding="utf-8") for path in self.bib_files]
        hosts = {urlsplit(url).hostname for text in texts for url in URL.findall(text)}
        if any(publication.arxiv for publication in self.publications):
            hosts.add("arxiv.org")
        if any(
            link.startswith("https://doi.org/")
            for publication in self.publications
            for link in publication.links
        ):
            hosts.add("doi.org")
        return frozenset(host for host in hosts if host)
