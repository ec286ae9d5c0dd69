"""The site written in other tools' formats, read the way the build reads it: each exporter is
a Sphinx builder (`cvsite export jsonresume` runs the one named "jsonresume")."""

from __future__ import annotations

from importlib import import_module

from sphinx.application import Sphinx

# Each registers its own builder; imported in setup(), so that importing one module of this
# package loads no other.
COMPONENTS = ("jsonresume",)


def setup(app: Sphinx) -> None:
    for name in COMPONENTS:
        import_module(f"{__name__}.{name}").setup(app)
