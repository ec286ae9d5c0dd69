"""CV variants: other CVs from the same sources (a short CV, a publication list), each a PDF
of its own, chosen by rules that the site's lists can use too.

declared.py reads and checks `cv_variants`; selection.py holds the rules (an entry's tags, a
publication's year, kind, mark and keywords), once; pdf_variant.py narrows a variant's LaTeX
build to what its rules select; links.py lists the public variants on the site.
"""

from __future__ import annotations

from importlib import import_module

from sphinx.application import Sphinx

# Each registers its own roles, nodes and transforms; imported in setup(), so that importing
# one module of this package (declared.py, for the settings' check) loads no other.
COMPONENTS = ("tags", "pdf_variant", "links")


def setup(app: Sphinx) -> None:
    for name in COMPONENTS:
        import_module(f"{__name__}.{name}").setup(app)
