"""Checks of the .bib files: stop only where the site would be wrong, report the rest.

BibTeX and pybtex forgive too much in some places and too little in others. A stray `}` ends
an entry early and turns its last fields into ignored text, a `{` never closed swallows the
entries after it: no reading of such a file is sensible, so the build stops with file:line,
key and the fix. Everything else that real exports hold (a field or a key given twice, a
`%` line with an `@`, an undefined macro, a loose date, a missing publisher) builds: each
entry is kept, and the oddity is reported as a NOTE (file:line, key, what was kept, the fix),
which `cv_bib_strict = True` (or `make check STRICT=1`) turns into errors.

Where pybtex would lose or garble what we keep (it drops the second entry of a duplicate key
and stops reading at a duplicate field), the build gives sphinxcontrib-bibtex a normalised
copy of the file in the doctree folder, through its `bibtex_bibfiles` setting.

    python -m cvsite.bib_check [--strict] refs.bib     (`make check`, `make check STRICT=1`)
"""

from __future__ import annotations

import bisect
import codecs
import difflib
import functools
import hashlib
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.util import logging

from .bib_style import is_pending, plain_from_latex
from .errors import stop_build
from .owner_names import written_name

logger = logging.getLogger(__name__)

# BibTeX's required fields per type; "a|b" means either. Every entry also needs a title, the
# one field the site cannot do without: the others, when missing, are left out and reported.
REQUIRED_FIELDS = {
    "article": ("author", "title", "journal|journaltitle", "year|date"),
    "inproceedings": ("author", "title", "booktitle", "year|date"),
    "conference": ("author", "title", "booktitle", "year|date"),
    "book": ("author|editor", "title", "publisher", "year|date"),
    "inbook": ("author|editor", "title", "chapter|pages", "publisher", "year|date"),
    "incollection": ("author", "title", "booktitle", "publisher", "year|date"),
    "proceedings": ("title", "year|date"),
    "phdthesis": ("author", "title", "school|institution", "year|date"),
    "mastersthesis": ("author", "title", "school|institution", "year|date"),
    "techreport": ("author", "title", "institution", "year|date"),
    "manual": ("title",),
    "booklet": ("title",),
    "misc": ("title",),
    "unpublished": ("author", "title"),
    "online": ("title",),
}
# Fields our style renders or reads: a near miss of one of these is a typo, not a new field.
RENDERED_FIELDS = {
    "title", "author", "editor", "booktitle", "journal", "year", "date", "month", "eprint",
    "archiveprefix", "doi", "url", "pdf", "code", "award", "venue_short", "equal_contribution",
    "selected", "abbr", "publisher", "school", "institution", "howpublished",
}  # fmt: skip
# Fields that exporters (Zotero, JabRef, Mendeley, Google Scholar, al-folio, biblatex,
# MathSciNet, ADS) and CV sites write: never taken for typos, and ignored unless rendered.
KNOWN_FIELDS = RENDERED_FIELDS | {
    "abstract", "address", "annote", "annotation", "chapter", "copyright", "crossref",
    "edition", "eprinttype", "eprintclass", "primaryclass", "file", "isbn", "issn", "issue",
    "journaltitle", "key", "keywords", "language", "langid", "location", "mendeley-tags",
    "note", "number", "organization", "pages", "series", "shorttitle", "type", "urldate",
    "volume", "timestamp", "biburl", "bibsource", "owner", "groups", "pmid", "mrnumber",
    "eventtitle", "eventdate", "venue", "pubstate", "subtitle", "titleaddon", "entrysubtype",
    "bibtex_show", "preview", "html", "supp", "blog", "poster", "slides", "website", "video",
    "altmetric", "dimensions", "google_scholar_id", "inspirehep_id", "award_name",
    "additional_info", "arxiv", "dataset", "doi_url", "medium", "day", "version",
    "data", "preprint", "fjournal", "mrclass", "mrreviewer", "eid", "adsurl", "adsnote",
}  # fmt: skip
MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "sept",
}  # fmt: skip


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


