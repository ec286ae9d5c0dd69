extensions = ["myst_parser", "cvsite"]
cv_owner = "Ada Lovelace"
bibtex_bibfiles = []
myst_enable_extensions = ["colon_fence"]
html_theme = "pydata_sphinx_theme"
