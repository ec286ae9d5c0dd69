"""What the .bib files' fields mean to the site: which each entry type needs, which the site
shows, which exporters write, and the month names BibTeX knows."""

from __future__ import annotations

# BibTeX's required fields per type; "a|b" means either. Every entry also needs a title, the
# one field the site cannot do without: the others, when missing, are left out and reported.
REQUIRED_FIELDS = {
    "article": ("author", "title", "journal|journaltitle", "year|date"),
    "inproceedings": ("author", "title", "booktitle", "year|date"),
    "conference": ("author", "title", "booktitle", "year|date"),
    "book": ("author|editor", "title", "publisher", "year|date"),
    "inbook": ("author|editor", "title", "chapter|pages", "publisher", "year|date"),
    "incollection": ("author", "title", "booktitle", "publisher", "year|date"),
    "proceedings": ("title", "year|date"),
    "phdthesis": ("author", "title", "school|institution", "year|date"),
    "mastersthesis": ("author", "title", "school|institution", "year|date"),
    "techreport": ("author", "title", "institution", "year|date"),
    "manual": ("title",),
    "booklet": ("title",),
    "misc": ("title",),
    "unpublished": ("author", "title"),
    "online": ("title",),
}
# Fields our style renders or reads: a near miss of one of these is a typo, not a new field.
RENDERED_FIELDS = {
    "title", "author", "editor", "booktitle", "journal", "year", "date", "month", "eprint",
    "archiveprefix", "doi", "url", "pdf", "code", "award", "venue_short", "equal_contribution",
    "selected", "abbr", "publisher", "school", "institution", "howpublished",
}  # fmt: skip
# Fields that exporters (Zotero, JabRef, Mendeley, Google Scholar, al-folio, biblatex,
# MathSciNet, ADS) and CV sites write: never taken for typos, and ignored unless rendered.
KNOWN_FIELDS = RENDERED_FIELDS | {
    "abstract", "address", "annote", "annotation", "chapter", "copyright", "crossref",
    "edition", "eprinttype", "eprintclass", "primaryclass", "file", "isbn", "issn", "issue",
    "journaltitle", "key", "keywords", "language", "langid", "location", "mendeley-tags",
    "note", "number", "organization", "pages", "series", "shorttitle", "type", "urldate",
    "volume", "timestamp", "biburl", "bibsource", "owner", "groups", "pmid", "mrnumber",
    "eventtitle", "eventdate", "venue", "pubstate", "subtitle", "titleaddon", "entrysubtype",
    "bibtex_show", "preview", "html", "supp", "blog", "poster", "slides", "website", "video",
    "altmetric", "dimensions", "google_scholar_id", "inspirehep_id", "award_name",
    "additional_info", "arxiv", "dataset", "doi_url", "medium", "day", "version",
    "data", "preprint", "fjournal", "mrclass", "mrreviewer", "eid", "adsurl", "adsnote",
}  # fmt: skip
MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "sept",
}  # fmt: skip