BRACKETS = {"{": re.compile(r"[\\{}]"), "(": re.compile(r"[\\()]")}
SPACE = re.compile(r"\s*")
# Outside entries, BibTeX reads only '@'; '%' starts a comment to the end of the line for
# biber, JabRef and Emacs' bibtex-mode, and we read it so.
AT_OR_COMMENT = re.compile(r"%[^\n]*|@")
# Keys hold anything BibTeX accepts (DOIs, URLs, ':', '&', non-ASCII) but space, ',' and braces.
KEYS = {"{": re.compile(r"[^\s,{}]+"), "(": re.compile(r"[^\s,{}()]+")}
KEY_AND_COMMA = re.compile(r"[^\s,{}()]+\s*,")
NAME = re.compile(r"[A-Za-z_][\w\-:.+/]*")
RUNS_ON = re.compile(r"\n\s*[A-Za-z_][\w\-]*\s*=")  # a value that holds the next field
WORD = re.compile(r"[\w\-:.+/]+")
FIELD_START = re.compile(r"[A-Za-z_][\w\-]*\s*=")  # `author =`: what follows a key and comma
# The rest of a field name with spaces in it, up to its '=': `funding_text 1 =`.
SPACED_NAME_END = re.compile(r"(?:[ \t]+[\w\-]+)+[ \t]*=")


def shorten(value: str, width: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 3] + "..."


