"""Rebuilds as strict as first builds: a build after one that warned reads every page again.

Sphinx reads again only the pages that changed, and writes again only those it read or whose
output is older than their doctree, so the warnings of an unchanged page are not given again:
a build that failed (`-W`) passes when run again, and `make html` would swap in a site that a
clean build rejects. Our caches keep their own warnings and give them again
(kept_warnings.py); for every other warning, a build leaves a marker in the doctree folder
unless it finished without one, and the build after a marked one reads every page again, and
makes every paper page again (their digests describe the output of the marked build, which
`make html` threw away). A build that gave no warning costs nothing more than the marker's
creation and removal.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.logging import NAMESPACE, is_suppressed_warning

from cvsite.papers import paper_pages
from cvsite.speed.kept_warnings import KEPT

MARKER = "cvsite-build-unfinished-or-warned"
COUNTER = "cvsite_warning_counter"  # on the app


class WarningCounter(logging.Handler):
    """Counts the warnings that Sphinx shows and no cache of ours gives again."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(logging.WARNING)
        self.app = app
        self.count = 0
        self.reread_all = False

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, KEPT, False):
            return
        suppressed = getattr(self.app.config, "suppress_warnings", ())
        if not is_suppressed_warning(
            getattr(record, "type", None), getattr(record, "subtype", None), suppressed
        ):
            self.count += 1


def install(app: Sphinx) -> None:
    """At setup: count from the first warning on (the handlers belong to this app's run)."""
    counter = WarningCounter(app)
    setattr(app, COUNTER, counter)
    # Second after our captures, which are inserted first while they run and mark what they keep.
    logging.getLogger(NAMESPACE).handlers.insert(0, counter)


def note_build_start(app: Sphinx) -> None:
    """builder-inited: remember whether the last build warned, and mark this one until it is
    known not to have."""
    marker = Path(app.doctreedir, MARKER)
    counter: WarningCounter = getattr(app, COUNTER)
    counter.reread_all = marker.exists()
    if counter.reread_all:
        for state in (paper_pages.STATE_FILE, paper_pages.DIGESTS_FILE):
            Path(app.doctreedir, state).unlink(missing_ok=True)
    else:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()


def reread_after_warnings(app: Sphinx, env: BuildEnvironment, added, changed, removed):
    """env-get-outdated: after a build that warned, every page is read (and written) again."""
    counter: WarningCounter = getattr(app, COUNTER)
    return sorted(env.found_docs - added) if counter.reread_all else []


def note_build_end(app: Sphinx, exception: Exception | None) -> None:
    """build-finished, last: a build that finished without a warning removes the marker."""
    counter: WarningCounter = getattr(app, COUNTER)
    if exception is None and counter.count == 0:
        Path(app.doctreedir, MARKER).unlink(missing_ok=True)
