"""Keep Python's cyclic garbage collector from walking Sphinx's environment during a build.

A 2,000-entry .bib puts a few hundred thousand objects in the environment (parsed entries,
formatted text, citations), and none of them is garbage while Sphinx builds.

- While Sphinx loads the environment (unpickled all at once, which would set off one
  collection after another, each over everything loaded so far), the collector is paused: from
  config-inited, last, to the moment the environment's domains are set up, which Sphinx does
  right after loading it (`Domain.setup`, which our `cite` domain extends:
  speed/citation_reuse.py). builder-inited and build-finished end the pause too, should it
  still run. Between config-inited and that moment Sphinx only makes the project and loads the
  environment, and a failed load is caught by Sphinx and followed by a fresh one: so a start
  that fails (an unknown theme fails later, as the builder starts) or an app made and never
  built leaves the collector running.
- As the build starts reading (env-get-outdated, the first event inside `Sphinx.build`), the
  objects loaded so far are frozen (gc.freeze), so that no collection of this build walks them
  again; they are unfrozen when the build finishes, failed or not (build-finished, first).

A program that has paused or frozen the collector itself is left as it is. Measured:
CONTRIBUTING.md, "Speed".
"""

from __future__ import annotations

import gc
import weakref

from sphinx.application import Sphinx
from sphinx.config import Config

from cvsite import handler_order as order

# Whether this module paused the collector (one Sphinx starts at a time in a process).
paused = False
# The builds whose freeze this module made (an app may build twice).
frozen_by: weakref.WeakSet[Sphinx] = weakref.WeakSet()


def pause_while_the_environment_loads(app: Sphinx, config: Config) -> None:
    global paused
    if gc.isenabled() and gc.get_freeze_count() == 0:
        gc.disable()
        paused = True


def end_pause(*args: object) -> None:
    """The environment is loaded (or the start went another way): the collector runs again.
    What was loaded meanwhile goes to the oldest generation first (a freeze and an unfreeze,
    which walk nothing), so that the first collection after the pause does not walk it all."""
    global paused
    if paused:
        paused = False
        gc.freeze()
        gc.unfreeze()
        gc.enable()


def freeze_loaded_environment(app: Sphinx, *args: object) -> list[str]:
    """env-get-outdated, first: the environment is loaded and the build is under way. Adds no
    document to read."""
    end_pause()
    if gc.isenabled() and gc.get_freeze_count() == 0:
        gc.freeze()
        frozen_by.add(app)
    return []


def restore(app: Sphinx, exception: Exception | None = None) -> None:
    """build-finished, first: the heap as it was before the build."""
    end_pause()
    if app in frozen_by:
        frozen_by.discard(app)
        gc.unfreeze()


def setup(app: Sphinx) -> None:
    app.connect("config-inited", pause_while_the_environment_loads, priority=order.LAST)
    app.connect("builder-inited", end_pause, priority=order.BUILD_STATE)
    app.connect("env-get-outdated", freeze_loaded_environment, priority=order.BUILD_STATE)
    app.connect("build-finished", restore, priority=order.BUILD_STATE)
