extensions = ["myst_parser", "cvsite"]
cv_owner = "Ada Lovelace"
cv_email = "ada@example.org"
bibtex_bibfiles = []
html_theme = "pydata_sphinx_theme"
