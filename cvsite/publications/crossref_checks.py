"""`crossref` in the .bib files as written (our reader's entries), for the build and `make
check` alike: the fields each child takes from its parent (so that the checks do not report a
`booktitle` or `year` it inherits), a `crossref` that names no entry (a note), and the entries
read only as parents (a @proceedings whose papers name it, which the owner did not edit): they
are no publication of the owner's, so no list shows them, and each file says once which they
are, rather than dropping them silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cvsite.publications.bib_file import BibFile
from cvsite.publications.crossref import inherited, parent_key
from cvsite.publications.owner_names import OwnerNames
from cvsite.publications.owner_notes import author_names
from cvsite.publications.written_entries import BibEntry, Problem, shorten
from cvsite.wording import plural

Entries = Mapping[str, tuple[Path, BibEntry]]  # by key, case-folded: the first of each key


def first_of_each_key(files: list[BibFile]) -> dict[str, tuple[Path, BibEntry]]:
    found: dict[str, tuple[Path, BibEntry]] = {}
    for bib_file in files:
        for entry in bib_file.entries:
            found.setdefault(entry.key.casefold(), (bib_file.path, entry))
    return found


def parent_of(entry: BibEntry, entries: Entries) -> BibEntry | None:
    written = entry.fields.get("crossref")
    found = entries.get(parent_key(written.value)) if written else None
    return found[1] if found and found[1] is not entry else None


def inherited_names(entry: BibEntry, entries: Entries) -> set[str]:
    """The fields the entry takes from its crossref parent (crossref.py's rule)."""
    parent = parent_of(entry, entries)
    if parent is None:
        return set()
    return {name for name, _ in inherited(entry.type, entry.fields, parent.fields.items())}


def owner_among(entry: BibEntry, owner: OwnerNames | None) -> bool:
    """The owner is one of the entry's authors or editors (not knowing the owner: no)."""
    return owner is not None and any(
        owner.match(name) for role in ("author", "editor") for name in author_names(entry, role)
    )


def check_crossrefs(files: list[BibFile], entries: Entries, owner: OwnerNames | None) -> None:
    """A note for each `crossref` that names no entry, and each file's parents-only entries
    (BibFile.crossref_parents)."""
    children: dict[str, int] = {}
    for bib_file in files:
        for entry in bib_file.entries:
            written = entry.fields.get("crossref")
            if written is None:
                continue
            if written.value.strip() and parent_key(written.value) in entries:
                key = parent_key(written.value)
                children[key] = children.get(key, 0) + (entries[key][1] is not entry)
                continue
            bib_file.problems.append(
                Problem(
                    bib_file.path,
                    written.line,
                    entry.key,
                    f"crossref names {shorten(written.value.strip())!r}, which is no entry of "
                    "the .bib files: shown with its own fields only (BibTeX warns too); add "
                    "that entry (DBLP's export 'with crossref' writes the @proceedings after "
                    "its papers), or delete crossref",
                    stops=False,
                )
            )
    for key, count in children.items():
        path, parent = entries[key]
        if count and not owner_among(parent, owner):
            bib_file = next(f for f in files if f.path == path)
            bib_file.crossref_parents.append((parent.key, count))


def parents_report(bib_file: BibFile) -> str:
    """What the file's parents-only entries were read as, in one sentence (or "")."""
    parents = bib_file.crossref_parents
    if not parents:
        return ""
    listed = ", ".join(f"{key} (parent of {plural(count, 'entry')})" for key, count in parents)
    what = (
        "1 entry read only as the crossref parent of others (its fields complete theirs), "
        "not as a publication of yours, so it is on no page"
        if len(parents) == 1
        else f"{len(parents)} entries read only as the crossref parents of others (their "
        "fields complete their children's), not as publications of yours, so they are on no "
        "page"
    )
    return (
        f"{what}: {listed}; a volume you edited is shown as yours when cv_owner or "
        "cv_owner_variants matches one of its editors"
    )
