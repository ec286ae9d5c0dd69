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
    "selected", "abbr", "slides", "poster", "video", "publisher", "school", "institution",
    "howpublished", "volume", "number", "issue", "pages", "edition", "type",
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

# The months in order, as BibTeX's three-letter macros; `MONTHS` adds their other spellings.
MONTH_ABBREVIATIONS = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip

# Entry types by the list that shows them (publication-list's kinds); "other" takes the rest.
PEER_REVIEWED = frozenset(
    {"article", "inproceedings", "conference", "incollection", "inbook", "book", "proceedings"}
)
PREPRINT = frozenset({"misc", "unpublished", "online"})
KINDS: dict[str, frozenset[str] | None] = {
    "peer-reviewed": PEER_REVIEWED,
    "preprints": PREPRINT,
    "other": None,  # everything else
}

# Entry types as Google Scholar, Zotero and schema.org tell publications apart.
JOURNAL_TYPES = frozenset({"article"})
CONFERENCE_TYPES = frozenset({"inproceedings", "conference"})
CHAPTER_TYPES = frozenset({"incollection", "inbook"})
BOOK_TYPES = frozenset({"book", "proceedings"})
THESIS_TYPES = frozenset({"phdthesis", "mastersthesis", "thesis"})
REPORT_TYPES = frozenset({"techreport", "report"})
# Where `pages` are the pages of a part (for a book or thesis they would be its length).
PAGED_TYPES = JOURNAL_TYPES | CONFERENCE_TYPES | CHAPTER_TYPES
# Where the publisher is shown (a journal's publisher is not: the journal names the work's place).
PUBLISHED_TYPES = BOOK_TYPES | CHAPTER_TYPES | CONFERENCE_TYPES

# What kind of thesis or report an entry is, by its type, unless its `type` field says.
THESIS_LABELS = {
    "phdthesis": "Ph.D. thesis",
    "mastersthesis": "Master's thesis",
    "thesis": "Thesis",
}
REPORT_LABELS = {"techreport": "Technical Report", "report": "Report"}
# biblatex's keys for the `type` field (`type = {phdthesis}`), as it prints them.
TYPE_KEYS = {
    "phdthesis": "Ph.D. thesis", "mathesis": "Master's thesis", "mastersthesis": "Master's thesis",
    "candthesis": "Candidate thesis", "techreport": "Technical Report",
    "resreport": "Research Report",
}  # fmt: skip

# The venue as the lists show it: the first of these fields that is not empty. Our
# `venue_short` and al-folio's `abbr` first; the full name is the first of the rest.
SHORT_VENUE_FIELDS = ("venue_short", "abbr")
FULL_VENUE_FIELDS = (
    "booktitle", "journal", "journaltitle", "school", "institution", "publisher", "howpublished",
)  # fmt: skip

# Fields that hold a link, in the order the links are shown, with their labels.
LINK_FIELDS = (
    ("doi", "DOI"), ("url", "URL"), ("pdf", "PDF"), ("code", "Code"),
    ("slides", "Slides"), ("poster", "Poster"), ("video", "Video"),
)  # fmt: skip

# Years that name a state rather than a time: shown as written, sorted as the newest.
PENDING_YEARS = frozenset(
    {
        "in press", "to appear", "forthcoming", "submitted", "under review", "in review",
        "accepted", "in preparation", "under submission", "preprint",
    }
)  # fmt: skip

# `selected` as written: these read as yes and no; anything else is no, with a note.
SELECTED_YES = frozenset({"true", "yes", "1"})
SELECTED_NO = frozenset({"false", "no", "0"})

# Fields for this site (ours and al-folio's), meaningless in someone else's paper: left out of
# the BibTeX that a paper's page offers.
SITE_FIELDS = frozenset(
    {
        "award", "venue_short", "equal_contribution", "selected", "abbr", "bibtex_show",
        "preview", "html", "pdf", "code", "supp", "blog", "poster", "slides", "website",
        "video", "altmetric", "dimensions", "google_scholar_id", "inspirehep_id", "award_name",
        "additional_info", "file", "owner", "timestamp", "groups", "mendeley-groups",
    }
)  # fmt: skip

# crossref: what a child does not take from its parent. biblatex's list of fields that are
# never inherited (keys, labels, sorting), what names the parent work itself rather than the
# part (its identifiers, links, pages, abstract: a proceedings' DOI is no paper's DOI), DBLP's
# bookkeeping, and this site's fields about one publication (`selected`, `award`, its
# links); the venue's short name (`venue_short`, `abbr`) is inherited.
NOT_INHERITED = frozenset(
    {
        "ids", "crossref", "xref", "entryset", "entrysubtype", "execute", "label", "options",
        "presort", "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand",
        "shorthandintro", "sortkey", "key",
        "doi", "url", "urldate", "eprint", "eprinttype", "eprintclass", "archiveprefix",
        "primaryclass", "arxiv", "pages", "chapter", "abstract", "keywords", "file",
        "timestamp", "biburl", "bibsource",
    }
) | (SITE_FIELDS - {"venue_short", "abbr"})  # fmt: skip
# A part of a volume (a paper in proceedings, a chapter in a book) takes the volume's title as
# its `booktitle` (as biblatex maps it) when the volume has no booktitle, never as its title.
PART_TYPES = CONFERENCE_TYPES | CHAPTER_TYPES
TITLE_FIELDS = frozenset({"title", "subtitle", "titleaddon", "shorttitle"})
