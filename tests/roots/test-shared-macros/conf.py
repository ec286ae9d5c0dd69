# Two .bib files: the @string macros of the first are used in the second, as BibTeX allows.
extensions = ["myst_parser", "cvsite"]
cv_owner = "Ada Lovelace"
bibtex_bibfiles = ["macros.bib", "refs.bib"]
myst_enable_extensions = ["colon_fence"]
