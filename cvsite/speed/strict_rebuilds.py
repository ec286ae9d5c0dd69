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
import weakref
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.logging import NAMESPACE, is_suppressed_warning

from cvsite import handler_order as order
from cvsite.speed.kept_warnings import KEPT

MARKER = "cvsite-build-unfinished-or-warned"


class WarningCounter(logging.Handler):
    """Counts the warnings that Sphinx shows and no cache of ours gives again."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(logging.WARNING)
        # Not the app itself: the counters are kept in a dictionary that must not keep it alive.
        self.suppressed = list(getattr(app.config, "suppress_warnings", ()))
        self.count = 0
        self.reread_all = False

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, KEPT, False):
            return
        if not is_suppressed_warning(
            getattr(record, "type", None) or "",
            getattr(record, "subtype", None) or "",
            self.suppressed,
        ):
            self.count += 1


# Each build's counter, while it runs (a process may run several builds, one at a time).
counters: weakref.WeakKeyDictionary[Sphinx, WarningCounter] = weakref.WeakKeyDictionary()


def counter_of(app: Sphinx) -> WarningCounter:
    return counters.get(app) or WarningCounter(app)  # none: the build has not started


def note_build_start(app: Sphinx) -> None:
    """builder-inited: count this build's warnings (Sphinx's logger, as Python's logging lets
    any program watch one: a handler added, removed when the build finishes); remember
    whether the last build warned, and mark this one until it is known not to have."""
    stop_counting(app, None)  # a counter of an earlier build of this app that never finished
    counters[app] = counter = WarningCounter(app)
    # After Sphinx's own handlers and the captures of kept_warnings, which run first and mark
    # the records their caches keep.
    logging.getLogger(NAMESPACE).addHandler(counter)
    marker = Path(app.doctreedir, MARKER)
    counter.reread_all = marker.exists()
    if not counter.reread_all:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()


def remakes_everything(app: Sphinx) -> bool:
    """Whether this build follows one that warned: what it would reuse of that build (pages,
    paper pages) is made again."""
    return counter_of(app).reread_all


def reread_after_warnings(app: Sphinx, env: BuildEnvironment, added, changed, removed):
    """env-get-outdated: after a build that warned, every page is read (and written) again."""
    return sorted(env.found_docs - added) if counter_of(app).reread_all else []


def note_build_end(app: Sphinx, exception: Exception | None) -> None:
    """build-finished, last: a build that finished without a warning removes the marker."""
    counter = stop_counting(app, exception)
    if exception is None and counter is not None and counter.count == 0:
        Path(app.doctreedir, MARKER).unlink(missing_ok=True)


def stop_counting_after_failure(app: Sphinx, exception: Exception | None) -> None:
    """build-finished, first: a failed build keeps its marker, and stops counting here. (When
    a handler of this event fails, Sphinx gives the event again with the error, and the
    handlers after the failed one, such as note_build_end, never run.)"""
    if exception is not None:
        stop_counting(app, exception)


def stop_counting(app: Sphinx, exception: Exception | None) -> WarningCounter | None:
    """Remove this build's counter from Sphinx's logger."""
    counter = counters.pop(app, None)
    if counter is not None:
        logging.getLogger(NAMESPACE).removeHandler(counter)
    return counter


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", note_build_start, priority=order.NOTE_BUILD_START)
    app.connect("build-finished", stop_counting_after_failure, priority=order.BUILD_STATE)
    app.connect("env-get-outdated", reread_after_warnings)
    app.connect("build-finished", note_build_end, priority=order.NOTE_BUILD_END)
