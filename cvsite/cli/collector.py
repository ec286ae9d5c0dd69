"""Python's cyclic garbage collector in the process of a `cvsite` build command.

Unpickling Sphinx's environment creates all its objects at once (a few hundred thousand at
2,000 entries), which sets off one collection after another, each over everything loaded so
far; none of it is garbage. No event of Sphinx brackets that time (a start that fails after
config-inited is followed by none), so the pause lives here, around the start, where `finally`
undoes it on every way out: the collector is paused while Sphinx starts, what it loaded is
frozen for the build, and both end with the build, whatever happened
(`collector_paused_while_starting`). The command's process then skips Python's last
walk at exit, over objects that only the operating system has to free
(`skip_the_last_collection`, called by `python -m cvsite.cli.quiet_sphinx` as it exits).
Measured: CONTRIBUTING.md, "Speed".
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
