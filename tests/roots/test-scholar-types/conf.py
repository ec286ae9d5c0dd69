extensions = ["myst_parser", "cvsite"]
cv_owner = "Ada Lovelace"
cv_homepage = "https://example.org"
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
