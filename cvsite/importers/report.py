"""The import report: every value of the source that is not on a page, in refs.bib or in
conf.py as written, with its place in the source and why. Printed, and written into the new
site as IMPORT-REPORT.md."""

from __future__ import annotations

from dataclasses import dataclass, field

from cvsite.wording import plural

# What became of a value, as the report's headings say it.
LEFT_OUT = "Left out"  # not imported: a template's sample, an empty value, a script ...
CHANGED = "Imported, changed"  # imported, but not as written: a date kept, a link dropped ...


@dataclass(frozen=True)
class Place:
    """Where a value is in the source: its file, and a line or a key path (or both)."""

    file: str
    line: int | None = None
    key: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} ({self.key})" if self.key else where

    def at(self, key: str, line: int | None = None) -> Place:
        """A value under this one: key paths join with dots (lists as [n])."""
        joined = f"{self.key}{key}" if key.startswith("[") or not self.key else f"{self.key}.{key}"
        return Place(self.file, line if line is not None else self.line, joined)


@dataclass(frozen=True)
class Finding:
    outcome: str  # LEFT_OUT or CHANGED
    place: Place
    value: str  # the value as the source has it, shortened
    why: str


SHOWN_VALUE = 80  # characters of a value the report quotes


@dataclass
class Report:
    format: str = ""
    source: str = ""
    findings: list[Finding] = field(default_factory=list)
    imported: dict[str, int] = field(default_factory=dict)  # what was imported, counted

    def left_out(self, place: Place, value: object, why: str) -> None:
        self.findings.append(Finding(LEFT_OUT, place, shorten(value), why))

    def changed(self, place: Place, value: object, why: str) -> None:
        self.findings.append(Finding(CHANGED, place, shorten(value), why))

    def count(self, what: str, number: int = 1) -> None:
        self.imported[what] = self.imported.get(what, 0) + number

    def summary(self) -> str:
        counted = ", ".join(plural(n, what) for what, n in self.imported.items()) or "nothing"
        left = sum(f.outcome == LEFT_OUT for f in self.findings)
        changed = len(self.findings) - left
        return (
            f"Imported {counted} from {self.source} ({self.format}); "
            f"{plural(left, 'value')} left out and {plural(changed, 'value')} changed, "
            "each listed in IMPORT-REPORT.md."
        )

    def markdown(self) -> str:
        lines = [
            "# Import report",
            "",
            f"`cvsite import` read {self.source} as {self.format}.",
            "",
            self.summary(),
            "",
            "Every value of the source is on a page of docs/, in refs.bib or in conf.py, or is "
            "listed below with its place in the source and why. Delete this file when you have "
            "read it.",
        ]
        for outcome in (LEFT_OUT, CHANGED):
            found = [f for f in self.findings if f.outcome == outcome]
            if not found:
                continue
            lines += ["", f"## {outcome} ({len(found)})", ""]
            lines += ["| where | value | why |", "| --- | --- | --- |"]
            lines += [f"| {cell(str(f.place))} | {code(f.value)} | {cell(f.why)} |" for f in found]
        return "\n".join(lines) + "\n"


def shorten(value: object) -> str:
    text = " ".join(str(value).split()) if value is not None else "(empty)"
    return text if len(text) <= SHOWN_VALUE else text[: SHOWN_VALUE - 1] + "…"


def cell(text: str) -> str:
    """Text in a Markdown table's cell, shown as written: bars and markup escaped."""
    for character in "\\|<>*_[]`":
        text = text.replace(character, "\\" + character)
    return text


def code(text: str) -> str:
    """A value quoted as code, so that its markup shows as the source has it."""
    text = text.replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"