class _Reader:
    """A small BibTeX reader that keeps line numbers and reports, rather than skips, errors."""

    def __init__(self, path: Path, text: str):
        self.path, self.text, self.pos = path, text, 0
        self.entries: list[BibEntry] = []
        self.problems: list[Problem] = []
        # What sphinxcontrib-bibtex gets of the file, in order: (start, end, entry or None).
        self.items: list[tuple[int, int, BibEntry | None]] = []
        self.macros = {month for month in MONTHS if len(month) == 3}  # pybtex's jan ... dec
        self.pybtex_misreads = False  # outside entries: an '@' that pybtex would take for one
        # Where each line starts, so that a line number is a binary search, not a count.
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, pos: int | None = None) -> int:
        return bisect.bisect_right(self.line_starts, self.pos if pos is None else pos)

    def problem(self, message: str, key: str | None = None, pos: int | None = None) -> None:
        self.problems.append(Problem(self.path, self.line(pos), key, message))

    def note(self, message: str, key: str | None = None, pos: int | None = None) -> None:
        self.problems.append(Problem(self.path, self.line(pos), key, message, stops=False))

    def skip_space(self) -> None:
        self.pos = SPACE.match(self.text, self.pos).end()

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def read_name(self) -> str:
        match = NAME.match(self.text, self.pos)
        if not match:
            return ""
        self.pos = match.end()
        return match.group(0)

    def read_all(self) -> None:
        while True:
            found = AT_OR_COMMENT.search(self.text, self.pos)
            end = found.start() if found else len(self.text)
            self.check_text_between_entries(self.text[self.pos : end], self.pos)
            if not found:
                return
            self.pos = found.end()
            if found.group() == "@":
                self.read_item(found.start())
            elif "@" in found.group():
                self.pybtex_misreads = True
                self.note(
                    "this '%' line holds an '@': read as a comment, as biber and JabRef do "
                    "(classic BibTeX and pybtex would start an entry there); to build with "
                    "them too, write 'at' for '@' or delete the line",
                    pos=found.start(),
                )

    def check_text_between_entries(self, text: str, start: int) -> None:
        """Text outside entries is a comment to BibTeX, which hides a stray `}`."""
        if not self.entries:
            return
        match = re.search(r"^\s*([A-Za-z_][\w\-]*)\s*=", text, re.MULTILINE)
        if match:
            previous = self.entries[-1]
            previous.broken = True
            self.problem(
                f"'{match.group(1)} = ...' stands outside any entry, so BibTeX ignores it: "
                f"a stray '}}' closed entry {previous.key!r} (line {previous.line}) early. "
                "Remove the extra '}'.",
                previous.key,
                start + match.start(1),
            )

    def read_item(self, at: int) -> None:
        kind = self.read_name().lower()
        self.skip_space()
        if not kind or self.peek() not in "{(":
            if kind and KEY_AND_COMMA.match(self.text, self.pos):
                # `@article smith2020, ...`: an entry whose '{' is missing would be lost.
                self.problem(f"@{kind} needs a '{{' after its type, as in @{kind}{{key, ...")
                return
            self.pybtex_misreads = True
            self.note(
                "this '@' starts no entry (an entry is @type{key, ...}): read as text between "
                "entries (BibTeX skips it with an error, pybtex would stop there); write 'at' "
                "for '@' or delete it",
                pos=at,
            )
            return
        closer = "}" if self.peek() == "{" else ")"
        opener = self.peek()
        self.pos += 1
        if kind in ("comment", "preamble", "string"):
            body = self.pos
            self.skip_balanced(closer, at)
            if kind == "string":
                name = re.match(r"\s*([^\s=#{}\",]+)\s*=", self.text[body : self.pos])
                if name:
                    self.macros.add(name.group(1).lower())
            # pybtex reads on inside an @comment, and would take an '@' there for an entry.
            self.pybtex_misreads |= kind == "comment" and "@" in self.text[body : self.pos]
            if kind != "comment":
                self.items.append((at, self.pos, None))
            return
        self.skip_space()
        key_match = KEYS[opener].match(self.text, self.pos)
        key = key_match.group(0) if key_match else ""
        if key_match:
            self.pos = key_match.end()
        self.skip_space()
        comma_missing = bool(key) and self.peek() != "," and FIELD_START.match(self.text, self.pos)
        if not key or (self.peek() != "," and not comma_missing):
            self.problem(f"@{kind} needs a key and a comma, as in @{kind}{{smith2024, ...", pos=at)
            self.skip_balanced(closer, at)
            return
        entry = BibEntry(kind, key, self.line(at), key_span=key_match.span())
        if comma_missing:
            # pybtex reads the key and the fields all the same; BibTeX stops at the entry.
            entry.edits.append((key_match.end(), key_match.end(), ","))
            self.note(
                f"no comma after the key: read as the key {key!r} and the fields after it, as "
                f"pybtex reads it (BibTeX stops here); write @{kind}{{{key},",
                key,
                at,
            )
        else:
            self.pos += 1
        self.entries.append(entry)
        self.read_fields(entry, closer)
        self.items.append((at, self.pos, entry))

    def read_fields(self, entry: BibEntry, closer: str) -> None:
        while True:
            self.skip_space()
            char = self.peek()
            if char == closer:
                self.pos += 1
                return
            if char == "":
                entry.broken = True
                self.problem(
                    f"entry is never closed: add the missing '{closer}' at its end", entry.key
                )
                return
            if char == "%":
                self.problem(
                    "'%' starts no comment inside an entry (BibTeX reads it as text); "
                    "delete the line or move it above the '@'",
                    entry.key,
                )
                end_of_line = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end_of_line < 0 else end_of_line
                continue
            start = self.pos
            name = self.read_name().lower()
            spaced = SPACED_NAME_END.match(self.text, self.pos) if name else None
            if spaced:
                self.pos = spaced.end()
                self.drop_spaced_field(entry, start)
                continue
            self.skip_space()
            if not name or self.peek() != "=":
                entry.broken = True
                self.problem(
                    f"expected 'field = {{value}}' but found {self.text[start : start + 20]!r}; "
                    "check the commas and braces on this line",
                    entry.key,
                    start,
                )
                self.skip_to_next_field(closer)
                continue
            self.pos += 1
            edits_before = len(entry.edits)
            value, value_span = self.read_value(entry, name)
            if value is None:
                entry.broken = True
                return
            if "\n" in value and RUNS_ON.search(value):
                entry.broken = True
                self.problem(
                    f"the value of '{name}' runs on into the fields after it: a '{{' in it is "
                    "never closed; add the missing '}'",
                    entry.key,
                    start,
                )
                next_entry = self.text.find("\n@", self.pos)
                self.pos = len(self.text) if next_entry < 0 else next_entry
                return
            self.skip_space()
            has_comma = self.peek() == ","
            if has_comma:
                self.pos += 1
            elif self.peek() != closer:
                self.problem(f"a comma is missing after field '{name}'", entry.key, self.pos)
            first = entry.fields.get(name)
            if first is None:
                entry.fields[name] = BibField(name, value, self.line(start), value_span)
                continue
            # BibTeX and pybtex keep the first; pybtex also stops reading the file at the
            # second, so the normalised copy leaves it out.
            del entry.edits[edits_before:]
            entry.edits.append((start, self.pos, ""))
            if " ".join(first.value.split()) != " ".join(value.split()):
                self.note(
                    f"field '{name}' is given twice: the first (line {first.line}) is kept, as "
                    f"BibTeX keeps it, and this one, {shorten(value)!r}, is left out; delete "
                    "the one you don't want",
                    entry.key,
                    start,
                )

    def drop_spaced_field(self, entry: BibEntry, start: int) -> None:
        """`funding_text 1 = {...}` (Scopus): BibTeX and pybtex would drop the rest of the
        entry at the space, so the normalised copy leaves out this field (no field with a
        space in its name is one the site shows)."""
        written = " ".join(self.text[start : self.pos - 1].split())
        value, _ = self.read_value(entry, written)
        if value is None:
            entry.broken = True
            return
        self.skip_space()
        if self.peek() == ",":
            self.pos += 1
        entry.edits.append((start, self.pos, ""))
        self.note(
            f"field name {written!r} has a space in it, where BibTeX and pybtex would drop the "
            "rest of the entry: this field is left out (the site shows no such field) and "
            f"the fields after it kept; delete it or write {written.replace(' ', '_')!r}",
            entry.key,
            start,
        )

    def skip_to_next_field(self, closer: str) -> None:
        depth = 0
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == "{":
                depth += 1
            elif char == "}" and depth:
                depth -= 1
            elif depth == 0 and char in ("," + closer):
                if char == ",":
                    self.pos += 1
                return
            self.pos += 1

    def read_value(self, entry: BibEntry, name: str) -> tuple[str | None, tuple | None]:
        parts, spans = [], []
        while True:
            self.skip_space()
            char = self.peek()
            if char == "{":
                end = self.balanced_end(self.pos, "{", "}")
                if end < 0:
                    self.problem("a '{' is never closed; add the missing '}'", entry.key, self.pos)
                    self.pos = len(self.text)
                    return None, None
                parts.append(self.text[self.pos + 1 : end])
                spans.append((self.pos + 1, end))
                self.pos = end + 1
            elif char == '"':
                end = self.pos + 1
                depth = 0
                while end < len(self.text) and not (self.text[end] == '"' and depth == 0):
                    depth += {"{": 1, "}": -1}.get(self.text[end], 0)
                    end += 1
                if end >= len(self.text):
                    self.problem("a '\"' is never closed", entry.key, self.pos)
                    self.pos = len(self.text)
                    return None, None
                parts.append(self.text[self.pos + 1 : end])
                spans.append((self.pos + 1, end))
                self.pos = end + 1
            else:
                word = WORD.match(self.text, self.pos)
                if not word:
                    self.problem("a field has no value; write name = {value}", entry.key)
                    return "", None
                parts.append(word.group(0))
                spans.append(None)
                if not word.group(0).isdigit() and word.group(0).lower() not in self.macros:
                    self.undefined_macro(entry, name, word)
                self.pos = word.end()
            self.skip_space()
            if self.peek() != "#":
                return "".join(parts), spans[0] if len(spans) == 1 else None
            self.pos += 1

    def undefined_macro(self, entry: BibEntry, name: str, word: re.Match) -> None:
        """`journal = aap` (as ADS writes it) with no @string for aap: shown as written.

        pybtex would stop at it, and BibTeX would print nothing for it.
        """
        entry.edits.append((word.start(), word.end(), f"{{{word.group(0)}}}"))
        self.note(
            f"{name} = {word.group(0)}: no @string defines {word.group(0)!r}, so the site shows "
            f"it as written, '{word.group(0)}' (BibTeX would print nothing); add "
            f"@string{{{word.group(0)} = {{...}}}} above the entry, or write "
            f"{name} = {{...}}",
            entry.key,
            word.start(),
        )

    def balanced_end(self, start: int, opener: str, closer: str) -> int:
        """The index of the closer that matches the opener at `start`; \\{ and \\} don't count."""
        depth, index = 0, start
        special = BRACKETS[opener]  # jumps to the next character that matters
        while found := special.search(self.text, index):
            index = found.start()
            char = self.text[index]
            if char == "\\":
                index += 2
                continue
            if char == opener:
                depth += 1
            else:
                depth -= 1
                if depth == 0:
                    return index
            index += 1
        return -1

    def skip_balanced(self, closer: str, at: int) -> None:
        opener = "{" if closer == "}" else "("
        end = self.balanced_end(self.pos - 1, opener, closer)
        if end < 0:
            self.problem(f"'@...{opener}' is never closed", pos=at)
            self.pos = len(self.text)
        else:
            self.pos = end + 1


