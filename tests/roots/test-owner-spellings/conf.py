extensions = ["myst_parser", "cvsite"]
cv_owner = "Rafał Jean-Pierre Torralba-Agell"
cv_not_owner = ["R. Torralba-Agell"]
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
