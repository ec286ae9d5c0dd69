"""A .bib entry as written: its fields with the lines they are on, and a problem found in it
(an error that stops the build, or a note), shared by the reader, its mends and the checks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class BibField:
    name: str
    value: str  # braces and quotes removed at the outer level
    line: int
    # The text inside the value's braces or quotes, when the value is one such part: where a
    # fix for the normalised copy goes.
    value_span: tuple[int, int] | None = None


@dataclass
class BibEntry:
    type: str
    key: str
    line: int
    fields: dict[str, BibField] = field(default_factory=dict)
    broken: bool = False  # a syntax problem was reported: its missing fields would be noise
    key_span: tuple[int, int] = (0, 0)
    # (start, end, replacement) in the file's text: what the normalised copy changes.
    edits: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Problem:
    path: Path
    line: int
    key: str | None
    message: str
    stops: bool = True  # False: a note; the build goes on (unless cv_bib_strict)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"

    def describe(self, strict: bool = False) -> str:
        """`file:line: ERROR: key: message`, or NOTE for what only gets reported."""
        level = "ERROR" if self.stops or strict else "NOTE"
        what = f"{self.key}: {self.message}" if self.key else self.message
        return f"{self.path}:{self.line}: {level}: {what}"


def shorten(value: str, width: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 3] + "..."
