"""What the reader mends: where a .bib file has one sensible reading that BibTeX or pybtex would
miss, the reader takes it, reports it as a note, and records the edit that makes the normalised
copy (the file pybtex reads) say the same.
"""

from __future__ import annotations

import re
from pathlib import Path

from cvsite.publications.written_entries import BibEntry, Problem

NAME = re.compile(r"[A-Za-z_][\w\-:.+/]*")
FIELD_START = re.compile(r"[A-Za-z_][\w\-]*\s*=")  # `author =`: what follows a key and comma
# After an entry's closing brace: an optional comma, then `name =` (a field, not an entry).
STRAY_CLOSER_FOLLOWED_BY_FIELD = re.compile(r"[ \t]*,?(\s*)([A-Za-z_][\w\-]*)\s*=")
# `@article{` or `@misc (`: the start of an entry (at the start of a line, see starts_entry).
ENTRY_START = re.compile(r"@[A-Za-z]+\s*[{(]")
RUNS_ON = re.compile(r"\n\s*[A-Za-z_][\w\-]*\s*=")  # a value that holds the next field
# A backslash and the character it escapes: `\}` (a literal brace to LaTeX), `\\` (a line
# break, so a brace after it is a real one).
ESCAPED = re.compile(r"\\(.)", re.DOTALL)
LITERAL_BRACE = {"{": "\\textbraceleft{}", "}": "\\textbraceright{}"}
SPACES_AND_COMMENTS = re.compile(r"(?:\s*%[^\n]*)*\s*")
# Unicode's Private Use Areas: code points that mean something only to the program that wrote
# them (an exporter's symbol font), so no font of the PDF has them.
PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
PRIVATE_USE_CHARACTER = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in PRIVATE_USE) + "]"
)


def unpaired_escapes(text: str, start: int, end: int) -> list[re.Match]:
    """The `\\{` and `\\}` in text[start:end] when, counted as braces (as BibTeX and pybtex
    count them), the braces there do not pair up; [] when they do."""
    depth = 0
    for brace in re.finditer(r"[{}]", text[start:end]):
        depth += 1 if brace.group() == "{" else -1
        if depth < 0:
            break
    if depth == 0:
        return []
    return [found for found in ESCAPED.finditer(text, start, end) if found.group(1) in "{}"]


