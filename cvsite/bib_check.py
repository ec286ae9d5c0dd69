"""Strict checks of the .bib files, with file:line, key and the fix for each problem.

BibTeX and pybtex forgive too much: a duplicate key silently drops the later entry, a stray
`}` ends an entry early and turns its last fields into ignored text. We read the file
ourselves, first, and stop the build on anything that would make the site wrong.

    python -m cvsite.bib_check refs.bib     (`make check`)
"""

from __future__ import annotations

import bisect
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

from .errors import stop_build

logger = logging.getLogger(__name__)

# BibTeX's required fields per type; "a|b" means either. Every entry also needs a title.
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
# Fields that exporters (Zotero, JabRef, Mendeley, Google Scholar, al-folio, biblatex) write:
# never reported as typos, and ignored unless rendered.
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


@dataclass
class BibEntry:
    type: str
    key: str
    line: int
    fields: dict[str, BibField] = field(default_factory=dict)
    broken: bool = False  # a syntax problem was reported: its missing fields would be noise


@dataclass
class Problem:
    path: Path
    line: int
    key: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


BRACKETS = {"{": re.compile(r"[\\{}]"), "(": re.compile(r"[\\()]")}
SPACE = re.compile(r"\s*")


class _Reader:
    """A small BibTeX reader that keeps line numbers and reports, rather than skips, errors."""

    def __init__(self, path: Path, text: str):
        self.path, self.text, self.pos = path, text, 0
        self.entries: list[BibEntry] = []
        self.problems: list[Problem] = []
        # Where each line starts, so that a line number is a binary search, not a count.
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, pos: int | None = None) -> int:
        return bisect.bisect_right(self.line_starts, self.pos if pos is None else pos)

    def problem(self, message: str, key: str | None = None, pos: int | None = None) -> None:
        self.problems.append(Problem(self.path, self.line(pos), key, message))

    def skip_space(self) -> None:
        self.pos = SPACE.match(self.text, self.pos).end()

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def read_name(self) -> str:
        match = re.compile(r"[A-Za-z_][\w\-:.+/]*").match(self.text, self.pos)
        if not match:
            return ""
        self.pos = match.end()
        return match.group(0)

    def read_all(self) -> None:
        while True:
            at = self.text.find("@", self.pos)
            between = self.text[self.pos : at if at >= 0 else len(self.text)]
            self.check_text_between_entries(between, self.pos)
            if at < 0:
                return
            self.pos = at + 1
            self.read_item(at)

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
            self.problem("'@' must be followed by an entry type and '{', as in @article{key, ...}")
            return
        closer = "}" if self.peek() == "{" else ")"
        self.pos += 1
        if kind in ("comment", "preamble", "string"):
            self.skip_balanced(closer, at)
            return
        self.skip_space()
        key_match = re.compile(r"[^\s,{}()=\"#%']+").match(self.text, self.pos)
        key = key_match.group(0) if key_match else ""
        if key_match:
            self.pos = key_match.end()
        self.skip_space()
        if not key or self.peek() != ",":
            self.problem(f"@{kind} needs a key and a comma, as in @{kind}{{smith2024, ...", pos=at)
            self.skip_balanced(closer, at)
            return
        self.pos += 1
        entry = BibEntry(kind, key, self.line(at))
        self.entries.append(entry)
        self.read_fields(entry, closer)

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
            value = self.read_value(entry)
            if value is None:
                entry.broken = True
                return
            if re.search(r"\n\s*[A-Za-z_][\w\-]*\s*=", value):
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
            if name in entry.fields:
                self.problem(
                    f"field '{name}' appears twice (first on line {entry.fields[name].line}); "
                    "keep one",
                    entry.key,
                    start,
                )
            entry.fields[name] = BibField(name, value, self.line(start))
            self.skip_space()
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != closer:
                self.problem(f"a comma is missing after field '{name}'", entry.key, self.pos)

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

    def read_value(self, entry: BibEntry) -> str | None:
        parts = []
        while True:
            self.skip_space()
            char = self.peek()
            if char == "{":
                end = self.balanced_end(self.pos, "{", "}")
                if end < 0:
                    self.problem("a '{' is never closed; add the missing '}'", entry.key, self.pos)
                    self.pos = len(self.text)
                    return None
                parts.append(self.text[self.pos + 1 : end])
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
                    return None
                parts.append(self.text[self.pos + 1 : end])
                self.pos = end + 1
            else:
                word = re.compile(r"[\w\-:.+/]+").match(self.text, self.pos)
                if not word:
                    self.problem("a field has no value; write name = {value}", entry.key)
                    return ""
                parts.append(word.group(0))
                self.pos = word.end()
            self.skip_space()
            if self.peek() != "#":
                return "".join(parts)
            self.pos += 1

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


def read(path: Path) -> tuple[list[BibEntry], list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], [Problem(path, 0, None, "file not found; check bibtex_bibfiles in conf.py")]
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        return [], [Problem(path, line, None, "not UTF-8; save the file as UTF-8")]
    reader = _Reader(path, text)
    reader.read_all()
    return reader.entries, reader.problems


def split_names(value: str) -> list[str]:
    """Names between 'and's; an empty string marks an 'and' at an end or twice."""
    names: list[list[str]] = [[]]
    for word in value.split():
        if word.lower() == "and":
            names.append([])
        else:
            names[-1].append(word)
    return [" ".join(words) for words in names]


