# Only what a site must set; tests/test_settings_robustness.py adds or removes one setting.
extensions = ["myst_parser", "cvsite"]
cv_owner = "Ada Lovelace"
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
