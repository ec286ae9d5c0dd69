# An invented academic's CV of about three pages, laid out as the repository (conf.py, docs/,
# refs.bib), for tests/test_page_limits.py: "Research experience" fills about one page. Every
# person, institution, title and venue here is fictional.
cv_owner = "Ilse Varga-Moreau"
cv_email = "ilse@example.org"
cv_homepage = "https://ilse.example.org"
cv_position = "Research Fellow in Invented Hydrology"
cv_affiliation = "University of Nowhere"
cv_pdf_name = "ilse-varga-moreau-cv"
cv_pdf_page_limit = 3  # it has three pages; the tests lower it
extensions = ["cvsite"]
