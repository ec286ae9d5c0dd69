"""The `cvsite` command: new sites, settings, and the engine's commands that sites call."""

from cvsite.cli.main import main

__all__ = ["main"]
