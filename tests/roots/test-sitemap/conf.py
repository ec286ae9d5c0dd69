extensions = ["myst_parser", "cvsite"]
cv_owner = "Ada Lovelace"
bibtex_bibfiles = []
html_theme = "pydata_sphinx_theme"
html_baseurl = "https://example.org/ada"
language = "en"
sitemap_url_scheme = "{lang}{link}"
sitemap_excludes = ["search.html", "genindex.html", "drafts/*"]
