"""The web layer: the theme set up for a CV, its icons and weight, sitemap and search engines."""

from __future__ import annotations

from importlib import import_module

from sphinx.application import Sphinx

# Each registers its own directives, nodes and handlers, in this order; imported in setup(), so
# that importing one module of this package loads no other.
COMPONENTS = (
    "site_theme", "navbar_fit", "generator", "search_engines", "sitemap", "pdf_link",
    "page_weight",
)  # fmt: skip


def setup(app: Sphinx) -> None:
    for name in COMPONENTS:
        import_module(f"{__name__}.{name}").setup(app)
