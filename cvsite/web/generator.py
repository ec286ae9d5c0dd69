"""The engine's version, recorded in what it builds, so a site shows which cvsite made it.

Every HTML page gets `<meta name="generator" content="cvsite X.Y.Z">` (through the page's
metatags, which any layout that extends the theme's keeps), and the PDF says it as its Creator.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from cvsite import __version__
from cvsite import handler_order as order

GENERATOR = f"cvsite {__version__}"


def add_generator_tag(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    tag = f'<meta name="generator" content="{GENERATOR}" />\n'
    context["metatags"] = context.get("metatags", "") + tag


def name_pdf_creator(app: Sphinx, config: Config) -> None:
    """After pdf_cv.apply_defaults: a preamble conf.py set keeps its text, and gains the line."""
    elements = dict(config.latex_elements)
    creator = rf"\hypersetup{{pdfcreator={{{GENERATOR}}}}}"
    elements["preamble"] = elements.get("preamble", "") + "\n" + creator
    config.latex_elements = elements


def setup(app: Sphinx) -> None:
    app.connect("config-inited", name_pdf_creator, priority=order.NAME_PDF_CREATOR)
    # Before paper_pages renders its prototype, so paper pages carry it too.
    app.connect("html-page-context", add_generator_tag, priority=order.BEFORE_READERS)
