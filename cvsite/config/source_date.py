"""The date of a site's sources, for what the site and the PDF say about time: the footer's
years and the PDF's "Last updated", and the dates LaTeX writes into the PDF.

Never the clock: two builds of the same sources give the same bytes (tests/test_reproducible.py).
The date is SOURCE_DATE_EPOCH where it is set (the reproducible-builds convention, which Sphinx
and xelatex follow too); else the newest git commit of the sources (conf.py, the pages, the .bib
files beside conf.py); else, outside git (a downloaded copy), their newest modification time.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path


def source_paths(confdir: Path, srcdir: Path) -> list[Path]:
    return [confdir / "conf.py", srcdir, *sorted(confdir.glob("*.bib"))]


def last_commit(paths: list[Path], folder: Path) -> int | None:
    """The time of the newest commit that touched `paths`, or None outside git."""
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%ct", "--", *map(str, paths)],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:  # no git installed
        return None
    written = result.stdout.strip()
    return int(written) if result.returncode == 0 and written.isdigit() else None


def newest_change(paths: list[Path]) -> int:
    files = [f for path in paths for f in ([path] if path.is_file() else path.rglob("*"))]
    return max((int(f.stat().st_mtime) for f in files if f.is_file()), default=0)


def source_epoch(confdir: Path, srcdir: Path) -> int:
    """Seconds since 1970 (UTC), as SOURCE_DATE_EPOCH writes them."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.isdigit():
        return int(given)
    paths = [path for path in source_paths(confdir, srcdir) if path.exists()]
    committed = last_commit(paths, confdir) if paths else None
    return committed if committed is not None else newest_change(paths)


def source_date(confdir: Path, srcdir: Path) -> datetime:
    return datetime.fromtimestamp(source_epoch(confdir, srcdir), tz=UTC)
