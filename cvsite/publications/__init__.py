"""The publication record: the .bib files read, checked and reported once per build."""

from __future__ import annotations

from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    # Imported here, not above: importing one module of this package loads no other.
    from cvsite.publications import bib_check

    # After the cv_* settings are checked (400), before the environment compares the settings
    # with the last build's: it may point bibtex_bibfiles at a normalised copy.
    app.connect("config-inited", bib_check.check_for_build, priority=450)