def check_entry(path: Path, entry: BibEntry) -> list[Problem]:
    problems = []

    def add(line: int, message: str) -> None:
        problems.append(Problem(path, line, entry.key, message))

    required = () if entry.broken else REQUIRED_FIELDS.get(entry.type, ("title",))
    for requirement in required:
        options = requirement.split("|")
        if not any(entry.fields.get(name) and entry.fields[name].value.strip() for name in options):
            add(
                entry.line,
                f"@{entry.type} needs the field '{options[0]}'"
                + (f" (or '{options[1]}')" if len(options) > 1 else "")
                + f"; add {options[0]} = {{...}}",
            )
    year = entry.fields.get("year")
    if year and not re.fullmatch(r"\d{4}", year.value.strip()):
        add(year.line, f"year {year.value!r} is not a 4-digit year; write year = {{2023}}")
    date = entry.fields.get("date")
    if date and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", date.value.strip()):
        add(date.line, f"date {date.value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    month = entry.fields.get("month")
    if month:
        value = month.value.strip().lower().rstrip(".")
        if value not in MONTHS and not (value.isdigit() and 1 <= int(value) <= 12):
            add(month.line, f"month {month.value!r} is unknown; write month = jan ... dec")
    for role in ("author", "editor"):
        names = entry.fields.get(role)
        if names is None:
            continue
        parts = split_names(names.value)
        if not names.value.strip() or any(not part for part in parts):
            add(
                names.line,
                f"{role} has an empty name (an empty field, or 'and' at an end or twice); "
                "write the names as 'First Last and First Last'",
            )
    for name, bib_field in entry.fields.items():
        if name in KNOWN_FIELDS:
            continue
        close = difflib.get_close_matches(name, RENDERED_FIELDS, n=1, cutoff=0.75)
        if close:
            add(bib_field.line, f"unknown field '{name}': did you mean '{close[0]}'?")
    selected = entry.fields.get("selected")
    if selected and selected.value.strip().lower() not in ("true", "false", "yes", "no", "1", "0"):
        add(
            selected.line,
            f"selected {selected.value!r} is not true or false; write selected = {{true}}",
        )
    equal = entry.fields.get("equal_contribution")
    if equal:
        authors = {name_key(n) for n in split_names(entry.fields.get("author", equal).value)}
        for name in split_names(equal.value):
            if name_key(name) not in authors:
                add(
                    equal.line,
                    f"equal_contribution names {name!r}, who is not among the authors; "
                    "write the name exactly as in author",
                )
    return problems


def name_key(name: str) -> str:
    return " ".join(name.replace("{", "").replace("}", "").casefold().split())


def check(paths: list[Path]) -> tuple[list[BibEntry], list[Problem]]:
    """All entries of all files, and every problem found in them."""
    entries, problems = [], []
    seen: dict[str, tuple[Path, BibEntry]] = {}
    for path in paths:
        file_entries, file_problems = read(path)
        problems += file_problems
        for entry in file_entries:
            problems += check_entry(path, entry)
            first = seen.get(entry.key.casefold())
            if first:
                problems.append(
                    Problem(
                        path,
                        entry.line,
                        entry.key,
                        f"duplicate key (first at {first[0].name}:{first[1].line}); BibTeX "
                        "would silently drop this entry: rename one key or merge the two",
                    )
                )
            else:
                seen[entry.key.casefold()] = (path, entry)
        entries += file_entries
    return entries, problems


def name_variants(entries: list[BibEntry]) -> list[str]:
    """Author names that are likely one person spelled two ways, for the owner to decide."""
    keys_by_name: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        author = entry.fields.get("author")
        for name in split_names(author.value) if author else []:
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


def check_for_build(app) -> None:
    """builder-inited: stop before sphinxcontrib-bibtex reads a file that would build wrong."""
    paths = [Path(app.confdir, name) for name in app.config.bibtex_bibfiles]
    # The files and these rules as last checked: a build that changed neither reads nothing.
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in paths:
        digest.update(f"{path}\0".encode() + (path.read_bytes() if path.exists() else b""))
    # Kept beside Sphinx's state, not in it: Sphinx saves its state only when a page changed.
    record = Path(app.doctreedir, "cvsite-bib-check.json")
    try:
        checked = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        checked = {}
    if checked.get("digest") == digest.hexdigest():
        reports = checked["name_variants"]
    else:
        entries, problems = check(paths)
        stop_on(problems)
        reports = name_variants(entries)
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(
            json.dumps({"digest": digest.hexdigest(), "name_variants": reports}), encoding="utf-8"
        )
    for report in reports:
        logger.info(f"refs.bib: maybe one person spelled two ways (kept as written): {report}")


def stop_on(problems: list[Problem]) -> None:
    if problems:
        stop_build(
            [
                (f"{p.path}:{p.line}", f"{p.key}: {p.message}" if p.key else p.message)
                for p in problems
            ],
            f"{len(problems)} problem(s) in the .bib files; fix them and build again.",
        )


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or [Path("refs.bib")]
    entries, problems = check(paths)
    for problem in problems:
        print(f"ERROR: {problem}")
    for report in name_variants(entries):
        print(f"NOTE: maybe one person spelled two ways: {report}")
    print(f"{len(entries)} entries, {len(problems)} problems in {', '.join(map(str, paths))}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
