"""Build speed: caches kept between builds, and work done beside the build."""

from __future__ import annotations

from importlib import import_module

from sphinx.application import Sphinx

# Each registers its own handlers, in this order; imported in setup(), so that importing one
# module of this package loads no other.
COMPONENTS = ("citation_reuse", "garbage_collection", "strict_rebuilds", "formatting_cache")


def setup(app: Sphinx) -> None:
    for name in COMPONENTS:
        import_module(f"{__name__}.{name}").setup(app)
