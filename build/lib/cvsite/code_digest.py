"""One digest of cvsite's own code, for the caches that keep results between builds.

A cached result depends on more than the module that caches it (the build's check of the .bib
files on bib_syntax, entry_checks and fields; a paper's page on the record, the style and the
metadata), so every cache keys on the whole package: any change of cvsite's code, an upgrade
or an edit, starts them afresh. Read once per process.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def source_digest(package: Path) -> str:
    """A digest of every .py file under `package`: their paths (relative) and contents."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(f"{path.relative_to(package).as_posix()}\0".encode())
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


@functools.cache
def package_digest() -> str:
    """The digest of the installed cvsite package's code."""
    return source_digest(PACKAGE)
