"""The site's settings: the engine's defaults, the `cv_*` ones and sphinxcontrib-bibtex's,
checked before a build."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the package is imported without Sphinx by `cvsite new` (profiles.py)
    from sphinx.application import Sphinx

# Each registers its own settings and handlers, in this order; imported in setup(), so that
# importing one module of this package loads no other.
COMPONENTS = ("defaults", "hints", "settings", "source_folder")


def setup(app: Sphinx) -> None:
    for name in COMPONENTS:
        import_module(f"{__name__}.{name}").setup(app)
