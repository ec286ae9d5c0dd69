"""Nothing lost: every value of an imported source is in the new site or in its report.

`leaves(data)` walks a parsed source (JSON, YAML, front matter) to its values with their key
paths, written as the import report writes places (`work[0].highlights[1]`). `unaccounted`
returns the leaves whose value is in none of the new site's files (docs/, refs.bib, conf.py)
and whose value is not in IMPORT-REPORT.md, nor its key path (or a path it is under: a block
reported whole). Texts are compared as a reader sees
them: markup, case and spacing aside; a date also in the form the site shows dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from cvsite.cli.main import main
from cvsite.importers import dates

TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
MARKS = re.compile(r"[*_`\\{}\"']")


def leaves(data: object, path: str = "") -> Iterator[tuple[str, object]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for number, value in enumerate(data):
            yield from leaves(value, f"{path}[{number}]")
    elif data is not None and str(data).strip() != "":
        yield path, data


def comparable(text: object) -> str:
    text = TAG.sub(" ", str(text))
    text = LINK.sub(r"\1 \2", text)
    return " ".join(MARKS.sub("", text).casefold().split())


def site_text(site: Path) -> str:
    files = [*site.glob("docs/**/*.md"), site / "refs.bib", site / "conf.py"]
    return comparable("\n".join(path.read_text(encoding="utf-8") for path in files))


def reported_places(report: str) -> set[str]:
    """The places of the report's rows, as key paths: "file", "key" and "file.key"."""
    places = set()
    for row in report.splitlines():
        if not row.startswith("| ") or row.startswith("| where"):
            continue
        where = row[2:].split(" | ", 1)[0].replace("\\", "")
        file, _, key = where.partition(" (")
        file, key = file.split(":")[0].strip(), key.rstrip(")").strip()
        joined = f"{file}{key}" if key.startswith("[") else f"{file}.{key}"
        places |= {file, key, joined} - {"", "."}
    return places


def under(path: str, places: set[str]) -> bool:
    """The path is a reported place, or a value inside one (a whole block reported once)."""
    return any(path == p or path.startswith((p + ".", p + "[")) for p in places)


def unaccounted(
    found: list[tuple[str, object]],
    site: Path,
    other_forms: Callable[[str, object], list[str]] = lambda path, value: [],
) -> list[str]:
    """The leaves in neither the site nor its report, as "path: value" lines."""
    pages = site_text(site)
    written = (site / "IMPORT-REPORT.md").read_text(encoding="utf-8")
    report, places = comparable(written), reported_places(written)
    missing = []
    for path, value in found:
        forms = [comparable(value), *(comparable(f) for f in other_forms(path, value))]
        parts = dates.read_date(value)
        if parts is not None:
            forms.append(comparable(dates.shown(parts)))
        in_pages = any(form and form in pages for form in forms)
        in_report = (
            under(path, places)
            or comparable(path) in report
            or any(form[:60] in report for form in forms)
        )
        if not (in_pages or in_report):
            missing.append(f"{path}: {value!r}")
    return missing


def imported(source: Path, target: Path) -> Path:
    """The source imported into target, as `cvsite import` does (the engine pinned by version,
    so that no wheel is built)."""
    main(["import", str(source), str(target), "--from-index"])
    return target


def text(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")
