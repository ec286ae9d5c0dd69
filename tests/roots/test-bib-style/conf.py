extensions = ["myst_parser", "cvsite"]
cv_owner = "Ada Lovelace"
cv_owner_variants = ["A. Lovelace"]
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
latex_documents = [("index", "pubs.tex", "Test", "Ada Lovelace", "howto", False)]