@dataclass
class BibFile:
    """One .bib file as read: its entries, its problems, and what pybtex should get of it."""

    path: Path
    entries: list[BibEntry]
    problems: list[Problem]
    reader: _Reader | None = None

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
                piece += [reader.text[cursor:edit_start], replacement]
                cursor = edit_end
            piece.append(reader.text[cursor:end])
            pieces.append("".join(piece))
        return "\n\n".join(pieces) + "\n"


def read_file(path: Path, encoding: str = "utf-8-sig") -> BibFile:
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
        return BibFile(path, [], [Problem(path, line, None, f"not {name}; {fix}")])
    reader = _Reader(path, text)
    reader.read_all()
    return BibFile(path, reader.entries, reader.problems, reader)


def read(path: Path, encoding: str = "utf-8-sig") -> tuple[list[BibEntry], list[Problem]]:
    bib_file = read_file(path, encoding)
    return bib_file.entries, bib_file.problems


def split_names(value: str) -> list[str]:
    """Names between 'and's (not within braces); '' marks an 'and' at an end or twice."""
    names: list[list[str]] = [[]]
    braced = "{" in value
    depth = 0
    for word in value.split():
        if depth == 0 and word.lower() == "and":
            names.append([])
        else:
            names[-1].append(word)
        if braced:
            depth += word.count("{") - word.count("}")
    return [" ".join(words) for words in names]


