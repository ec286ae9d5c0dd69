extensions = ["myst_parser", "sphinxext.opengraph", "cvsite"]
cv_owner = "Ada Lovelace"
bibtex_bibfiles = []
html_theme = "pydata_sphinx_theme"
html_baseurl = "https://example.org/ada/"
language = "en"
