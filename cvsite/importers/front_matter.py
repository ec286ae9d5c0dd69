"""Markdown files with front matter, as Jekyll (academicpages) and Hugo (HugoBlox) write them:
YAML between `---` lines or TOML between `+++` lines (python-frontmatter finds and splits the
block), each key's line kept for the report's places, and a broken block stopped with its file
and line (SourceError) rather than a traceback.

Also the few things both site readers share: a site file linked from an entry (a paper's PDF),
and what is left of a record once its keys were read.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml
from frontmatter.default_handlers import BaseHandler, YAMLHandler

from cvsite.importers.formats import SourceError
from cvsite.importers.report import Place, Report

# A Markdown comment line (`[//]: # (...)`) that Jekyll's Ruby YAML accepts inside front
# matter and PyYAML does not ("unhashable key"): one academicpages site has one in each file.
MARKDOWN_COMMENT = re.compile(r"^\[//\]: #.*$", re.MULTILINE)
TOML_LINE = re.compile(r"at line (\d+)")


class TomlHandler(BaseHandler):
    """`+++` front matter read with the standard library's tomllib (python-frontmatter's own
    TOML handler needs the `toml` package)."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "+++"

    def load(self, fm: str, **kwargs: object) -> dict:
        return tomllib.loads(fm)


HANDLERS = (YAMLHandler(), TomlHandler())


@dataclass
class Page:
    """A Markdown file: its front matter, its body, and where each top-level key is."""

    name: str  # as the report names the file: relative to the source folder
    meta: dict = field(default_factory=dict)
    body: str = ""
    lines: dict[str, int] = field(default_factory=dict)  # top-level key -> line in the file
    node: yaml.Node | None = None  # the YAML block composed, for nested keys' lines
    offset: int = 0  # lines of the file before the front matter's first line

    def place(self, key: str = "") -> Place:
        return Place(self.name, self.lines.get(key.split(".")[0].split("[")[0]), key)

    def line_of(self, *path: str | int) -> int | None:
        """The line of a nested value (`line_of("social", 2, "link")`), None if unknown."""
        node = self.node
        for step in path:
            node = child(node, step)
            if node is None:
                return None
        return node.start_mark.line + 1 + self.offset if node is not None else None


def child(node: yaml.Node | None, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        return node.value[step] if step < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        found = [value for key, value in node.value if key.value == step]
        return found[-1] if found else None
    return None


def read_page(path: Path, source: Path, report: Report) -> Page:
    """A Markdown file's front matter and body; SourceError naming the line of a broken block."""
    name = path.relative_to(source).as_posix()
    text = path.read_text(encoding="utf-8-sig")
    stripped = text.lstrip()
    if stripped != text and stripped.startswith(("---", "+++")):
        report.changed(
            Place(name, 1), "(blank lines)", "blank lines before the front matter: Hugo and "
            "Jekyll would see no front matter; read as if they were not there",
        )  # fmt: skip
    leading = text[: len(text) - len(stripped)].count("\n")
    handler = frontmatter.detect_format(stripped, HANDLERS)
    if handler is None:
        return Page(name, body=text)
    try:
        block, body = handler.split(stripped)
    except ValueError:
        raise SourceError(
            f"{name}:{leading + 1}: the front matter is not closed; "
            f"end it with a {handler.END_DELIMITER} line"
        ) from None
    page = Page(name, body=body, offset=leading + 1)
    if isinstance(handler, TomlHandler):
        read_toml(page, block)
    else:
        read_yaml(page, block, report)
    return page


def read_toml(page: Page, block: str) -> None:
    try:
        page.meta = tomllib.loads(block)
    except tomllib.TOMLDecodeError as error:
        where = TOML_LINE.search(str(error))
        line = page.offset + int(where.group(1)) if where else page.offset
        raise SourceError(
            f"{page.name}:{line}: the TOML front matter cannot be read ({error}); correct it"
        ) from None
    for number, line_text in enumerate(block.splitlines(), start=page.offset + 1):
        key = line_text.split("=", 1)[0].strip()
        if "=" in line_text and key in page.meta:
            page.lines.setdefault(key, number)


def read_yaml(page: Page, block: str, report: Report) -> None:
    for match in MARKDOWN_COMMENT.finditer(block):
        line = page.offset + block.count("\n", 0, match.start()) + 1
        report.left_out(Place(page.name, line), match.group(0), "a commented-out line")
    block = MARKDOWN_COMMENT.sub("", block)
    try:
        page.node = yaml.compose(block, Loader=yaml.SafeLoader)
        data = yaml.safe_load(block)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = page.offset + mark.line + 1 if mark else page.offset
        problem = error.problem or "not valid YAML"
        raise SourceError(
            f"{page.name}:{line}: the front matter is not valid YAML ({problem}); correct "
            "it (the indentation of a list, a value on its own line) and import again"
        ) from None
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(page.node, yaml.MappingNode):
        raise SourceError(f"{page.name}:{page.offset + 1}: the front matter is not key: value")
    page.meta = data
    seen: dict[str, int] = {}
    for key_node, _value in page.node.value:
        line = page.offset + key_node.start_mark.line + 1
        if key_node.value in seen:
            report.left_out(
                Place(page.name, seen[key_node.value], key_node.value),
                "(the first of two)",
                f"the key is written twice (again on line {line}); the last is read, as "
                "PyYAML reads it",
            )
        seen[key_node.value] = line
    page.lines = seen


def rest_reported(
    record: dict, used: set[str], report: Report, why: str, place_of: Callable[[str], Place]
) -> None:
    """Every key of a record not read (and not empty) reported under one reason."""
    for key, value in record.items():
        if key not in used and value not in (None, "", [], {}):
            report.left_out(place_of(str(key)), value, why)


def site_file(
    link: str, source: Path, folders: tuple[str, ...], homepage: str, report: Report, place: Place
) -> tuple[Path | None, str]:
    """A link to a file of the site (`/files/paper.pdf`, `uploads/x.pdf`): the file found
    under one of `folders`, and the address it gets in the new site (`` without a homepage,
    as a link field must be a full URL)."""
    relative = re.sub(r"^https?://[^/]+", "", link).lstrip("/")
    for folder in ("", *folders):
        candidate = source / folder / relative
        if relative and candidate.is_file():
            target = f"_static/files/{candidate.name}"
            if homepage:
                address = f"{homepage.rstrip('/')}/{target}"
                report.changed(place, link, f"the file is copied to docs/{target}: {address}")
                return candidate, address
            report.changed(
                place, link, f"the file is copied to docs/{target}; a link field takes a full "
                "URL, so add it once the site's address is known",
            )  # fmt: skip
            return candidate, ""
    return None, ""
