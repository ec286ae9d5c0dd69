"""Keep Python's cyclic garbage collector from walking Sphinx's environment during a build.

A 2,000-entry .bib puts a few hundred thousand objects in the environment (parsed entries,
formatted text, citations), and none of them is garbage while Sphinx builds. As the build
starts reading (env-get-outdated, the first event inside `Sphinx.build`), the objects loaded so
far are frozen (gc.freeze), so that no collection of this build walks them again; they are
unfrozen when the build finishes, failed or not (build-finished, first, so that it runs even
when a later handler fails). Both events come from inside `Sphinx.build`, whose every way out
emits build-finished; a Sphinx that fails to start, or is made and never built, changes
nothing here.

A program that has frozen the heap itself keeps it as it is: the `cvsite` command line
(cvsite/cli/collector.py) pauses the collector while Sphinx starts and unpickles the
environment, a time no event of Sphinx can bracket, and freezes what it loaded.
"""

from __future__ import annotations

import gc
import weakref

from sphinx.application import Sphinx

from cvsite import handler_order as order

# The builds whose freeze this module made (one at a time in a process; an app may build twice).
frozen_by: weakref.WeakSet[Sphinx] = weakref.WeakSet()


def freeze_loaded_environment(app: Sphinx, *args: object) -> list[str]:
    """env-get-outdated, first: the environment is loaded and the build is under way. Adds no
    document to read."""
    if gc.isenabled() and gc.get_freeze_count() == 0:
        gc.freeze()
        frozen_by.add(app)
    return []


def restore(app: Sphinx, exception: Exception | None = None) -> None:
    """build-finished, first: the heap as it was before the build."""
    if app in frozen_by:
        frozen_by.discard(app)
        gc.unfreeze()


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", freeze_loaded_environment, priority=order.BUILD_STATE)
    app.connect("build-finished", restore, priority=order.BUILD_STATE)
