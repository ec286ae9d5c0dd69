"""Keep Python's cyclic garbage collector from walking Sphinx's environment when it need not.

A 2,000-entry .bib puts a few hundred thousand objects in the environment (parsed entries,
formatted text, citations), and none of them is garbage while Sphinx runs. Three walks over
them cost most of a rebuild where nothing changed (measured: CONTRIBUTING.md, "Speed"):

- Unpickling the environment creates them all at once, which sets off one collection after
  another, each over everything loaded so far. The collector is paused from the end of
  config-inited until builder-inited, when the environment is in memory.
- At builder-inited the loaded objects are frozen (gc.freeze), so that no collection of this
  build walks them again; they are unfrozen when the build finishes, failed or not.
- At exit, Python's final collection walks them only for the operating system to free the
  memory. A process that ran a build freezes its heap when it exits (Python does not promise
  to finalise objects that are still alive at exit anyway).

Neither changes what Sphinx builds, and each is undone on every way out of a build:
build-finished (first, so that it runs even when a later handler fails) ends them, and so does
the next start of Sphinx in the same process, for a start that failed between config-inited
and builder-inited (an unknown builder, a theme that does not load) or an app that was made
and never built: no event of Sphinx follows those. A long-lived process (pytest, an editor)
collects as usual between builds.
"""

from __future__ import annotations

import atexit
import gc
from dataclasses import dataclass

from sphinx.application import Sphinx
from sphinx.config import Config


@dataclass
class CollectorState:
    """What this module changed, so that it undoes only that (a process builds one at a time)."""

    paused: bool = False  # the collector was on, and we turned it off
    frozen: bool = False  # we froze the heap
    freeze_at_exit: bool = False  # the exit hook is registered (once per process)


STATE = CollectorState()


def pause_for_environment_load(app: Sphinx, config: Config) -> None:
    """config-inited, last: Sphinx unpickles the environment next."""
    restore()  # what a Sphinx that failed to start, or was never built, left behind
    if gc.isenabled():
        gc.disable()
        STATE.paused = True


def freeze_loaded_environment(app: Sphinx) -> None:
    """builder-inited, first: the environment is loaded. Freeze it before the first collection
    (which would walk every object just loaded, all of them young), then collect again."""
    if STATE.paused:
        STATE.paused = False
        gc.freeze()
        STATE.frozen = True
        gc.enable()
    if not STATE.freeze_at_exit:
        atexit.register(gc.freeze)
        STATE.freeze_at_exit = True


def restore(app: Sphinx | None = None, exception: Exception | None = None) -> None:
    """build-finished, first: the collector as it was before the build."""
    if STATE.paused:
        STATE.paused = False
        gc.enable()
    if STATE.frozen:
        STATE.frozen = False
        gc.unfreeze()


def setup(app: Sphinx) -> None:
    app.connect("config-inited", pause_for_environment_load, priority=999)
    app.connect("builder-inited", freeze_loaded_environment, priority=0)
    app.connect("build-finished", restore, priority=0)
