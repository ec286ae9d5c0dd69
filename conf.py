# Settings of the site and PDF CV; behaviour lives in the cvsite package (see README.md).

# -- Who the site is about --------------------------------------------------------------------
cv_owner = "Zangwei Zheng"
cv_owner_variants = []  # other spellings of cv_owner in refs.bib, all shown in bold
cv_email = "zangwei@comp.nus.edu.sg"
cv_homepage = "https://zhengzangw.github.io"
cv_affiliation = "National University of Singapore"
cv_alumni_of = ["Nanjing University"]
cv_keywords = ["Efficient Machine Learning", "Large-scale Deep Learning Optimization"]

# -- The PDF CV (make pdf) ----------------------------------------------------------------------
cv_pdf_name = "zangwei-zheng-cv"  # _build/pdf/zangwei-zheng-cv.pdf
cv_pdf_paper = "a4"  # or "letter"

project = "Zangwei Zheng"
author = "Zangwei Zheng"
copyright = "Zangwei Zheng"

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
html_title = "Zangwei Zheng"
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
