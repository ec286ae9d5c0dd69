"""The `cvsite` command: new sites, settings, and the engine's commands that sites call.

Importing this package loads none of its commands: `python -m cvsite.cli.quiet_sphinx`, which
every build runs, imports only what a build needs.
"""

from __future__ import annotations


def main(argv: list[str] | None = None) -> None:
    from cvsite.cli.main import main as run  # the console script's entry point

    run(argv)


__all__ = ["main"]
