# An invented academic with every item of the header: the photo (in the PDF too), each form of
# cv_profiles (known kinds by URL, a site's own icon file, a Font Awesome name cvsite does not
# draw), and a position that names the affiliation.
extensions = ["myst_parser", "cvsite"]
cv_owner = "Ada Lovelace"
cv_email = "ada@example.org"
cv_homepage = "https://ada.example.org/~ada/home/"
cv_position = "Analyst of Engines at the Imaginary Society of London"
cv_affiliation = "Imaginary Society of London"
cv_photo = "_static/photo.png"
cv_pdf_photo = True
cv_profiles = {
    "orcid": "https://orcid.example.org/ada",
    "x": "https://x.example.org/ada",
    "notes": {
        "url": "https://notes.example.org/?q=a_b&c=1#top%20",
        "label": "Notes & Drafts",
        "image": "_static/blog.svg",
    },
    "code": {
        "url": "https://code.example.org/ada",
        "label": "Python",
        "icon": "fa-brands fa-python",
    },
}
bibtex_bibfiles = []
html_theme = "pydata_sphinx_theme"
html_static_path = ["_static"]
