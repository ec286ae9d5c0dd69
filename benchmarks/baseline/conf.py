# The bare baseline of `make bench`: pydata-sphinx-theme and sphinxcontrib-bibtex with its
# default style, building the same pages (our directives turned into plain Markdown and
# `{bibliography}` directives by benchmarks/bare_pages.py) and the same .bib file.
project = "Baseline"
author = "Baseline"
extensions = ["myst_parser", "sphinxcontrib.bibtex"]
myst_enable_extensions = ["colon_fence", "deflist"]
bibtex_bibfiles = ["refs.bib"]
html_theme = "pydata_sphinx_theme"
latex_engine = "xelatex"  # as Read the Docs builds a PDF
suppress_warnings = ["bibtex.duplicate_citation", "bibtex.duplicate_label"]
