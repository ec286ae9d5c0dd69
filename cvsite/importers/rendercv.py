"""rendercv: not read yet (a stub until its reader lands)."""

from __future__ import annotations

from pathlib import Path

from cvsite.importers.model import ImportedSite
from cvsite.importers.report import Report

NAME = "rendercv"
LOOKS_FOR = "(not read yet)"


def recognise(source: Path) -> bool:
    return False


def read(source: Path, report: Report) -> ImportedSite:
    raise NotImplementedError
