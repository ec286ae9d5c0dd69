# Settings of the site and PDF CV; the cvsite engine (requirements.txt) does the rest, and an
# upgrade of it leaves this file as it is. Every cv_* setting and what it changes:
# `cvsite settings`, or the "Settings" section of cvsite's README.

# -- Who the site is about --------------------------------------------------------------------
cv_owner = "{{name}}"
cv_owner_variants = []  # other spellings of cv_owner in refs.bib, all shown in bold
cv_email = "{{email}}"
cv_homepage = "{{homepage}}"
cv_affiliation = ""  # your institution, for search engines
cv_alumni_of = []  # the institutions of your past degrees
cv_keywords = []  # your research topics, for the PDF's keywords

# -- The PDF CV (make pdf) ----------------------------------------------------------------------
cv_pdf_name = "{{pdf_name}}"  # _build/pdf/{{pdf_name}}.pdf
cv_pdf_paper = "{{paper}}"  # "a4" or "letter"

project = "{{name}}"
author = "{{name}}"
copyright = "{{name}}"

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
html_title = "{{name}}"
html_favicon = "docs/_static/favicon.svg"
# Your own files: docs/_static/ (stylesheets, images; add a stylesheet with
# html_css_files = ["custom.css"]) and docs/_templates/ (template overrides, searched before
# the engine's). An upgrade of cvsite never touches either.
html_static_path = ["docs/_static"]
templates_path = ["docs/_templates"]
html_copy_source = False
html_use_index = False  # a CV needs no general index page
html_show_sourcelink = False
html_theme_options = {"navigation_with_keys": False}
sitemap_url_scheme = "{link}"  # one language, one version: no /en/latest/ in the URLs
sitemap_excludes = ["search.html", "genindex.html"]
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary" />']
