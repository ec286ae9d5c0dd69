# One .bib of tests/bib_quirks/, built as a site of its own: tests/test_bib_quirks.py names the
# file and its owner (the `% owner:` line of the fixture) in the environment.
import os

extensions = ["myst_parser", "cvsite"]
cv_owner = os.environ["CVSITE_QUIRK_OWNER"]
bibtex_bibfiles = [os.environ["CVSITE_QUIRK_BIB"]]
myst_enable_extensions = ["colon_fence"]
