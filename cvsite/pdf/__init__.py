"""The PDF CV: Sphinx's LaTeX builder set up as a CV, in every script."""

from __future__ import annotations

from importlib import import_module

from sphinx.application import Sphinx

# Each registers its own directives, nodes and handlers, in this order; imported in setup(), so
# that importing one module of this package loads no other.
COMPONENTS = ("pdf_cv", "pdf_scripts", "page_room")


def setup(app: Sphinx) -> None:
    for name in COMPONENTS:
        import_module(f"{__name__}.{name}").setup(app)
