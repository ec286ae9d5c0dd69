# One .bib of tests/bib_quirks/, built as a site of its own: tests/test_bib_quirks.py gives the
# file and its owner (the `% owner:` line of the fixture) as the overrides bibtex_bibfiles and
# cv_owner, as `sphinx-build -D` would.
extensions = ["myst_parser", "cvsite"]
myst_enable_extensions = ["colon_fence"]
