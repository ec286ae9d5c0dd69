"""The PDF CV: Sphinx's LaTeX builder set up as a CV, in every script."""

from __future__ import annotations

from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    # Imported here, not above: importing one module of this package loads no other.
    from cvsite.pdf import pdf_cv, pdf_scripts

    app.connect("config-inited", pdf_cv.apply_defaults)
    # The PDF in every script: runs the main font lacks switch font (LaTeX only).
    app.add_node(pdf_scripts.script_run, **pdf_scripts.VISITORS)
    app.add_post_transform(pdf_scripts.WrapScriptRuns)