def top_level_commas(name: str) -> int:
    if name.count(",") < 3 or "{" not in name:  # the usual cases, without a walk
        return name.count(",")
    depth = commas = 0
    for char in name:
        depth += {"{": 1, "}": -1}.get(char, 0)
        commas += char == "," and depth == 0
    return commas


# biblatex's date: ISO 8601, with a time (Zotero writes 2030-10-04T00:00:00), or a range of
# two (2027/2028, 2020-05/2020-07, open at one end).
ISO_DATE = r"\d{4}(?:-\d\d(?:-\d\d(?:T\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:\d\d)?)?)?)?"
BIBLATEX_DATE = re.compile(rf"{ISO_DATE}(?:/(?:{ISO_DATE}|\.\.)?)?|(?:\.\.)?/{ISO_DATE}")
ONE_MONTH = re.compile(
    r"(?P<word>[a-z]+)\.?(?:\s+\d{1,2})?|(?P<number>\d{1,2})|\d{1,2}\s+(?P<after>[a-z]+)\.?"
)
LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")
# biblatex's extended name format: `family=Hoek, given=Pieter, prefix=van den, useprefix=true`.
EXTENDED_NAME = re.compile(r"\s*(?:family|given|prefix|suffix)\s*=", re.IGNORECASE)
EXTENDED_PART = re.compile(r"\s*([a-z\-]+)\s*=\s*(.*?)\s*$", re.IGNORECASE | re.DOTALL)


def extended_as_bibtex(name: str) -> str:
    """An extended-format name as BibTeX writes it: `van den Hoek, Pieter`."""
    parts: dict[str, str] = {}
    depth, start = 0, 0
    for index, char in enumerate(name + ","):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "," and depth == 0:
            found = EXTENDED_PART.match(name[start:index])
            if found:
                parts[found.group(1).lower()] = found.group(2)
            start = index + 1
    family = " ".join(part for part in (parts.get("prefix"), parts.get("family")) if part)
    return ", ".join(part for part in (family, parts.get("suffix"), parts.get("given")) if part)


def month_is_readable(value: str) -> bool:
    """`4`, `04`, `apr`, `Apr.`, `April`, `{apr}`, and a day with it (`OCT 26`, `26 Oct`, as Web
    of Science writes): one month, read as meant."""
    words = value.replace("{", "").replace("}", "").strip().lower()
    one = ONE_MONTH.fullmatch(words)
    if not one:
        return False
    word, number = one.group("word") or one.group("after"), one.group("number")
    return word in MONTHS if word else 1 <= int(number) <= 12


