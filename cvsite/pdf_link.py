"""The "Download CV (PDF)" link: on the home page (`{cv-pdf-link}`) and in the navbar.

Locally the PDF that `make pdf` wrote is copied into the site root, so the link is relative
and works from any folder. On Read the Docs the PDF is one of the version's downloads, at
/_/downloads/<language>/<version>/pdf/.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

logger = logging.getLogger(__name__)
LABEL = "Download CV (PDF)"


class pdf_link(nodes.General, nodes.Element):
    """Where the link goes is known only when writing HTML; LaTeX leaves it out."""


class PDFLinkDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        if not self.config.cv_pdf_name:
            raise self.error(
                'cv-pdf-link: there is no PDF to link; set cv_pdf_name = "your-name-cv" in conf.py.'
            )
        node = pdf_link()
        self.set_source_info(node)
        return [node]


def pdf_file_name(app: Sphinx) -> str:
    return f"{app.config.cv_pdf_name}.pdf"


def read_the_docs_url() -> str | None:
    if os.environ.get("READTHEDOCS") != "True":
        return None
    language = os.environ.get("READTHEDOCS_LANGUAGE", "en")
    version = os.environ.get("READTHEDOCS_VERSION", "latest")
    return f"/_/downloads/{language}/{version}/pdf/"


def href_from(app: Sphinx, pagename: str) -> str:
    return read_the_docs_url() or relative_uri(
        app.builder.get_target_uri(pagename), pdf_file_name(app)
    )


def visit_pdf_link_html(self, node: pdf_link) -> None:
    href = href_from(self.builder.app, self.builder.current_docname)
    self.body.append(
        f'<p class="cv-pdf-link"><a class="btn btn-primary" href="{href}">{LABEL}</a></p>\n'
    )
    raise nodes.SkipNode


def skip(self, node: pdf_link) -> None:
    raise nodes.SkipNode


VISITORS = {"html": (visit_pdf_link_html, None), "latex": (skip, None), "text": (skip, None)}


def add_navbar_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    context["cv_pdf_href"] = href_from(app, pagename)
    context["cv_pdf_label"] = LABEL


def copy_pdf_into_site(app: Sphinx, exception: Exception | None) -> None:
    """Copy the PDF next to index.html; without it the link would be a 404, so say so."""
    if exception or app.builder.format != "html" or read_the_docs_url():
        return
    if not app.config.cv_pdf_name:
        return
    pdf = Path(app.confdir, app.config.cv_pdf_dir, pdf_file_name(app))
    if not pdf.is_file():
        logger.warning(
            f"{pdf} is missing, so the site's PDF link would be broken; "
            "build it first with `make pdf` (`make html` does this for you).",
            type="cvsite",
            subtype="pdf",
        )
        return
    shutil.copyfile(pdf, Path(app.outdir, pdf_file_name(app)))
