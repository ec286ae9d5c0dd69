"""The PDF CV: Sphinx's LaTeX builder set up to read like a CV, not like a manual.

Only the section pages go into the PDF (the home page's own text is for the web): a header with
the name, position, contact line and profiles (rendering/owner_header.py), compact unnumbered
sections (drawn in the build's layout: pdf/layouts.py), no title page, contents or index, and at
the end, small, "Last updated <Month YYYY>" from the sources' date (never the clock, so that two
builds give the same bytes; cvsite/config/source_date.py).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.latex import default_latex_documents
from sphinx.config import Config

from cvsite.config.source_date import source_date
from cvsite.pdf import layouts
from cvsite.pdf.pdf_scripts import latex_escape
from cvsite.rendering import owner_header
from cvsite.variants import declared

PAPER_SIZES = {"a4": "a4paper", "letter": "letterpaper"}


def paper_size(setting: object) -> str | None:
    """LaTeX's name of the paper cv_pdf_paper names, in any case ("A4", "Letter"), or None."""
    return PAPER_SIZES.get(setting.strip().casefold()) if isinstance(setting, str) else None


def pdf_metadata(config: Config) -> str:
    variant = declared.current(config)
    title = "Curriculum Vitae" if variant.is_full else variant.title
    fields = {
        "pdftitle": f"{config.cv_owner}: {title}",
        "pdfauthor": config.cv_owner,
        "pdfsubject": "Curriculum Vitae",
        "pdfkeywords": ", ".join(config.cv_keywords),
    }
    return r"\hypersetup{" + ",".join(f"{k}={{{latex_escape(v)}}}" for k, v in fields.items()) + "}"


# In English, as the words around them, whatever the machine's locale.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip


def last_updated(app: Sphinx, config: Config) -> str:
    r"""`\cvsitelastupdated{December 2026}`."""
    date = source_date(Path(app.confdir), Path(app.srcdir))
    month = f"{MONTH_NAMES[date.month - 1]} {date.year}"
    return rf"\cvsitelastupdated{{{latex_escape(month)}}}"


def latex_documents_left_out(config: Config) -> bool:
    """Whether conf.py left latex_documents out: it holds what Sphinx's LaTeX builder computes
    then (its own default_latex_documents, the function it registers as the default)."""
    return list(config.latex_documents) == list(default_latex_documents(config))


def apply_defaults(app: Sphinx, config: Config) -> None:
    """Fill the latex_* settings from the cv_* ones; a value set in conf.py wins."""
    variant = declared.current(config)
    name = declared.file_stem(config, variant)  # a variant's: ada-lovelace-cv-short
    title = f"{config.cv_owner}: {'CV' if variant.is_full else variant.title}"
    config.latex_engine = "xelatex"
    if latex_documents_left_out(config):
        # toctree_only=True: the section pages, not the home page's introduction.
        config.latex_documents = [
            (
                config.root_doc,
                f"{name}.tex",
                title,
                config.cv_owner,
                "howto",
                True,
            )
        ]
    photo = [str(Path(app.srcdir, config.cv_photo))] if owner_header.pdf_photo_name(config) else []
    styles = [str(path) for path in layouts.style_files()]
    config.latex_additional_files = [*config.latex_additional_files, *styles, *photo]
    config.latex_domain_indices = False
    config.latex_use_xindy = False
    config.latex_show_urls = "no"
    layout = layouts.latex_elements_for(variant.layout)
    elements = {
        "papersize": paper_size(config.cv_pdf_paper),
        "pointsize": "10pt",
        "releasename": "",
        "fncychap": "",
        "maketitle": owner_header.latex_header(config),
        "tableofcontents": "",
        "printindex": "",
        "atendofbody": last_updated(app, config),
        "extraclassoptions": "openany,oneside",
        "sphinxsetup": layout["sphinxsetup"],
        "preamble": layout["preamble"] + "\n" + pdf_metadata(config),
    }
    config.latex_elements = {**elements, **config.latex_elements}


def setup(app: Sphinx) -> None:
    app.connect("config-inited", apply_defaults)
