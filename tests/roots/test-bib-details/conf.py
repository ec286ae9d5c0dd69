extensions = ["myst_parser", "cvsite"]
cv_owner = "Tobiah Halloran"
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
latex_documents = [("index", "pubs.tex", "Test", "Tobiah Halloran", "howto", False)]
