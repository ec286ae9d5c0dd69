"""The "Download CV (PDF)" link: on the home page (`{cv-pdf-link}`) and in the navbar.

Locally the PDF that `make pdf` wrote is copied into the site root, so the link is relative
and works from any folder. On Read the Docs the PDF is one of the version's downloads, at
/_/downloads/<language>/<version>/pdf/. Without the PDF (no TeX, so `make html` skipped it)
the site has no PDF link at all, never one to a missing file, and the build says so once.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from cvsite import handler_order as order

logger = logging.getLogger(__name__)
LABEL = "Download CV (PDF)"
NAVBAR_TEMPLATE = "cvsite-pdf-link"


class pdf_link(nodes.General, nodes.Element):
    """Where the link goes is known only when writing HTML; LaTeX leaves it out."""


class PDFLinkDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        if not self.config.cv_pdf_name:
            raise self.error(
                'cv-pdf-link: there is no PDF to link, as conf.py sets cv_pdf_name = ""; remove '
                "that line (the PDF is then named after cv_owner), or give the PDF a name."
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


def local_pdf(app: Sphinx) -> Path:
    return Path(app.confdir, app.config.cv_pdf_dir, pdf_file_name(app))


def is_linked(config: Config) -> bool:
    return config.html_context.get("cv_pdf_linked", False)


def decide_link(app: Sphinx, config: Config) -> None:
    """Link the PDF only when there is one: on Read the Docs, or where `make pdf` wrote it."""
    linked = bool(config.cv_pdf_name) and (
        read_the_docs_url() is not None or local_pdf(app).is_file()
    )
    # A setting of the HTML build, so Sphinx rewrites every page when the PDF comes or goes.
    config.html_context["cv_pdf_linked"] = linked
    if not linked:
        for items in config.html_theme_options.values():
            if isinstance(items, list) and NAVBAR_TEMPLATE in items:
                items.remove(NAVBAR_TEMPLATE)


def say_when_unlinked(app: Sphinx) -> None:
    if app.builder.format == "html" and app.config.cv_pdf_name and not is_linked(app.config):
        logger.info(
            f"cvsite: no PDF CV at {local_pdf(app)}, so the site has no PDF link; "
            "`make html` builds the PDF first where TeX is installed (see `make pdf`)."
        )


def href_from(builder: Builder, pagename: str) -> str:
    # The builder, not the app: translators reach only the builder (its .app is deprecated).
    return read_the_docs_url() or relative_uri(
        builder.get_target_uri(pagename), f"{builder.config.cv_pdf_name}.pdf"
    )


def visit_pdf_link_html(self, node: pdf_link) -> None:
    if not is_linked(self.builder.config):
        raise nodes.SkipNode
    href = href_from(self.builder, self.builder.current_docname)
    self.body.append(
        f'<p class="cv-pdf-link"><a class="btn btn-primary" href="{href}">{LABEL}</a></p>\n'
    )
    raise nodes.SkipNode


def skip(self, node: pdf_link) -> None:
    raise nodes.SkipNode


def add_navbar_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    if not is_linked(app.config):
        return
    context["cv_pdf_href"] = href_from(app.builder, pagename)
    context["cv_pdf_label"] = LABEL


def copy_pdf_into_site(app: Sphinx, exception: Exception | None) -> None:
    """Copy the PDF next to index.html; an unlinked one of an earlier build is removed."""
    if exception or app.builder.format != "html" or read_the_docs_url():
        return
    if not app.config.cv_pdf_name:
        return
    in_site = Path(app.outdir, pdf_file_name(app))
    if is_linked(app.config):
        shutil.copyfile(local_pdf(app), in_site)
    else:
        in_site.unlink(missing_ok=True)


def setup(app: Sphinx) -> None:
    app.add_node(pdf_link, html=(visit_pdf_link_html, None), latex=(skip, None), text=(skip, None))
    app.add_directive("cv-pdf-link", PDFLinkDirective)
    # After site_theme has put the PDF link in the navbar.
    app.connect("config-inited", decide_link, priority=order.READ_FINAL_SETTINGS)
    app.connect("builder-inited", say_when_unlinked)
    app.connect("html-page-context", add_navbar_context)
    app.connect("build-finished", copy_pdf_into_site)
