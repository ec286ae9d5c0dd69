"""How entries look: the publication lists' style, the lists, and CV entries."""

from __future__ import annotations

from importlib import import_module

from sphinx.application import Sphinx

# Each registers its own directives, nodes and handlers, in this order; imported in setup(), so
# that importing one module of this package loads no other.
COMPONENTS = ("bib_style", "cv_entry", "publication_list", "owner_header")


def setup(app: Sphinx) -> None:
    for name in COMPONENTS:
        import_module(f"{__name__}.{name}").setup(app)
