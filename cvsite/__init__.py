"""cvsite: a Sphinx extension that turns MyST pages and a .bib file into an academic site and CV."""

from .extension import setup

__all__ = ["setup"]
__version__ = "0.1.0"