def first_month(value: str) -> str | None:
    """The first month named in a range or beside days (`JAN-MAR`, `17--23 Jul`), as the
    site's Scholar date reads it: `jan`, `jul`."""
    for word in re.findall(r"[a-z]+", value.lower()):
        if word in MONTHS:
            return word[:3]
    return None


def plausible_slip(name: str, entry: BibEntry) -> str | None:
    """The field an unknown field name is a typo of, if that field is missing and the name is
    no field of its own: `opt...` (bibtex-mode's disabled field) or one that wraps a known
    name (`cv_selected`, `fjournal`, `trueauthor`) is not a typo."""
    if name.startswith("opt") or any(
        name.startswith(known) or name.endswith(known) for known in KNOWN_FIELDS if len(known) > 2
    ):
        return None
    close = difflib.get_close_matches(name, RENDERED_FIELDS, n=1, cutoff=0.75)
    return close[0] if close and close[0] not in entry.fields else None


def check_entry(path: Path, entry: BibEntry) -> list[Problem]:
    problems = []

    def note(line: int, message: str) -> None:
        problems.append(Problem(path, line, entry.key, message, stops=False))

    required = () if entry.broken else REQUIRED_FIELDS.get(entry.type, ("title",))
    for requirement in required:
        options = requirement.split("|")
        if any(entry.fields.get(name) and entry.fields[name].value.strip() for name in options):
            continue
        if options[0] == "title":  # an entry with no title has nothing to show or link
            problems.append(
                Problem(
                    path,
                    entry.line,
                    entry.key,
                    f"@{entry.type} needs the field 'title'; add title = {{...}}",
                )
            )
            continue
        either = f" (or '{options[1]}')" if len(options) > 1 else ""
        note(
            entry.line,
            f"@{entry.type} has no '{options[0]}'{either}: shown without it, as BibTeX does "
            f"(with a warning); add {options[0]} = {{...}}",
        )
    year = entry.fields.get("year")
    written = year.value.replace("{", "").replace("}", "").strip() if year else ""
    if written and not re.fullmatch(r"\d{4}", written) and not is_pending(written):
        digits = re.search(r"\d{4}", written)
        sorted_as = f"sorted as {digits.group(0)}" if digits else "sorted last"
        fix = f"year = {{{digits.group(0)}}}" if digits else "year = {2023} or {In press}"
        note(
            year.line,
            f"year {year.value!r} is not a year: shown as written, {sorted_as}; write {fix}",
        )
    date = entry.fields.get("date")
    written = date.value.strip() if date else ""
    if written and not BIBLATEX_DATE.fullmatch(written):
        loose = re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?", written)
        if loose:
            meant = "-".join(f"{int(part):02d}" for part in loose.groups() if part)
            note(date.line, f"date {written!r} read as {meant}; write date = {{{meant}}}")
        else:
            note(
                date.line,
                f"date {written!r} is not YYYY, YYYY-MM or YYYY-MM-DD: its year is "
                "the first four digits in it, if any; write date = {2020-05}",
            )
    month = entry.fields.get("month")
    written = month.value.replace("{", "").replace("}", "").strip() if month else ""
    if month and not written:
        note(month.line, "month is empty: ignored; delete it or write month = apr")
    elif written and not month_is_readable(written):
        first = first_month(written)
        if first:
            note(
                month.line,
                f"month {month.value!r} is not one month (a range, or days with it): read as "
                f"{first}; write month = {first}",
            )
        else:
            note(
                month.line,
                f"month {month.value!r} is not a month: ignored; write month = jan ... dec",
            )
    for role in ("author", "editor"):
        names = entry.fields.get(role)
        if names is None:
            continue
        parts = split_names(names.value)
        extended = [part for part in parts if EXTENDED_NAME.match(part)]
        parts = [extended_as_bibtex(part) if part in extended else part for part in parts]
        stray = [part for part in parts if part.rstrip().endswith(",")]
        parts = [part.rstrip().rstrip(",").rstrip() if part in stray else part for part in parts]
        if not names.value.strip():
            note(
                names.line, f"{role} is empty: shown without {role}s; write the names or delete it"
            )
        elif too_many_commas := [part for part in parts if top_level_commas(part) > 2]:
            # BibTeX reads "Last, Jr, First": the names were likely separated by commas.
            problems.append(
                Problem(
                    path,
                    names.line,
                    entry.key,
                    f"{role} name {shorten(too_many_commas[0])!r} has more than two commas, so "
                    "BibTeX and pybtex cannot read it as one name; separate the names with "
                    "'and', as in 'Smith, Jane and Doe, John'",
                )
            )
        elif any(not part for part in parts) or extended or stray:
            kept = " and ".join(part for part in parts if part)
            if names.value_span:  # what pybtex would misread, the copy writes as meant
                entry.edits.append((*names.value_span, kept))
            if any(not part for part in parts):
                note(
                    names.line,
                    f"{role} has an empty name ('and' twice or at an end): read as {kept!r}; "
                    f"write {role} = {{{kept}}}",
                )
            for part in stray:
                note(
                    names.line,
                    f"{role} name {shorten(part)!r} ends with a comma, so BibTeX and pybtex "
                    "would read what follows the first comma as a suffix, like 'Jr.', and no "
                    f"given name: read as {part.rstrip().rstrip(',')!r}; delete the comma",
                )
            for part in extended:
                note(
                    names.line,
                    f"{role} name {shorten(part)!r} is in biblatex's extended format, which "
                    f"BibTeX and pybtex read as one odd name: read as "
                    f"{extended_as_bibtex(part)!r}; to build with BibTeX too, write it so in "
                    f"{role}",
                )
    for name, bib_field in entry.fields.items():
        if name in KNOWN_FIELDS:
            continue
        meant = plausible_slip(name, entry)
        if meant:
            note(
                bib_field.line,
                f"unknown field '{name}' (ignored, as BibTeX ignores it): did you mean '{meant}'?",
            )
    for name in ("journal", "journaltitle", "booktitle"):
        venue = entry.fields.get(name)
        if venue and re.fullmatch(r"\s*\\[A-Za-z]+\s*", venue.value):
            # ADS writes journals as the macros of aas_macros.sty, which only LaTeX knows.
            note(
                venue.line,
                f"{name} = {{{venue.value.strip()}}} is a LaTeX macro that only a document "
                f"defining it (such as aas_macros.sty) can expand: shown as written; write "
                f"the name, as in {name} = {{...}}",
            )
        elif venue and "\\" in venue.value:
            command = LATEX_COMMAND.search(plain_from_latex(venue.value))
            if command:  # left undecoded: shown as written, backslash and all
                note(
                    venue.line,
                    f"{name} = {{{shorten(venue.value)}}} holds {command.group(0)}, a LaTeX "
                    "command that only a document defining it can expand: shown as written; write "
                    f"the character or words it stands for in {name}",
                )
    selected = entry.fields.get("selected")
    if selected and selected.value.strip().lower() not in ("true", "false", "yes", "no", "1", "0"):
        note(
            selected.line,
            f"selected {selected.value!r} is not true or false: read as false; "
            "write selected = {true}",
        )
    equal = entry.fields.get("equal_contribution")
    if equal:
        # As the site reads them: "Ada Lovelace*" is Ada Lovelace, with a mark.
        authors = {
            name_key(written_name(n).name)
            for n in split_names(entry.fields.get("author", equal).value)
        }
        for name in split_names(equal.value):
            if name and name_key(written_name(name).name) not in authors:
                note(
                    equal.line,
                    f"equal_contribution names {name!r}, who is not among the authors: no mark "
                    "for that name; write the name exactly as in author",
                )
    return problems


