"""Checks of the .bib files: stop only where a file has no sensible reading, or more than one.

BibTeX and pybtex forgive too much in some places and too little in others. A `{` never
closed swallows the entries after it, a field without its `=` could be read several ways: the
build stops with file:line, key and the fix. Wherever the file has exactly one sensible reading
(a field or a key given twice, a stray `}` before more fields, a missing comma before `name =`,
an entry left open, no title, an undefined macro, a loose date, a missing publisher), it
builds: each entry is kept, and the oddity is reported as a NOTE (file:line, key, what was
read, the fix), which `cv_bib_strict = True` (or `make check STRICT=1`) turns into errors.

Where pybtex would lose or garble what we keep (it drops the second entry of a duplicate key,
stops reading at a duplicate field, a stray `}` or a missing comma), the build gives
sphinxcontrib-bibtex a normalised copy of the file in the doctree folder, through its
`bibtex_bibfiles` setting (bib_file.BibFile.normalised).

`make check` (`cvsite check`, cvsite/cli/check_command.py) runs the same check outside a build.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import os
import re
import weakref
from collections import defaultdict
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from cvsite import handler_order as order
from cvsite.code_digest import package_digest
from cvsite.errors import bib_files_error
from cvsite.publications import record
from cvsite.publications.bib_file import BibFile, read, read_file
from cvsite.publications.cite_domain import bib_entries
from cvsite.publications.crossref_checks import (
    check_crossrefs,
    first_of_each_key,
    inherited_names,
    parents_report,
)
from cvsite.publications.entry_checks import check_entry
from cvsite.publications.owner_names import OwnerNames, written_name
from cvsite.publications.owner_notes import owner_notes
from cvsite.publications.rules import split_names
from cvsite.publications.written_entries import BibEntry, Problem
from cvsite.wording import plural

__all__ = ["BibEntry", "Problem", "check", "check_files", "read"]
logger = logging.getLogger(__name__)


def check_files(
    paths: list[Path], encoding: str = "utf-8-sig", owner: OwnerNames | None = None
) -> list[BibFile]:
    """All files, with their entries and every problem found in them (with the owner's names:
    the authors matched to the owner uncertainly too, owner_notes.py).

    A key given twice keeps both entries: the later one is renamed `<key>_2` on the site. The
    files are read in the order given, each knowing the @string macros of those before it.
    """
    files = []
    taken: dict[str, tuple[Path, BibEntry]] = {}  # pybtex's keys ignore case
    macros: set[str] = set()  # @string names: pybtex keeps them from one file to the next
    for path in paths:
        bib_file = read_file(path, encoding, macros)
        if bib_file.reader:
            macros |= bib_file.reader.macros
        files.append(bib_file)
    # A crossref may name an entry of any file, before or after it (BibTeX's keys ignore case).
    first = first_of_each_key(files)
    for bib_file in files:
        path = bib_file.path
        for entry in bib_file.entries:
            bib_file.problems += check_entry(path, entry, inherited_names(entry, first))
            earlier = taken.get(entry.key.casefold())
            if earlier:
                number = 2
                while (renamed := f"{entry.key}_{number}").casefold() in taken:
                    number += 1
                bib_file.problems.append(
                    Problem(
                        path,
                        entry.line,
                        entry.key,
                        f"duplicate key (first at {earlier[0].name}:{earlier[1].line}): "
                        f"both are shown, this one as {renamed!r} (BibTeX would drop it); "
                        "rename one key, or merge the two",
                        stops=False,
                    )
                )
                entry.edits.append((*entry.key_span, renamed))
                entry.key = renamed
            taken[entry.key.casefold()] = (path, entry)
    check_crossrefs(files, first, owner)
    if owner is not None:
        by_path = {bib_file.path: bib_file for bib_file in files}
        written = [(bib_file.path, entry) for bib_file in files for entry in bib_file.entries]
        for note in owner_notes(owner, written):
            by_path[note.path].problems.append(note)
    for bib_file in files:
        bib_file.problems.sort(key=lambda problem: problem.line)
    return files


def check(
    paths: list[Path], encoding: str = "utf-8-sig", owner: OwnerNames | None = None
) -> tuple[list[BibEntry], list[Problem]]:
    """All entries of all files (with their keys on the site), and every problem found."""
    files = check_files(paths, encoding, owner)
    return (
        [entry for bib_file in files for entry in bib_file.entries],
        [problem for bib_file in files for problem in bib_file.problems],
    )


def name_variants(entries: list[BibEntry]) -> list[str]:
    """Author names that are likely one person spelled two ways, for the owner to decide."""
    keys_by_name: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        author = entry.fields.get("author")
        for written in split_names(author.value) if author else []:
            name = written_name(written).name  # marks and DBLP numbers are no spelling
            if name and name.lower() != "others" and entry.key not in keys_by_name[name]:
                keys_by_name[name].append(entry.key)
    # Only names that share a whole, a first or a last name (squashed) can be one person, so
    # compare within those groups: comparing every pair is quadratic in a long .bib.
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in sorted(keys_by_name):
        first, _, last = name.rpartition(" ")
        groups["whole", squash(name)].append(name)
        if first:
            groups["first", squash(first)].append(name)
            groups["last", squash(last)].append(name)
    pairs = {
        (first, second)
        for group in groups.values()
        for index, first in enumerate(group)
        for second in group[index + 1 :]
        if same_person_maybe(first, second)
    }
    return [
        f"{first!r} ({', '.join(keys_by_name[first])}) and "
        f"{second!r} ({', '.join(keys_by_name[second])})"
        for first, second in sorted(pairs)
    ]


@functools.lru_cache(maxsize=1 << 16)  # names recur: each is compared with many
def squash(name: str) -> str:
    return re.sub(r"[\s\-.{}]", "", name.casefold())


def same_person_maybe(a: str, b: str) -> bool:
    if squash(a) == squash(b):
        return True  # hyphenation, spacing or braces only
    first_a, _, last_a = a.rpartition(" ")
    first_b, _, last_b = b.rpartition(" ")
    if not first_a or not first_b:
        return False
    if squash(first_a) == squash(first_b):
        matcher = difflib.SequenceMatcher(None, last_a.casefold(), last_b.casefold())
        # The quick upper bounds first: most last names differ at a glance.
        return (
            matcher.real_quick_ratio() >= 0.85
            and matcher.quick_ratio() >= 0.85
            and matcher.ratio() >= 0.85
        )
    if squash(last_a) == squash(last_b):
        initials = [first_a, first_b]
        short = min(initials, key=len).rstrip(".")
        return len(short) == 1 and max(initials, key=len).startswith(short)
    return False


COPIES_FOLDER = "cvsite-bib"  # in the doctree folder: the normalised copies pybtex reads
RECORD_FILE = "cvsite-bib-check.json"
# The files the site names, per build: bibtex_bibfiles may point at the copies instead.
given_files: weakref.WeakKeyDictionary[Sphinx, list[Path]] = weakref.WeakKeyDictionary()


def bib_paths(folder: Path | str, bibfiles: list) -> list[Path]:
    """The files `bibtex_bibfiles` names, found as sphinxcontrib-bibtex finds them: each a str
    or a path (config/bibtex_settings.py checks that), relative to conf.py's folder, or
    absolute. The build, `make check` and `make pdf` find them by this one rule."""
    return [Path(folder, os.fspath(name)) for name in bibfiles]


def source_files(app: Sphinx) -> list[Path]:
    """The .bib files as the site names them (for messages at their lines), not the copies."""
    return given_files.get(app) or bib_paths(app.confdir, app.config.bibtex_bibfiles)


def check_for_build(app, config) -> None:
    """config-inited: stop on a file that would build wrong, report the rest, and point
    sphinxcontrib-bibtex at a normalised copy of each file that it would misread.

    Runs before the environment compares the settings with the last build's, so that the
    same file gives the same `bibtex_bibfiles` every time and no build reads every page
    again because of it.
    """
    if config.bibtex_bibfiles is None:
        return  # sphinxcontrib-bibtex says that the setting is missing
    given = [os.fspath(name) for name in config.bibtex_bibfiles]  # str or absolute Path
    paths = bib_paths(app.confdir, given)
    given_files[app] = paths
    strict = bool(config.cv_bib_strict)
    # The files and these rules as last checked: a build that changed neither reads nothing.
    digest = hashlib.sha256(package_digest().encode())
    owner = OwnerNames.from_config(config)
    digest.update(f"{config.bibtex_encoding}\0{strict}\0{owner.fingerprint()}\0".encode())
    for path in paths:
        digest.update(f"{path}\0".encode() + (path.read_bytes() if path.exists() else b""))
    # Kept beside Sphinx's state, not in it: Sphinx saves its state only when a page changed.
    kept = Path(app.doctreedir, RECORD_FILE)
    try:
        checked = json.loads(kept.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        checked = {}
    if checked.get("digest") != digest.hexdigest() or not all(
        Path(app.confdir, name).exists() for name in checked.get("bibfiles", [])
    ):
        checked = fresh_check(app, config, given, paths, owner)
        checked["digest"] = digest.hexdigest()
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(json.dumps(checked), encoding="utf-8")
    config.bibtex_bibfiles = checked["bibfiles"]
    record.start_build(
        {key: record.Source(file, line) for key, (file, line) in checked["sources"].items()},
        checked["parents_only"],
    )
    for note in checked["notes"]:
        logger.info(note)
    for report in checked["crossref_parents"]:
        logger.info(report)
    for report in checked["name_variants"]:
        logger.info(f"refs.bib: maybe one person spelled two ways (kept as written): {report}")


def fresh_check(app, config, given: list[str], paths: list[Path], owner: OwnerNames) -> dict:
    strict = bool(config.cv_bib_strict)
    files = check_files(paths, config.bibtex_encoding, owner)
    problems = [problem for bib_file in files for problem in bib_file.problems]
    stop_on([problem for problem in problems if problem.stops or strict], strict)
    copies = Path(app.doctreedir, COPIES_FOLDER)
    bibfiles, used = [], set()
    for index, (name, bib_file) in enumerate(zip(given, files, strict=True)):
        text = bib_file.normalised()
        if text is None:
            bibfiles.append(name)
            continue
        copy = copies / f"{index}-{bib_file.path.name}"
        data = text.encode(config.bibtex_encoding)
        # Written only when it changed: sphinxcontrib-bibtex reads it again when its time does.
        if not copy.exists() or copy.read_bytes() != data:
            copies.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(data)
        bibfiles.append(str(copy))
        used.add(copy)
    for stale in copies.glob("*.bib") if copies.exists() else ():
        if stale not in used:
            stale.unlink()
    entries = [entry for bib_file in files for entry in bib_file.entries]
    return {
        "bibfiles": bibfiles,
        # Where each entry is written, for its record (BibTeX's keys ignore case).
        "sources": {
            entry.key.casefold(): (name, entry.line)
            for name, bib_file in zip(given, files, strict=True)
            for entry in bib_file.entries
        },
        "notes": [problem.describe() for problem in problems],
        "name_variants": name_variants(entries),
        # Entries read only as crossref parents: on no page, said once per file.
        "parents_only": [
            key.casefold() for bib_file in files for key, _ in bib_file.crossref_parents
        ],
        "crossref_parents": [
            f"{name}: {report}"
            for name, bib_file in zip(given, files, strict=True)
            if (report := parents_report(bib_file))
        ],
    }


def stop_on(problems: list[Problem], strict: bool = False) -> None:
    """Log each problem at its file:line and stop the build with a BibFilesError: a site
    built from a file that has no sensible reading would be wrong, so none is written."""
    if problems:
        notes = " (cv_bib_strict = True makes notes errors)" if strict else ""
        raise bib_files_error(
            [
                (f"{p.path}:{p.line}", f"{p.key}: {p.message}" if p.key else p.message)
                for p in problems
            ],
            f"Build stopped: {plural(len(problems), 'problem')} in the .bib files{notes}; fix "
            f"{'it' if len(problems) == 1 else 'them'} and build again.",
        )


def bib_files_of(config: Config | None, folder: Path = Path()) -> tuple[list[Path], str]:
    """The .bib files and encoding conf.py (in `folder`; by default the one `make check` runs
    in) names, found as the build finds them (bib_paths): by default cvsite's refs.bib and
    sphinxcontrib-bibtex's UTF-8."""
    if config is None:
        return [folder / "refs.bib"], "utf-8-sig"
    config.add("bibtex_bibfiles", ["refs.bib"], "env", ())
    config.add("bibtex_encoding", "utf-8-sig", "env", ())
    files, encoding = config.bibtex_bibfiles, config.bibtex_encoding
    named = (
        [name for name in files if isinstance(name, (str, os.PathLike))]
        if isinstance(files, (list, tuple))
        else []
    )
    paths = bib_paths(folder, named) or [folder / "refs.bib"]
    return paths, encoding if isinstance(encoding, str) else "utf-8-sig"


def setup(app: Sphinx) -> None:
    app.connect("config-inited", check_for_build, priority=order.CHECK_BIB_FILES)
    app.connect("builder-inited", know_entries, priority=order.KNOW_BIB_ENTRIES)


def know_entries(app: Sphinx) -> None:
    """builder-inited: the parsed entries, where the records find their crossref parents."""
    record.use_entries(bib_entries(app.env))
