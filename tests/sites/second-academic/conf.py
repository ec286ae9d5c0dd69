# Settings of an invented academic's site, laid out as the repository's own (see README.md).
# The suite builds it to show that its checks, which read their truth from the sources, hold
# for anyone's content. Every person, institution, title and venue here is fictional.

# -- Who the site is about --------------------------------------------------------------------
cv_owner = "Zoë Ångström"
cv_owner_variants = ["Z. Ångström"]  # other spellings of cv_owner in refs.bib, all shown in bold
cv_email = "zoe.angstrom@example.org"
cv_homepage = "https://zoe-angstrom.example.org"
cv_position = "Associate Professor of Imaginary Mathematics, head of the Undrawn Graphs Group"
cv_affiliation = "University of Nowhere"  # not in cv_position: a line of its own
cv_photo = "_static/portrait.png"  # an invented face, drawn for this site
cv_pdf_photo = True
cv_profiles = {  # every form: known kinds by URL alone, and one of the site's own
    "orcid": "https://orcid.example.org/zoe-angstrom",
    "google-scholar": "https://scholar.example.org/zoe-angstrom",
    "github": "https://code.example.org/zoe-angstrom",
    "dblp": "https://dblp.example.org/zoe-angstrom",
    "mastodon": "https://social.example.org/@zoe",
    "seminar": {
        "url": "https://seminar.example.org/",
        "label": "Undrawn Graphs Seminar",
        "image": "_static/seminar.svg",
    },
}
cv_alumni_of = ["Imaginary Institute of Technology", "Fictional Academy of Sciences"]
cv_keywords = ["Imaginary Number Theory", "Colourings of Undrawn Graphs"]

# -- The PDF CV (make pdf) ----------------------------------------------------------------------
cv_pdf_name = "zoe-angstrom-cv"
cv_pdf_paper = "letter"  # the reference site prints on A4
# One variant in each layout (README: "Variants"), each with other rules.
cv_variants = {
    "teaching": {  # pages in another order, items by their tags
        "title": "Teaching CV",
        "pages": ["teaching", "talks", "education"],
        "tags": ["teaching"],
        "layout": "classic",
        "public": True,
    },
    "recent": {  # publications since 2023, of two kinds
        "title": "Recent publications",
        "pages": ["publications"],
        "publications": {"since": 2023, "kinds": ["peer-reviewed", "preprints"]},
        "layout": "modern",
        "public": True,
    },
    "two-page": {  # the three latest publications, within two pages; not linked
        "title": "Two-page CV",
        "pages": ["education", "awards", "publications"],
        "publications": {"latest": 3},
        "page_limit": 2,
        "layout": "compact",
    },
}

# -- The engine ------------------------------------------------------------------------------
# cvsite brings MyST, sphinxcontrib-bibtex (refs.bib), OpenGraph, pydata-sphinx-theme and its
# settings for a personal site; any of them set below wins over the engine's (README: "Settings").
extensions = ["cvsite"]
