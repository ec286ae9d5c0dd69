"""The .bib files read as written: entries with their lines, and every syntax problem reported.

A small BibTeX reader that keeps line numbers and reports, rather than skips, errors (pybtex
stops at the first, or reads on into garbage). What it finds that pybtex would misread, it
mends in a normalised copy (bib_file.BibFile.normalised) that sphinxcontrib-bibtex reads instead.
Reading a file (its encoding) and writing that copy are in bib_file.py.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from pathlib import Path

from cvsite.publications.bib_mends import (
    FIELD_START,
    LITERAL_BRACE,
    NAME,
    RUNS_ON,
    Mends,
    unpaired_escapes,
)
from cvsite.publications.fields import MONTHS
from cvsite.publications.written_entries import BibEntry, BibField, Problem, shorten

BRACKETS = {"{": re.compile(r"[\\{}]"), "(": re.compile(r"[\\()]")}
SPACE = re.compile(r"\s*")
# Outside entries, BibTeX reads only '@'; '%' starts a comment to the end of the line for
# biber, JabRef and Emacs' bibtex-mode, and we read it so.
AT_OR_COMMENT = re.compile(r"%[^\n]*|@")
# Keys hold anything BibTeX accepts (DOIs, URLs, ':', '&', non-ASCII) but space, ',' and braces.
KEYS = {"{": re.compile(r"[^\s,{}]+"), "(": re.compile(r"[^\s,{}()]+")}
KEY_AND_COMMA = re.compile(r"[^\s,{}()]+\s*,")
WORD = re.compile(r"[\w\-:.+/]+")
# The rest of a field name with spaces in it, up to its '=': `funding_text 1 =`.
SPACED_NAME_END = re.compile(r"(?:[ \t]+[\w\-]+)+[ \t]*=")


class BibReader(Mends):
    """A small BibTeX reader that keeps line numbers and reports, rather than skips, errors."""

    def __init__(self, path: Path, text: str, macros: Iterable[str] = ()):
        self.path, self.text, self.pos = path, text, 0
        self.entries: list[BibEntry] = []
        self.problems: list[Problem] = []
        # What sphinxcontrib-bibtex gets of the file, in order: (start, end, entry or None).
        self.items: list[tuple[int, int, BibEntry | None]] = []
        self.macros = {month for month in MONTHS if len(month) == 3}  # pybtex's jan ... dec
        self.macros |= set(macros)  # those of the files read before this one, as pybtex keeps
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
        spaces = SPACE.match(self.text, self.pos)  # always matches, if only nothing
        self.pos = spaces.end() if spaces else self.pos

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
        opener, opening = self.peek(), self.pos
        self.pos += 1
        if kind in ("comment", "preamble", "string"):
            self.read_command(kind, at, closer)
            return
        self.skip_space()
        key_match = KEYS[opener].match(self.text, self.pos)
        key = key_match.group(0) if key_match else ""
        if key_match:
            self.pos = key_match.end()
        self.skip_space()
        comma_missing = bool(key) and self.peek() != "," and FIELD_START.match(self.text, self.pos)
        no_fields = bool(key) and self.peek() == closer  # `@misc{lonely}`: read, noted
        if not key_match or not key or (self.peek() != "," and not comma_missing and not no_fields):
            self.problem(self.key_problem(kind, opening + 1), pos=at)
            self.pos = opening + 1
            self.skip_balanced(closer, at)
            return
        entry = BibEntry(kind, key, self.line(at), key_span=key_match.span())
        if no_fields:
            self.pos += 1
            self.entries.append(entry)
            self.items.append((at, self.pos, entry))
            return
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

    def read_command(self, kind: str, at: int, closer: str) -> None:
        """@comment, @preamble or @string, past its opening brace: skipped to its end, an
        @string's name kept (the fields after it may use it)."""
        body = self.pos
        self.skip_balanced(closer, at)
        escaped = [] if kind == "comment" else unpaired_escapes(self.text, body, self.pos - 1)
        if escaped:  # pybtex reads no @comment as BibTeX does, so it is spared
            self.problem(
                f"@{kind} holds \\{escaped[0].group(1)}, which BibTeX and pybtex count as a "
                "brace that here has no pair (pybtex would stop at it); write "
                f"{LITERAL_BRACE[escaped[0].group(1)]} for it",
                pos=escaped[0].start(),
            )
        if kind == "string":
            name = re.match(r"\s*([^\s=#{}\",]+)\s*=", self.text[body : self.pos])
            if name:
                self.macros.add(name.group(1).lower())
        # pybtex reads on inside an @comment, and would take an '@' there for an entry.
        self.pybtex_misreads |= kind == "comment" and "@" in self.text[body : self.pos]
        if kind != "comment":
            self.items.append((at, self.pos, None))

    def key_problem(self, kind: str, start: int) -> str:
        """What is wrong with the key after `@kind{`: a space or a brace in it, or none."""
        written = re.match(r"\s*([^,\n=]*?)\s*,", self.text[start:])
        key = written.group(1) if written else ""
        holds = (
            "a space" if re.search(r"\s", key) else "a brace" if re.search(r"[{}()]", key) else ""
        )
        if not holds:
            return f"@{kind} needs a key and a comma, as in @{kind}{{smith2024, ..."
        meant = re.sub(r"\s+", "_", re.sub(r"[{}()]", "", key))
        return (
            f"@{kind} has the key {key!r}, which holds {holds}, and a BibTeX key cannot (BibTeX "
            f"and pybtex would misread the entry); write it without, as in @{kind}{{{meant}, ..."
        )

    def read_fields(self, entry: BibEntry, closer: str) -> None:
        while True:
            self.skip_space()
            char = self.peek()
            if char == closer:
                self.pos += 1
                if not self.stray_closer(entry, closer):
                    return
                continue
            if char == "" or self.starts_entry() or (char == "%" and self.entry_ends_here()):
                self.unclosed_entry(entry, closer)
                return
            if char == "%":
                self.comment_in_entry(entry)
                continue
            if char == ",":
                self.extra_comma(entry)
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
            if not self.read_field(entry, name, start, closer):
                return

    def read_field(self, entry: BibEntry, name: str, start: int, closer: str) -> bool:
        """The value after `name =`, and the comma after it; False: the entry cannot go on."""
        self.extra_equals(entry, name)
        edits_before = len(entry.edits)
        value, value_span = self.read_value(entry, name)
        if value is None:
            entry.broken = True
            return False
        if "\n" in value and RUNS_ON.search(value):
            entry.broken = True
            # `{Ends in \}`: a backslash before the closing brace makes it a literal one.
            escaped = " (its '\\}' is a literal brace, not the end)" if "\\}" in value else ""
            self.problem(
                f"the value of '{name}' runs on into the fields after it: a '{{' in it is "
                f"never closed{escaped}; add the missing '}}'",
                entry.key,
                start,
            )
            next_entry = self.text.find("\n@", self.pos)
            self.pos = len(self.text) if next_entry < 0 else next_entry
            return False
        value_end = self.end_of_text_before(self.pos)
        self.skip_space()
        if self.peek() == ",":
            self.pos += 1
        else:
            ahead = self.past_comment_lines(self.pos)  # a `%` line is no field: comment_in_entry
            if self.text[ahead : ahead + 1] not in (closer, "") and not self.starts_entry(ahead):
                self.missing_comma(entry, name, value_end, ahead)
        first = entry.fields.get(name)
        if first is None:
            entry.fields[name] = BibField(name, value, self.line(start), value_span)
            return True
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
        return True

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

    def take_part(self, entry: BibEntry, name: str, parts: list, spans: list, end: int) -> None:
        """The braced or quoted part from here to `end`: its text, its span, no private-use
        character in the normalised copy; the reader moves past it."""
        start = self.pos + 1
        parts.append(self.text[start:end])
        spans.append((start, end))
        self.drop_private_use(entry, name, start, end)
        self.literal_braces(entry, name, start, end)
        self.pos = end + 1

    def read_value(self, entry: BibEntry, name: str) -> tuple[str | None, tuple | None]:
        parts: list[str] = []
        spans: list[tuple[int, int] | None] = []
        while True:
            self.skip_space()
            char = self.peek()
            if char == "{":
                end = self.balanced_end(self.pos, "{", "}")
                if end < 0:
                    self.problem("a '{' is never closed; add the missing '}'", entry.key, self.pos)
                    self.pos = len(self.text)
                    return None, None
                self.take_part(entry, name, parts, spans, end)
            elif char == '"':
                end = self.pos + 1
                depth = 0
                while end < len(self.text) and not (self.text[end] == '"' and depth == 0):
                    if self.text[end] == "\\" and self.text[end + 1 : end + 2] in "{}\\":
                        end += 2  # \\{ and \\}: literal braces, as balanced_end reads them
                        continue
                    depth += {"{": 1, "}": -1}.get(self.text[end], 0)
                    end += 1
                if end >= len(self.text):
                    self.problem(
                        f"a '\"' is never closed; add the closing '\"' where the value of "
                        f"'{name}' ends, or write it in braces, {name} = {{...}}",
                        entry.key,
                        self.pos,
                    )
                    self.pos = len(self.text)
                    return None, None
                self.take_part(entry, name, parts, spans, end)
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

    def balanced_end(self, start: int, opener: str, closer: str) -> int:
        """The index of the closer that matches the opener at `start`; \\{ and \\} don't count
        (the author's literal braces: where BibTeX, which counts them, would read the value
        otherwise, Mends.literal_braces notes it and mends the copy)."""
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
