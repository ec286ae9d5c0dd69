extensions = ["myst_parser", "cvsite"]
cv_owner = "Ada Lovelace"
# .bib files as other tools write them: each must build, with every entry shown.
bibtex_bibfiles = [
    "zotero.bib",
    "jabref.bib",
    "mendeley.bib",
    "google-scholar.bib",
    "al-folio.bib",
    "biblatex.bib",
]
myst_enable_extensions = ["colon_fence"]
