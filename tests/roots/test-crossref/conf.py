extensions = ["myst_parser", "cvsite"]
cv_owner = "Ines Varga"
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
html_baseurl = "https://varga.example.org/"
latex_documents = [("index", "pubs.tex", "Test", "Ines Varga", "howto", False)]
