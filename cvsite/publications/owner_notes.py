"""Authors matched to the owner uncertainly, as notes: one function for the build and `make check`.

Both read the .bib files with our own reader (bib_check.check_files), so both print the same
notes, at the same file:line, once each: each spelling once, at the first entry that has it,
with the keys of all entries that have it. The build learns the owner from its settings,
`make check` from conf.py in the folder it runs in (the site's), read as Sphinx reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sphinx.config import Config
from sphinx.errors import ConfigError
from sphinx.util.tags import Tags

from cvsite.publications.entry_checks import read_name
from cvsite.publications.owner_names import Match, OwnerNames
from cvsite.publications.record import written_person
from cvsite.publications.rules import split_names
from cvsite.publications.written_entries import BibEntry, Problem

OWNER_SETTINGS = {"cv_owner": "", "cv_owner_variants": (), "cv_not_owner": ()}


def author_names(entry: BibEntry, role: str = "author") -> list[str]:
    """The entry's authors (or editors) as the site shows them (plain text, in reading order)."""
    author = entry.fields.get(role)
    people = (
        written_person(read_name(part)) for part in split_names(author.value if author else "")
    )
    return [person.name for person in people if person is not None and not person.is_others]


def owner_notes(owner: OwnerNames, entries: Iterable[tuple[Path, BibEntry]]) -> list[Problem]:
    """A note for each spelling matched uncertainly: what matched, where, and the two fixes."""
    first: dict[str, tuple[Path, int]] = {}
    keys_by_name: dict[str, list[str]] = {}
    for path, entry in entries:
        for name in author_names(entry):
            if owner.match(name) is Match.UNCERTAIN:
                first.setdefault(name, (path, entry.line))
                keys = keys_by_name.setdefault(name, [])
                if entry.key not in keys:
                    keys.append(entry.key)
    return [
        Problem(
            *first[name],
            None,
            f"{name!r} ({', '.join(keys)}) is shown in bold as {owner.owner!r}, but the "
            f"spelling could be someone else's; if it is not you, add {name!r} to cv_not_owner "
            "in conf.py; if it is, add it to cv_owner_variants to silence this note",
            stops=False,
        )
        for name, keys in keys_by_name.items()
    ]


def read_conf(folder: Path) -> tuple[Config | None, str]:
    """The site's conf.py, read as Sphinx reads it (for `make check`, which runs no build);
    (None, why) without one."""
    if not (folder / "conf.py").is_file():
        return None, f"no conf.py in {folder}"
    try:
        return Config.read(folder, overrides={}, tags=Tags()), ""
    except ConfigError as error:
        return None, f"conf.py could not be read ({error})"


def owner_from_conf(config: Config) -> tuple[OwnerNames | None, str]:
    """conf.py's owner names; (None, why) where they are not names."""
    for name, default in OWNER_SETTINGS.items():
        config.add(name, default, "env", ())
    values = [config.cv_owner, config.cv_owner_variants, config.cv_not_owner]
    if not isinstance(values[0], str) or not all(
        isinstance(names, list | tuple) and all(isinstance(n, str) for n in names)
        for names in values[1:]
    ):
        return None, "cv_owner or its variants are not names (the build says how to fix them)"
    return OwnerNames.from_config(config), ""
