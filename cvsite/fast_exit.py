"""Exit without Python's last garbage-collection pass over Sphinx's environment.

Sphinx's logging keeps the application, and with it the environment (every .bib entry, parsed
and formatted, and every citation), alive until the interpreter exits. Python's final
collection then walks all of it, only for the operating system to free the memory: half a
second for a 2,000-entry .bib, a third of a rebuild where nothing changed. Freezing the heap
(gc.freeze) when the interpreter exits skips that walk. It changes nothing while Sphinx runs,
so a long-lived process (pytest, an editor) collects as usual until it ends.
"""

from __future__ import annotations

import atexit
import gc

_installed = False


def install() -> None:
    global _installed
    if not _installed:
        atexit.register(gc.freeze)
        _installed = True
