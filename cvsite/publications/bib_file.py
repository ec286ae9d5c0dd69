"""One .bib file read: decoded (a wrong encoding is a problem with its line), parsed by
bib_syntax's BibReader, and the normalised copy that sphinxcontrib-bibtex reads instead of it.

Kept apart from bib_syntax.py, the reader itself, so that each stays a readable size: this is
what the rest of cvsite calls (bib_check), that is how a file's text becomes entries.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cvsite.publications.bib_syntax import BibReader
from cvsite.publications.written_entries import BibEntry, Problem


@dataclass
class BibFile:
    """One .bib file as read: its entries, its problems, and what pybtex should get of it."""

    path: Path
    entries: list[BibEntry]
    problems: list[Problem]
    reader: BibReader | None = None
    # Entries read only as crossref parents, not as the owner's publications: (key, children).
    crossref_parents: list[tuple[str, int]] = field(default_factory=list)

    def normalised(self) -> str | None:
        """The file as sphinxcontrib-bibtex should read it, or None if it reads it right.

        Only the entries, @string and @preamble, with each entry's edits applied: a field
        given twice left out, a duplicate key renamed, an undefined macro braced, an empty
        name dropped. Text between entries (comments, front matter) goes: BibTeX ignores it.
        """
        reader = self.reader
        if reader is None or not (
            reader.pybtex_misreads or any(entry.edits for entry in self.entries)
        ):
            return None
        pieces = []
        for start, end, entry in reader.items:
            cursor, piece = start, []
            for edit_start, edit_end, replacement in sorted(entry.edits if entry else ()):
                if edit_start < cursor:  # inside an edit already made (a field left out)
                    continue
                piece += [reader.text[cursor:edit_start], replacement]
                cursor = edit_end
            piece.append(reader.text[cursor:end])
            pieces.append("".join(piece))
        return "\n\n".join(pieces) + "\n"


def read_file(path: Path, encoding: str = "utf-8-sig", macros: Iterable[str] = ()) -> BibFile:
    """One file; `macros`: the @string names defined by the files read before it."""
    try:
        text = path.read_bytes().decode(encoding)
    except FileNotFoundError:
        return BibFile(path, [], [Problem(path, 0, None, "not found; check bibtex_bibfiles")])
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        name = "UTF-8" if codecs.lookup(encoding).name.startswith("utf-8") else encoding
        fix = (
            "save the file as UTF-8"
            if name == "UTF-8"
            else f"save the file as {encoding}, or set bibtex_encoding in conf.py to its encoding"
        )
        # The codec's words too: "can't decode byte 0xc4", as sphinxcontrib-bibtex says.
        reason = f"can't decode byte 0x{error.object[error.start]:02x}: {error.reason}"
        return BibFile(path, [], [Problem(path, line, None, f"not {name} ({reason}); {fix}")])
    reader = BibReader(path, text, macros)
    reader.read_all()
    return BibFile(path, reader.entries, reader.problems, reader)


def read(path: Path, encoding: str = "utf-8-sig") -> tuple[list[BibEntry], list[Problem]]:
    bib_file = read_file(path, encoding)
    return bib_file.entries, bib_file.problems
