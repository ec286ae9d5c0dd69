"""Python's cyclic garbage collector in the process of a `cvsite` build command.

The library (cvsite/speed/garbage_collection.py) pauses the collector only while Sphinx loads
the environment, the one part of a start that it can bracket with events so that a failed
start leaves the collector running. The command owns its process, so it does more, where
`finally` undoes it on every way out: the collector is paused for the whole start (Sphinx's
theme and templates too, about a sixth of a cold build of this site), what the start loaded is
frozen for the build, and both end with the build, whatever happened
(`collector_paused_while_starting`). The process then skips Python's last walk at exit, over
objects that only the operating system has to free (`skip_the_last_collection`, called by
`python -m cvsite.cli.quiet_sphinx` as it exits). Measured: CONTRIBUTING.md, "Speed".
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def collector_paused_while_starting() -> Iterator[Callable[[Callable[[], T]], T]]:
    """`with collector_paused_while_starting() as start: app = start(make_app); app.build()`:
    the collector paused during `make_app()`, what it made frozen until the block ends, and
    the collector as it was once the block ends, by any way."""
    was_enabled = gc.isenabled()
    froze = False

    def start(make_app: Callable[[], T]) -> T:
        nonlocal froze
        if was_enabled and gc.get_freeze_count() == 0:
            gc.disable()
            try:
                app = make_app()
                gc.freeze()  # before the first collection, which would walk all of it
                froze = True
            finally:
                gc.enable()
            return app
        return make_app()

    try:
        yield start
    finally:
        if froze:
            gc.unfreeze()


def skip_the_last_collection() -> None:
    """For a process that is about to exit: Python's final collection passes over frozen
    objects (Python does not promise to finalise objects still alive at exit anyway)."""
    gc.freeze()
