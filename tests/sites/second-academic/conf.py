# Settings of an invented academic's site, laid out as the repository's own (see README.md).
# The suite builds it to show that its checks, which read their truth from the sources, hold
# for anyone's content. Every person, institution, title and venue here is fictional.

# -- Who the site is about --------------------------------------------------------------------
cv_owner = "Zoë Ångström"
cv_owner_variants = ["Z. Ångström"]  # other spellings of cv_owner in refs.bib, all shown in bold
cv_email = "zoe.angstrom@example.org"
cv_homepage = "https://zoe-angstrom.example.org"
cv_affiliation = "University of Nowhere"
cv_alumni_of = ["Imaginary Institute of Technology", "Fictional Academy of Sciences"]
cv_keywords = ["Imaginary Number Theory", "Colourings of Undrawn Graphs"]

# -- The PDF CV (make pdf) ----------------------------------------------------------------------
cv_pdf_name = "zoe-angstrom-cv"
cv_pdf_paper = "letter"  # the reference site prints on A4

project = "Zoë Ångström"
author = "Zoë Ångström"
copyright = "Zoë Ångström"

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
html_title = "Zoë Ångström"
html_favicon = "docs/_static/favicon.svg"
html_copy_source = False
html_use_index = False  # a CV needs no general index page
html_show_sourcelink = False
html_theme_options = {"navigation_with_keys": False}
sitemap_url_scheme = "{link}"  # one language, one version: no /en/latest/ in the URLs
sitemap_excludes = ["search.html", "genindex.html"]
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary" />']