def name_key(name: str) -> str:
    return " ".join(name.replace("{", "").replace("}", "").casefold().split())


def check_files(paths: list[Path], encoding: str = "utf-8-sig") -> list[BibFile]:
    """All files, with their entries and every problem found in them.

    A key given twice keeps both entries: the later one is renamed `<key>_2` on the site.
    """
    files = []
    taken: dict[str, tuple[Path, BibEntry]] = {}  # pybtex's keys ignore case
    for path in paths:
        bib_file = read_file(path, encoding)
        files.append(bib_file)
        for entry in bib_file.entries:
            bib_file.problems += check_entry(path, entry)
            first = taken.get(entry.key.casefold())
            if first:
                number = 2
                while (renamed := f"{entry.key}_{number}").casefold() in taken:
                    number += 1
                bib_file.problems.append(
                    Problem(
                        path,
                        entry.line,
                        entry.key,
                        f"duplicate key (first at {first[0].name}:{first[1].line}): both are "
                        f"shown, this one as {renamed!r} (BibTeX would drop it); rename one "
                        "key, or merge the two",
                        stops=False,
                    )
                )
                entry.edits.append((*entry.key_span, renamed))
                entry.key = renamed
            taken[entry.key.casefold()] = (path, entry)
        bib_file.problems.sort(key=lambda problem: problem.line)
    return files


