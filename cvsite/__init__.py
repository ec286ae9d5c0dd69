"""cvsite: a Sphinx extension that turns MyST pages and a .bib file into an academic site and CV."""

from cvsite.own_warnings import install_if_asked

# The one place of the version: pyproject.toml reads it, sites record it (cvsite/web/generator.py).
__version__ = "0.1.0"
install_if_asked()


def setup(app):
    # Imported here so that `python -m cvsite.<tool>` does not load the whole extension first.
    from cvsite.extension import setup as setup_extension

    return setup_extension(app)
