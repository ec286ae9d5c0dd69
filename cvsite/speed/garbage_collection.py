"""Keep Python's cyclic garbage collector from walking Sphinx's environment when it need not.

A 2,000-entry .bib puts a few hundred thousand objects in the environment (parsed entries,
formatted text, citations), and none of them is garbage while Sphinx runs. Two walks over them
cost most of a rebuild where nothing changed:

- Unpickling the environment creates them all at once, which sets off one collection after
  another, each over everything loaded so far: the load takes three times as long. The
  collector is paused from the end of config-inited until builder-inited, when the
  environment is in memory; then the loaded objects are frozen (gc.freeze), so that no later
  collection of this build walks them again, and unfrozen when the build finishes.
- At exit, Python's final collection walks them only for the operating system to free the
  memory. Freezing the heap when the interpreter exits skips that walk.

Neither changes what Sphinx builds. A long-lived process (pytest, an editor) collects as usual
between builds, and until it ends.
"""

from __future__ import annotations

import atexit
import gc

from sphinx.application import Sphinx
from sphinx.config import Config

_exit_hook_installed = False


def install() -> None:
    global _exit_hook_installed
    if not _exit_hook_installed:
        atexit.register(gc.freeze)
        _exit_hook_installed = True


def pause_for_environment_load(app: Sphinx, config: Config) -> None:
    """config-inited, last: Sphinx unpickles the environment next."""
    app.cvsite_paused_gc = gc.isenabled()  # resume only what we paused
    gc.disable()


def resume(app: Sphinx) -> None:
    """builder-inited, first: the environment is loaded."""
    if getattr(app, "cvsite_paused_gc", False):
        app.cvsite_paused_gc = False
        gc.freeze()
        app.cvsite_froze_gc = True
        gc.enable()


def unfreeze(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: what this build froze may be collected again (pytest runs many)."""
    if getattr(app, "cvsite_froze_gc", False):
        app.cvsite_froze_gc = False
        gc.unfreeze()
