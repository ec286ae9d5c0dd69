"""JSON Resume (resume.json): basics, work, education ... into the model (a first cut)."""

from __future__ import annotations

from pathlib import Path

import json5

from cvsite.importers import dates, markup
from cvsite.importers.formats import SourceError
from cvsite.importers.model import Entry, ImportedSite, Owner, Section
from cvsite.importers.report import Place, Report

NAME = "jsonresume"
LOOKS_FOR = "a .json file with a `basics` object"


def recognise(source: Path) -> bool:
    if not (source.is_file() and source.suffix.lower() == ".json"):
        return False
    try:
        data = json5.loads(source.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and isinstance(data.get("basics"), dict)


def read(source: Path, report: Report) -> ImportedSite:
    try:
        data = json5.loads(source.read_text(encoding="utf-8-sig"))
    except ValueError as error:
        raise SourceError(f"{source}: {error}; correct the file and import again") from None
    place = Place(source.name)
    basics = data.get("basics", {})
    owner = Owner(
        name=markup.to_plain(basics.get("name", ""), place.at("basics.name"), report),
        email=basics.get("email", ""),
        homepage=basics.get("url", ""),
        position=markup.to_plain(basics.get("label", ""), place.at("basics.label"), report),
    )
    site = ImportedSite(NAME, source, report, owner)
    work = Section("Experience", "work")
    for number, job in enumerate(data.get("work", [])):
        where = place.at(f"work[{number}]")
        work.entries.append(
            Entry(
                institution=markup.to_plain(job.get("name", ""), where.at("name"), report),
                role=markup.to_plain(job.get("position", ""), where.at("position"), report),
                dates=dates.date_range(job.get("startDate"), job.get("endDate"), where, report),
                bullets=[
                    markup.to_myst(text, where.at(f"highlights[{n}]"), report)
                    for n, text in enumerate(job.get("highlights", []))
                ],
            )
        )
    site.sections.append(work)
    return site
