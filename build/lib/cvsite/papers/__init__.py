"""A page per paper, with what Google Scholar and search engines read, and its BibTeX."""

from __future__ import annotations

from importlib import import_module

from sphinx.application import Sphinx

# Each registers its own directives, nodes and handlers, in this order; imported in setup(), so
# that importing one module of this package loads no other.
COMPONENTS = ("selected", "paper_body", "title_links", "paper_pages")


def setup(app: Sphinx) -> None:
    for name in COMPONENTS:
        import_module(f"{__name__}.{name}").setup(app)
