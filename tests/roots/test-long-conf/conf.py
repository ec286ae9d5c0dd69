# This repository's conf.py as it was written before `extensions = ["cvsite"]` brought the
# engine's settings (an invented owner): the long way must keep building, with no warning.

# -- Who the site is about --------------------------------------------------------------------
cv_owner = "Ida Quill"
cv_owner_variants = []  # other spellings of cv_owner in refs.bib, all shown in bold
cv_email = "ida@example.org"
cv_homepage = "https://ida-quill.example.org"
cv_affiliation = "University of Nowhere"
cv_alumni_of = ["Imaginary Institute"]
cv_keywords = ["Undrawn Graphs"]

# -- The PDF CV (make pdf) ----------------------------------------------------------------------
cv_pdf_name = "ida-quill-cv"  # _build/pdf/ida-quill-cv.pdf
cv_pdf_paper = "a4"  # or "letter"

project = "Ida Quill"
author = "Ida Quill"
copyright = "2026, Ida Quill"

# -- Sources ----------------------------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "sphinxext.opengraph",
    "cvsite",
]
root_doc = "index"
exclude_patterns = []
myst_enable_extensions = ["colon_fence", "deflist"]
bibtex_bibfiles = ["refs.bib"]
language = "en"

# -- HTML -------------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = "Ida Quill"
html_favicon = "docs/_static/favicon.svg"
# Template overrides of this site, searched before the engine's (docs/_templates/README.txt of a
# new site says how); none yet. An upgrade of cvsite never touches them.
templates_path = ["docs/_templates"]
html_copy_source = False
html_use_index = False  # a CV needs no general index page
html_show_sourcelink = False
html_theme_options = {"navigation_with_keys": False}
sitemap_url_scheme = "{link}"  # one language, one version: no /en/latest/ in the URLs
sitemap_excludes = ["search.html", "genindex.html"]
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary" />']
