"""The PDF's latex_* settings come from the cv_* ones, and a latex_documents of conf.py wins
(cvsite/pdf/pdf_cv.py tells them apart through Sphinx's own default, not its config internals)."""

from __future__ import annotations

import pytest


@pytest.mark.sphinx("latex", testroot="page-weight", srcdir="pdf-defaults-left-out")
def test_latex_documents_left_out_are_the_cvs(app):
    [(start, target, title, author, theme, toctree_only)] = app.config.latex_documents
    # cv_pdf_name left out too: named after cv_owner.
    assert (start, target, title, author) == (
        "index", "ada-lovelace-cv.tex", "Ada Lovelace: CV", "Ada Lovelace",
    )  # fmt: skip
    assert (theme, toctree_only) == ("howto", True)


@pytest.mark.sphinx("latex", testroot="bib-style", srcdir="pdf-defaults-given")
def test_latex_documents_of_conf_py_win(app):
    # tests/roots/test-bib-style/conf.py sets its own.
    assert app.config.latex_documents == [
        ("index", "pubs.tex", "Test", "Ada Lovelace", "howto", False)
    ]
