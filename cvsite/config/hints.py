"""The fix, added to the warnings of Sphinx and MyST that a site's pages most often cause.

Their messages say what is wrong but not what to do; the build log is where the user looks,
and the fix belongs on the warning's own line (tests/test_bad_input.py). Neither Sphinx nor
MyST has a way to add to another's message, so this is the one place where cvsite reaches
into Sphinx's logging: a filter put first on each of the handlers that Sphinx set up for this
build (before its own filters add the location and the [type.subtype] tag), for the build
only. It changes only records whose (type, subtype) or text is in the tables below.
"""

from __future__ import annotations

import logging

from sphinx.application import Sphinx

from cvsite import handler_order as order

# (type, subtype) of a Sphinx log record -> what to do about it.
FIXES = {
    ("myst", "directive_unknown"): "check the spelling; this site's own directives are "
    "cv-entry, publication-list, selected-publications and cv-pdf-link",
    ("myst", "directive_option"): "remove the option or correct its name",
    ("myst", "topmatter"): "fix the YAML between the two '---' lines at the top of the page "
    "(quote a value that holds ':', '[' or '{')",
    ("myst", "xref_missing"): "link to a page of docs/ by its file name, as in "
    "[Skills](skills.md), or correct the spelling",
    ("image", "not_readable"): "put the image under docs/ (for example docs/_static/) and give "
    "its path relative to the page",
    ("toc", "not_included"): "list the page in the toctree of docs/index.md, or delete it",
    ("ref", "doc"): "link to a page of docs/ by its file name, or correct the spelling",
}

# A message that means more than its type says -> what to do about it.
FIXES_BY_TEXT = {
    "Unknown directive type: 'paper'": "this page was generated into docs/publications/ by an "
    "earlier version of the site, which now makes paper pages without sources: delete that "
    "folder",
}


class AddFix(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        fix = FIXES.get((getattr(record, "type", ""), getattr(record, "subtype", "")))
        fix = next((f for text, f in FIXES_BY_TEXT.items() if text in str(record.msg)), fix)
        if fix and not getattr(record, "cvsite_fix_added", False):
            record.msg = f"{record.getMessage()}; {fix}"
            record.args = ()
            record.cvsite_fix_added = True
        return True


def install(app: Sphinx) -> None:
    """builder-inited, first: the handlers belong to this application's run; install on each
    of them, first, so that Sphinx's own filters add the location and the [type.subtype] tag
    around our text."""
    for handler in logging.getLogger("sphinx").handlers:
        if not any(isinstance(f, AddFix) for f in handler.filters):
            handler.filters.insert(0, AddFix())


def uninstall(app: Sphinx, exception: Exception | None = None) -> None:
    """build-finished, first (it runs whether the build failed or not): Sphinx's handlers are
    as Sphinx set them up."""
    for handler in logging.getLogger("sphinx").handlers:
        for fix in [f for f in handler.filters if isinstance(f, AddFix)]:
            handler.removeFilter(fix)


def setup(app: Sphinx) -> None:
    # The fixes of common warnings, on Sphinx's handlers for the build only.
    app.connect("builder-inited", install, priority=order.BUILD_STATE)
    app.connect("build-finished", uninstall, priority=order.BUILD_STATE)
