# Settings of the site and PDF CV; behaviour lives in the cvsite package (see README.md).

# -- Who the site is about --------------------------------------------------------------------
cv_owner = "Zangwei Zheng"
cv_owner_variants = []  # other spellings of cv_owner in refs.bib, all shown in bold
cv_email = "zangwei@comp.nus.edu.sg"
cv_homepage = "https://zhengzangw.github.io"
cv_position = (
    "Ph.D. student in Computer Science at the National University of Singapore (HPC-AI Lab), "
    "supervised by Prof. Yang You."
)
cv_affiliation = "National University of Singapore"
cv_alumni_of = ["Nanjing University"]
cv_keywords = ["Efficient Machine Learning", "Large-scale Deep Learning Optimization"]

# -- The PDF CV (make pdf) ----------------------------------------------------------------------
cv_pdf_name = "zangwei-zheng-cv"  # _build/pdf/zangwei-zheng-cv.pdf
cv_pdf_paper = "a4"  # or "letter"
# Two more CVs from the same pages (README: "Variants"), each a PDF linked from the home page:
# one page for applications (the entries tagged "short", the selected publications), and the
# publications alone.
cv_variants = {
    "one-page": {
        "title": "One-page CV",
        "pages": ["research-experience", "education", "publications"],
        "tags": ["short"],
        "untagged": False,
        "publications": {"selected": True},
        "page_limit": 1,
        "layout": "compact",
        "public": True,
    },
    "publications": {
        "title": "Publications",
        "pages": ["publications"],
        "public": True,
    },
}

# -- The engine ------------------------------------------------------------------------------
# cvsite brings MyST, sphinxcontrib-bibtex (refs.bib), OpenGraph, pydata-sphinx-theme and its
# settings for a personal site; any of them set below wins over the engine's (README: "Settings").
extensions = ["cvsite"]