def check(paths: list[Path], encoding: str = "utf-8-sig") -> tuple[list[BibEntry], list[Problem]]:
    """All entries of all files (with their keys on the site), and every problem found."""
    files = check_files(paths, encoding)
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


def check_for_build(app, config) -> None:
    """config-inited: stop on a file that would build wrong, report the rest, and point
    sphinxcontrib-bibtex at a normalised copy of each file that it would misread.

    Runs before the environment compares the settings with the last build's, so that the
    same file gives the same `bibtex_bibfiles` every time and no build reads every page
    again because of it.
    """
    if config.bibtex_bibfiles is None:
        return  # sphinxcontrib-bibtex says that the setting is missing
    given = list(config.bibtex_bibfiles)
    paths = [Path(app.confdir, name) for name in given]
    strict = bool(config.cv_bib_strict)
    # The files and these rules as last checked: a build that changed neither reads nothing.
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(f"{config.bibtex_encoding}\0{strict}\0".encode())
    for path in paths:
        digest.update(f"{path}\0".encode() + (path.read_bytes() if path.exists() else b""))
    # Kept beside Sphinx's state, not in it: Sphinx saves its state only when a page changed.
    record = Path(app.doctreedir, RECORD_FILE)
    try:
        checked = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        checked = {}
    if checked.get("digest") != digest.hexdigest() or not all(
        Path(app.confdir, name).exists() for name in checked.get("bibfiles", [])
    ):
        checked = fresh_check(app, config, given, paths, strict)
        checked["digest"] = digest.hexdigest()
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps(checked), encoding="utf-8")
    config.bibtex_bibfiles = checked["bibfiles"]
    for note in checked["notes"]:
        logger.info(note)
    for report in checked["name_variants"]:
        logger.info(f"refs.bib: maybe one person spelled two ways (kept as written): {report}")


def fresh_check(app, config, given: list[str], paths: list[Path], strict: bool) -> dict:
    try:
        codecs.lookup(config.bibtex_encoding)
    except LookupError:
        conf_py = str(Path(app.confdir, "conf.py"))
        stop_build(
            [(conf_py, f"bibtex_encoding {config.bibtex_encoding!r} is no encoding Python "
              "knows; set it to the .bib file's, e.g. \"utf-8\" or \"latin-1\".")],
            "fix the settings in conf.py.",
        )  # fmt: skip
    files = check_files(paths, config.bibtex_encoding)
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
        "notes": [problem.describe() for problem in problems],
        "name_variants": name_variants(entries),
    }


def stop_on(problems: list[Problem], strict: bool = False) -> None:
    if problems:
        notes = " (cv_bib_strict = True makes notes errors)" if strict else ""
        stop_build(
            [
                (f"{p.path}:{p.line}", f"{p.key}: {p.message}" if p.key else p.message)
                for p in problems
            ],
            f"{len(problems)} problem(s) in the .bib files{notes}; fix them and build again.",
        )


def main(argv: list[str]) -> int:
    strict = "--strict" in argv
    paths = [Path(arg) for arg in argv if arg != "--strict"] or [Path("refs.bib")]
    entries, problems = check(paths)
    errors = [problem for problem in problems if problem.stops]
    notes = [problem for problem in problems if not problem.stops]
    for problem in errors + notes:
        print(problem.describe(strict))
    for report in name_variants(entries):
        print(f"NOTE: maybe one person spelled two ways: {report}")
    print(
        f"{len(entries)} entries, {len(errors)} problems, {len(notes)} notes in "
        f"{', '.join(map(str, paths))}" + (" (--strict: notes fail the check)" if strict else "")
    )
    return 1 if errors or (strict and notes) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
