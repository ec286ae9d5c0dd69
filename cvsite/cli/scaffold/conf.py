# Settings of the site and PDF CV; the cvsite engine (requirements.txt) does the rest, and an
# upgrade of it leaves this file as it is. Every cv_* setting and what it changes:
# `cvsite settings`, or the "Settings" section of cvsite's README.

# -- Who the site is about --------------------------------------------------------------------
cv_owner = "{{name}}"
# Other spellings of cv_owner in refs.bib, all shown in bold.
cv_owner_variants = "{{owner_variants}}"
cv_email = "{{email}}"
cv_homepage = "{{homepage}}"
cv_position = "{{position}}"  # one line under your name, e.g. "Professor of Mathematics"
cv_affiliation = "{{affiliation}}"  # your institution: under your name, and for search engines
cv_photo = "{{photo}}"  # a photo on the home page: a file under docs/, e.g. "_static/photo.jpg"
cv_pdf_photo = False  # True: the photo in the PDF's header too (a .jpg or .png)
# Your pages elsewhere, as icons in the navbar, the home page and the PDF's header. Kinds:
# orcid, google-scholar, github, linkedin, dblp, semantic-scholar, researchgate, mastodon,
# bluesky, x; any other: "blog": {"url": "https://...", "label": "Blog", "icon": "fa-solid fa-pen"}
cv_profiles = "{{profiles}}"
cv_alumni_of = []  # the institutions of your past degrees
cv_keywords = "{{keywords}}"  # your research topics, for the PDF's keywords

# -- The PDF CV (make pdf) ----------------------------------------------------------------------
# The PDF is named after cv_owner (_build/pdf/ada-lovelace-cv.pdf for "Ada Lovelace"); to
# name it yourself: cv_pdf_name = "my-cv"
cv_pdf_paper = "{{paper}}"  # "a4" or "letter"

# -- The engine ------------------------------------------------------------------------------
# cvsite brings MyST, sphinxcontrib-bibtex (refs.bib), OpenGraph, pydata-sphinx-theme and its
# settings for a personal site; any of them set below wins over the engine's (README: "Settings").
extensions = ["cvsite"]
# Your own files, found by the engine: docs/_static/ (favicon.svg, stylesheets, images: add
# one with html_css_files = ["custom.css"]) and docs/_templates/ (template overrides,
# searched before the engine's). An upgrade of cvsite never touches either.
