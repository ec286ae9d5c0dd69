# A CV with names and titles in many scripts, laid out as the repository (conf.py, docs/,
# refs.bib), for tests/test_pdf_scripts.py. Every person and title here is invented.
cv_owner = "Ada Lovelace"
cv_pdf_name = "scripts-cv"
project = author = copyright = "Ada Lovelace"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "cvsite"]
root_doc = "index"
myst_enable_extensions = ["colon_fence", "deflist"]
bibtex_bibfiles = ["refs.bib"]
language = "en"
html_theme = "pydata_sphinx_theme"
