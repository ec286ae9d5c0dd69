"""Stopping the build on bad input: the file and line (or setting) and the fix, no traceback.

Sphinx prints a long report with a traceback for any exception, which buries the one line the
user needs. A wrong input is not a bug, so we print each problem and end the build.
"""

from __future__ import annotations

import sys
from typing import NoReturn


class BuildStopped(SystemExit):
    """Ends sphinx-build with exit status 1 and no traceback."""


def stop_build(problems: list[tuple[str, str]], summary: str) -> NoReturn:
    """Print each (location, message) as `location: ERROR: message`, then stop."""
    # Printed, not logged: Sphinx's logger needs an environment that config-inited lacks.
    for location, message in problems:
        print(f"{location}: ERROR: {message}", file=sys.stderr)
    raise BuildStopped(f"Build stopped: {summary}")
