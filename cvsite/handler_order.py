"""Where cvsite's handlers stand among all the handlers of an event, in one place.

Sphinx calls an event's handlers by priority, lowest first. 500 is its default, and the
libraries under cvsite (Sphinx's own collectors, pydata-sphinx-theme, sphinxcontrib-bibtex,
sphinxext-opengraph) use it. A cvsite handler that must come before or after another one
takes its priority from here; every other handler keeps the default.
"""

# config-inited: the settings are completed, checked, then read.
FILL_DEFAULTS = 200  # the engine's defaults where conf.py gives none; everything after reads them
CHECK_SOURCE_FOLDER = 300  # a build of the wrong folder says only that
CHECK_SETTINGS = 400  # the cv_* settings: every problem in one ConfigError
# After the settings are checked, and before Sphinx compares them with the last build's:
# the .bib check may point bibtex_bibfiles at a normalised copy.
CHECK_BIB_FILES = 450
# 500: the defaults that follow the checked settings (pdf/pdf_cv.py: latex_*;
# web/site_theme.py: the theme's options and html_baseurl).
NAME_PDF_CREATOR = 550  # into the latex_elements that pdf_cv.py has filled
READ_FINAL_SETTINGS = 600  # links and previews decided from the settings as the build has them
LAST = 999  # the collector paused as Sphinx turns to loading the environment (speed/)

# builder-inited, env-get-outdated, build-finished: what sets up or undoes the build's own
# state (logging filters, the frozen heap, the page makers) comes first, so that it is in
# place before any handler can fail, and is undone even when a later one fails.
BUILD_STATE = 0
NOTE_BUILD_START = 1  # after the warning filters are in place
# After sphinxcontrib-bibtex has read the .bib files (500): the records' crossref parents.
KNOW_BIB_ENTRIES = 510
ATTACH_FORMATTING_CACHE = 550  # after sphinxcontrib-bibtex has read the .bib files (500)
REPORT_FORMATTED = 900  # env-updated: after sphinxcontrib-bibtex has formatted its lists
NOTE_BUILD_END = 1000  # build-finished: after every handler that may warn

# doctree-read and html-page-context: before the handler of the same event that reads what
# cvsite's changes (Sphinx's table-of-contents collector reads the sections, the theme the
# page's sidebars, sphinxext-opengraph its description, paper_pages.py the prototype page).
BEFORE_READERS = 400
# html-page-context: after the theme has dropped its own stylesheet from css_files.
AFTER_THEME = 600
