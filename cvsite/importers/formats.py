"""The formats `cvsite import` reads, and which one a source is.

Each reader module has NAME (its key in READERS), LOOKS_FOR (what marks a source as its own,
for the message when none does), `recognise(source) -> bool` and `read(source, report) ->
ImportedSite`. A reader stops on a file it cannot read with `SourceError`, naming the file and
line; everything else it reports and goes on.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

# Format name (as --from takes it) -> its reader's module, in the order they are tried: a site
# folder's marks first, as an al-folio site holds a resume.json and a cv.yml that the file
# formats would claim.
READERS = {
    "al-folio": "alfolio",
    "academicpages": "academicpages",
    "hugoblox": "hugoblox",
    "rendercv": "rendercv",
    "jsonresume": "jsonresume",
}


class SourceError(Exception):
    """The source cannot be read: the message names the file and line, and what to do."""


def reader(name: str) -> ModuleType:
    """The reader of a format, imported only when needed (its parsers are not small)."""
    return importlib.import_module(f"cvsite.importers.{READERS[name]}")


def recognise(source: Path) -> ModuleType:
    """The reader whose marks the source has; SourceError naming what was looked for."""
    for name in READERS:
        module = reader(name)
        if module.recognise(source):
            return module
    looked_for = "; ".join(f"{name}: {reader(name).LOOKS_FOR}" for name in READERS)
    raise SourceError(f"{source} is none of the formats cvsite imports (looked for {looked_for})")
