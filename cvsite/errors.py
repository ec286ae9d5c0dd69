"""Stopping a build on bad input through Sphinx's own error path, never by ending the process.

A program that builds in-process (a test harness, sphinx-autobuild, an editor) gets a
`sphinx.errors.SphinxError` it can catch; sphinx-build prints its category and message and
exits non-zero. Each message says where (file and line, or the setting) and what to do.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.errors import ConfigError, ExtensionError
from sphinx.util import logging

from cvsite.wording import plural

logger = logging.getLogger(__name__)
SHOWN = 20  # problems written into one message; the rest are in the log above it


class SettingsError(ConfigError, ExtensionError):
    """conf.py's settings cannot build this site.

    A ConfigError, as Sphinx raises for its own settings, and an ExtensionError, as
    sphinxcontrib-bibtex raises for its `bibtex_*` ones, which are checked here too: a caller
    that catches either gets it.
    """

    category = "Configuration error"


class BibFilesError(ExtensionError):
    """A .bib file has no sensible reading: the site would be wrong, so none is built.

    An ExtensionError, as sphinxcontrib-bibtex raises for a .bib file it cannot decode.
    """

    category = "The .bib files stop the build"


def settings_error(conf_py: Path | str, problems: list[str]) -> SettingsError:
    """One error naming every problem with conf.py, each with its fix."""
    lines = [f"{conf_py}: ERROR: {problem}" for problem in problems]
    return SettingsError(
        f"{plural(len(problems), 'problem')} in conf.py:\n"
        + "\n".join(lines)
        + "\nBuild stopped: fix the settings in conf.py."
    )


def bib_files_error(problems: list[tuple[str, str]], summary: str) -> BibFilesError:
    """Log each (`file:line`, message) as an error at its place, and return the error that
    stops the build, which names each too (for a caller that reads no log)."""
    for location, message in problems:
        logger.error(message, location=location)
    # Without "ERROR:", so that a log read line by line counts each problem once.
    lines = [f"{location}: {message}" for location, message in problems[:SHOWN]]
    if len(problems) > SHOWN:
        lines.append(f"and {len(problems) - SHOWN} more, each logged above")
    return BibFilesError("\n".join([f"{plural(len(problems), 'problem')}:", *lines, summary]))