class Mends:
    """The mending half of bib_syntax.BibReader: each method reads one quirk as meant."""

    path: Path
    text: str
    pos: int
    problems: list[Problem]

    def line(self, pos: int | None = None) -> int:
        raise NotImplementedError

    def note(self, message: str, key: str | None = None, pos: int | None = None) -> None:
        raise NotImplementedError

    def problem(self, message: str, key: str | None = None, pos: int | None = None) -> None:
        raise NotImplementedError

    def read_value(self, entry: BibEntry, name: str) -> tuple[str | None, tuple | None]:
        raise NotImplementedError

    def skip_space(self) -> None:
        raise NotImplementedError

    def peek(self) -> str:
        raise NotImplementedError

    def stray_closer(self, entry: BibEntry, closer: str) -> bool:
        """`title = {A Title}},` with more fields after it: the `}` just read is a stray one.

        BibTeX would end the entry there and skip the fields after it as text between entries;
        the one sensible reading keeps them in the entry, and the normalised copy drops the `}`.
        """
        after = STRAY_CLOSER_FOLLOWED_BY_FIELD.match(self.text, self.pos)
        if not after:
            return False
        stray = self.pos - 1
        entry.edits.append((stray, self.pos, ""))
        self.pos = after.end(1)  # past the comma, if any: the next field's name comes next
        self.note(
            f"a stray '{closer}' would close the entry early (BibTeX and pybtex would drop "
            f"{after.group(2)!r} and the fields after it): read as part of the entry, with "
            f"those fields; delete this '{closer}'",
            entry.key,
            stray,
        )
        return True

    def starts_entry(self, pos: int | None = None) -> bool:
        """An `@type{` at the start of a line: the next entry, wherever the reader is."""
        pos = self.pos if pos is None else pos
        line_start = self.text.rfind("\n", 0, pos) + 1
        return bool(ENTRY_START.match(self.text, pos)) and not self.text[line_start:pos].strip()

    def past_comment_lines(self, pos: int) -> int:
        """Where the text after pos goes on, past spaces and `%` comments."""
        found = SPACES_AND_COMMENTS.match(self.text, pos)
        return found.end() if found else pos

    def entry_ends_here(self) -> bool:
        """Only spaces and `%` comments before the next entry or the end of the file."""
        ahead = self.past_comment_lines(self.pos)
        return ahead >= len(self.text) or self.starts_entry(ahead)

    def unclosed_entry(self, entry: BibEntry, closer: str) -> None:
        """The entry's last field is followed by the next entry, or the end of the file, and no
        `}`: it can only end there. The normalised copy gets the `}` after the last field, and
        the note is at that line, where the `}` belongs (not at a comment or entry after it)."""
        end = self.end_of_text_before(self.pos)
        entry.edits.append((end, end, "\n" + closer))
        ahead = self.past_comment_lines(self.pos)
        where = (
            "at the end of the file"
            if ahead >= len(self.text)
            else f"before the next entry (line {self.line(ahead)})"
        )
        self.note(
            f"entry is not closed: read as ending {where}, after its last field (BibTeX and "
            f"pybtex would not read it); add the missing '{closer}' after that field, on this "
            f"line",
            entry.key,
            end,
        )

    def comment_in_entry(self, entry: BibEntry) -> None:
        """A `%` line between two fields, meant as a comment: BibTeX and pybtex read it as text
        and lose the entry, so the copy leaves it out."""
        end_of_line = self.text.find("\n", self.pos)
        end = len(self.text) if end_of_line < 0 else end_of_line
        entry.edits.append((self.pos, end, ""))
        self.note(
            "this '%' line inside an entry is read as a comment, as it is meant (BibTeX and "
            "pybtex read it as text, and lose the entry); delete the line or move it above the "
            "'@'",
            entry.key,
        )
        self.pos = end

    def extra_comma(self, entry: BibEntry) -> None:
        """`,,` after a key or a field: pybtex skips the second comma, BibTeX stops there."""
        self.note(
            "an extra ',' where a field should start: skipped, as pybtex skips it (BibTeX "
            "stops here); delete it",
            entry.key,
        )
        entry.edits.append((self.pos, self.pos + 1, ""))
        self.pos += 1

    def extra_equals(self, entry: BibEntry, name: str) -> None:
        """`title == {...}`: one '=' too many, which BibTeX and pybtex stop at."""
        self.skip_space()
        while self.peek() == "=":
            self.note(
                f"'{name}' has an extra '=': read as one (BibTeX and pybtex would stop here); "
                f"write {name} = {{...}}",
                entry.key,
            )
            entry.edits.append((self.pos, self.pos + 1, ""))
            self.pos += 1
            self.skip_space()

    def missing_comma(self, entry: BibEntry, name: str, value_end: int, ahead: int) -> None:
        """`title = {...}` and, next, `journal = ...` without a comma between them (`ahead`,
        past any `%` line): read as two fields (BibTeX and pybtex would drop the rest of the
        entry); the normalised copy gets the comma. Reported on the line where it belongs."""
        if FIELD_START.match(self.text, ahead):
            entry.edits.append((value_end, value_end, ","))
            self.note(
                f"a comma is missing after field '{name}': read as two fields, '{name}' and "
                f"{self.read_name_ahead(ahead)!r} (BibTeX and pybtex would drop the rest of the "
                f"entry); add a ',' after the value of '{name}'",
                entry.key,
                value_end,
            )
            return
        self.problem(f"a comma is missing after field '{name}'", entry.key, value_end)

    def end_of_text_before(self, pos: int) -> int:
        """Where the text before pos ends, spaces and line breaks left out."""
        while pos and self.text[pos - 1].isspace():
            pos -= 1
        return pos

    def read_name_ahead(self, pos: int) -> str:
        match = NAME.match(self.text, pos)
        return match.group(0) if match else ""

    def drop_spaced_field(self, entry: BibEntry, start: int) -> None:
        """`funding_text 1 = {...}` (Scopus): BibTeX and pybtex would drop the rest of the
        entry at the space, so the normalised copy leaves out this field (no field with a
        space in its name is one the site shows)."""
        written = " ".join(self.text[start : self.pos - 1].split())
        edits_before = len(entry.edits)
        value, _ = self.read_value(entry, written)
        if value is None:
            entry.broken = True
            return
        self.skip_space()
        if self.peek() == ",":
            self.pos += 1
        del entry.edits[edits_before:]  # edits inside the field go with it
        entry.edits.append((start, self.pos, ""))
        self.note(
            f"field name {written!r} has a space in it, where BibTeX and pybtex would drop the "
            "rest of the entry: this field is left out (the site shows no such field) and "
            f"the fields after it kept; delete it or write {written.replace(' ', '_')!r}",
            entry.key,
            start,
        )

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

    def drop_private_use(self, entry: BibEntry, name: str, start: int, end: int) -> None:
        """A Private Use Area character in a value (an exporter's symbol): no font has one, so
        the normalised copy leaves it out, and the site and the PDF show the text without it."""
        for found in PRIVATE_USE_CHARACTER.finditer(self.text, start, end):
            entry.edits.append((found.start(), found.end(), ""))
            self.note(
                f"{name} holds U+{ord(found.group()):04X}, a Private Use Area character (it "
                "means something only to the program that wrote it, and no font has it): left "
                "out of the site and the PDF; replace it with the character it stands for, or "
                "delete it",
                entry.key,
                found.start(),
            )

    def literal_braces(self, entry: BibEntry, name: str, start: int, end: int) -> None:
        """`title = {The \\} symbol}`: LaTeX's literal brace, which BibTeX and pybtex count as a
        brace all the same, so that, without its pair, they end the value early or run it on
        (pybtex stops with a syntax error). Read as meant, the character; the normalised copy
        writes \\textbraceright{} (latex_text shows it as the brace). Pairs (`\\{x\\}`) count
        as BibTeX counts them and are left as written."""
        escaped = unpaired_escapes(self.text, start, end)
        if not escaped or RUNS_ON.search(self.text, start, end):  # an error: bib_syntax's
            return
        for found in escaped:
            entry.edits.append((found.start(), found.end(), LITERAL_BRACE[found.group(1)]))
        written = " and ".join(sorted({f"\\{found.group(1)}" for found in escaped}))
        commands = " and ".join(sorted({LITERAL_BRACE[found.group(1)] for found in escaped}))
        self.note(
            f"{name} holds {written}, which BibTeX and pybtex count as a brace that here has no "
            "pair (BibTeX would misread the entry, pybtex stop at it): read as the character, "
            f"as meant; write {commands} for it",
            entry.key,
            escaped[0].start(),
        )
