"""A site's pages as their sources state them, for the test oracle: docs/*.md read with
markdown-it-py and the plugins MyST itself uses (front matter, colon fences, definition lists),
never with cvsite's engine.

Each page becomes its title, description, toctree, publication lists and blocks (`cv-entry`
directives, list items, definition-list terms and definitions), in the page's order and each
with the output formats an `{only}` directive limits it to. Kept apart from the .bib and conf.py
readers (source_publications.py, source_facts.py): MyST's syntax is a concern of its own.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

BOTH = frozenset({"html", "latex"})
# Directives whose body is not Markdown (or that have none): their content holds no facts.
OPAQUE_DIRECTIVES = {
    "toctree", "publication-list", "selected-publications", "cv-pdf-link", "cv-pdf-variants",
}  # fmt: skip


@dataclass(frozen=True)
class CVEntry:
    """One `cv-entry`: its options and its bullets (every list item of its body)."""

    institution: str
    role: str
    dates: str
    place: str
    bullets: tuple[str, ...]
    line: int
    formats: frozenset[str] = BOTH
    tags: tuple[str, ...] = ()  # `:tags:`, for the CV variants

    @property
    def head(self) -> tuple[str, ...]:
        return tuple(value for value in (self.role, self.dates, self.place) if value)


@dataclass(frozen=True)
class TextItem:
    """A list item, a definition-list term or definition, or a page title: one run of text."""

    kind: str  # "list item", "term", "definition", "title"
    text: str
    line: int
    formats: frozenset[str] = BOTH
    tags: tuple[str, ...] = ()  # a list item's {cv-tags}, for the CV variants


Block = CVEntry | TextItem


@dataclass(frozen=True)
class Page:
    docname: str
    path: Path
    title: str
    description: str
    blocks: tuple[Block, ...]  # in the page's order
    publication_kinds: tuple[str, ...]
    toctree: tuple[str, ...]
    title_line: int = 1

    def blocks_in(self, output_format: str) -> list[Block]:
        return [block for block in self.blocks if output_format in block.formats]

    @property
    def entries(self) -> list[CVEntry]:
        return [block for block in self.blocks if isinstance(block, CVEntry)]


def markdown_parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark")
        .use(front_matter_plugin)
        .use(colon_fence_plugin)
        .use(deflist_plugin)
    )


ROLE_AT_END = re.compile(r"\{([\w:.-]+)\}$")
# Roles that show nothing: a list item's tags for the CV variants (README: "Variants").
UNSEEN_ROLES = {"cv-tags"}
ROLE_TARGET = re.compile(r"^(.*?)\s*<[^<>]+>$", re.DOTALL)


def inline_text(token: Token) -> str:
    """What a reader sees of an inline run: text, code and link text, without the markup.

    A MyST role ({download}`refs.bib <../refs.bib>`) shows its title, or its content.
    """
    parts: list[str] = []
    for child in token.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "code_inline":
            role = ROLE_AT_END.search(parts[-1]) if parts else None
            if role:
                parts[-1] = ROLE_AT_END.sub("", parts[-1])
                target = ROLE_TARGET.match(child.content)
                if role.group(1) not in UNSEEN_ROLES:
                    parts.append(target.group(1) if target else child.content)
            else:
                parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.type == "image":
            parts.append(inline_text(child))
    return " ".join("".join(parts).split())


def inline_tags(token: Token) -> tuple[str, ...]:
    """The tags of a {cv-tags}`a, b` role in an inline run, lower case; () without one."""
    children = token.children or []
    for before, child in itertools.pairwise(children):
        role = ROLE_AT_END.search(before.content) if before.type == "text" else None
        if child.type == "code_inline" and role and role.group(1) in UNSEEN_ROLES:
            return split_tags(child.content)
    return ()


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(tag.strip().casefold() for tag in re.split(r"[,;]", text) if tag.strip())


def directive_parts(token: Token) -> tuple[str, str, dict[str, str], str, int]:
    """(name, argument, options, body, line of the body) of a ```{name} or :::{name} block."""
    match = re.match(r"\{([\w:.-]+)\}\s*(.*)", token.info.strip())
    name, argument = (match.group(1), match.group(2)) if match else ("", token.info)
    lines = token.content.splitlines()
    options: dict[str, str] = {}
    while lines and (option := re.match(r"^:([\w-]+):\s*(.*)$", lines[0])):
        options[option.group(1)] = option.group(2).strip()
        lines.pop(0)
    # The body starts after the fence line and the options.
    first_line = (token.map[0] + 2 if token.map else 1) + len(options)
    return name, argument.strip(), options, "\n".join(lines), first_line


def only_formats(argument: str, where: str) -> frozenset[str]:
    expression = " ".join(argument.split())
    formats = {"html": {"html"}, "latex": {"latex"}, "not html": {"latex"}, "not latex": {"html"}}
    if expression not in formats:
        raise ValueError(f"{where}: {{only}} {expression!r} is not html/latex; extend source_pages")
    return frozenset(formats[expression])


@dataclass
class PageReader:
    """Walks one page's tokens into blocks; directive bodies are read as Markdown again."""

    path: Path
    blocks: list[Block] = field(default_factory=list)
    publication_kinds: list[str] = field(default_factory=list)
    toctree: list[str] = field(default_factory=list)
    title: str = ""
    title_line: int = 1
    description: str = ""

    def read(self, source: str, line_offset: int = 0, formats: frozenset[str] = BOTH) -> None:
        tokens = markdown_parser().parse(source)
        # An open list item or definition collects its inline runs; its slot is taken when it
        # opens, so that an item comes before the items nested in it.
        open_items: list[tuple[int, list[str], list[str]]] = []
        for index, token in enumerate(tokens):
            line = line_offset + (token.map[0] + 1 if token.map else 0)
            if token.type == "front_matter":
                meta = yaml.safe_load(token.content) or {}
                self.description = str(
                    meta.get("myst", {}).get("html_meta", {}).get("description", "")
                )
            elif token.type == "heading_open" and token.tag == "h1" and not self.title:
                self.title, self.title_line = inline_text(tokens[index + 1]), line
            elif token.type in {"list_item_open", "dt_open", "dd_open"}:
                kind = {"list_item_open": "list item", "dt_open": "term", "dd_open": "definition"}
                self.blocks.append(TextItem(kind[token.type], "", line, formats))
                open_items.append((len(self.blocks) - 1, [], []))
            elif token.type in {"list_item_close", "dt_close", "dd_close"}:
                slot, parts, tags = open_items.pop()
                item = self.blocks[slot]
                assert isinstance(item, TextItem)  # the slot was opened as one above
                self.blocks[slot] = TextItem(
                    item.kind, " ".join(parts), item.line, item.formats, tuple(tags)
                )
            elif token.type == "inline" and open_items:
                if tokens[index - 1].type != "heading_open":
                    open_items[-1][1].append(inline_text(token))
                    open_items[-1][2].extend(inline_tags(token))
            elif token.type in {"colon_fence", "fence"} and token.info.startswith("{"):
                self.directive(token, line_offset, formats)

    def directive(self, token: Token, line_offset: int, formats: frozenset[str]) -> None:
        name, argument, options, body, body_line = directive_parts(token)
        line = line_offset + (token.map[0] + 1 if token.map else 0)
        if name == "toctree":
            for entry in body.splitlines():
                entry = entry.strip()
                if entry and entry != "self":
                    target = re.search(r"<([^<>]+)>$", entry)
                    self.toctree.append(target.group(1) if target else entry)
        elif name == "publication-list":
            self.publication_kinds.append(argument)
        elif name == "cv-entry":
            inner = PageReader(self.path)
            inner.read(body, line_offset + body_line - 1, formats)
            bullets = tuple(
                block.text
                for block in inner.blocks
                if isinstance(block, TextItem) and block.kind == "list item"
            )
            self.blocks.append(
                CVEntry(
                    institution=options.get("institution", ""),
                    role=options.get("role", ""),
                    dates=options.get("dates", ""),
                    place=options.get("place", ""),
                    bullets=bullets,
                    line=line,
                    formats=formats,
                    tags=split_tags(options.get("tags", "")),
                )
            )
        elif name not in OPAQUE_DIRECTIVES:
            if name == "only":
                formats = formats & only_formats(argument, f"{self.path}:{line}")
            inner = PageReader(self.path)
            inner.read(body, line_offset + body_line - 1, formats)
            self.blocks += inner.blocks
            self.publication_kinds += inner.publication_kinds


def read_page(path: Path, docname: str) -> Page:
    reader = PageReader(path)
    reader.read(path.read_text(encoding="utf-8"))
    return Page(
        docname=docname,
        path=path,
        title=reader.title,
        description=reader.description,
        blocks=tuple(reader.blocks),
        publication_kinds=tuple(reader.publication_kinds),
        toctree=tuple(reader.toctree),
        title_line=reader.title_line,
    )
