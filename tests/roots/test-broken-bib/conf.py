# A site whose refs.bib has a stray "}" on line 3: no reading of it is sensible.
extensions = ["myst_parser", "cvsite"]
cv_owner = "Ada Lovelace"
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
