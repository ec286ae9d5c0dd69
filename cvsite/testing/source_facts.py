"""The facts a site's own sources state, read without the engine's modules, for any academic.

A site folder holds conf.py (settings), docs/*.md (MyST pages, in the order of the toctree of
docs/index.md) and the .bib files that conf.py names. The tests look for these facts in the
built HTML and PDF, so the checks need nothing beside the site's folder and hold for anyone's
content: this repository's suite and every site made with `cvsite new` use them. The pages
are read with markdown-it-py and the plugins MyST itself uses, conf.py with `ast` (it holds
settings only), the .bib files with pybtex, whose LaTeX decoding (latexcodec underneath) gives
the text a reader sees.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from pybtex.database import Entry as BibEntry
from pybtex.database import Person, parse_file
from pybtex.richtext import Text

BOTH = frozenset({"html", "latex"})
# The publication-list kinds, by BibTeX type (README.md, "Publications"); the rest is "other".
KIND_TYPES = {
    "peer-reviewed": {
        "article", "inproceedings", "conference", "incollection", "inbook", "book",
        "proceedings",
    },
    "preprints": {"misc", "unpublished", "online"},
}  # fmt: skip
# Where the shown venue comes from, first that is set (README.md, "Fields we read").
VENUE_FIELDS = (
    "venue_short", "abbr", "booktitle", "journal", "journaltitle", "school", "institution",
    "publisher", "howpublished",
)  # fmt: skip
LINK_FIELDS = ("url", "pdf", "code")  # linked when they hold a full http(s) URL
# Directives whose body is not Markdown (or that have none): their content holds no facts.
OPAQUE_DIRECTIVES = {"toctree", "publication-list", "selected-publications", "cv-pdf-link"}
URL = re.compile(r"https?://[^\s\"'<>()\[\]{}]+")


# -- Settings (conf.py) --------------------------------------------------------------------


# The cv_* settings a test reads, with the defaults README.md gives them.
SETTING_DEFAULTS = {
    "cv_owner": "", "cv_owner_variants": [], "cv_email": "", "cv_homepage": "",
    "cv_affiliation": "", "cv_alumni_of": [], "cv_keywords": [], "cv_pdf_name": "",
    "cv_pdf_paper": "a4", "bibtex_bibfiles": [],
}  # fmt: skip


@dataclass(frozen=True)
class Settings:
    """conf.py's literal top-level assignments; the cv_* ones as attributes."""

    values: dict[str, object]

    def __getattr__(self, name: str):
        if name not in SETTING_DEFAULTS:
            raise AttributeError(name)
        return self.values.get(name, SETTING_DEFAULTS[name])


def read_settings(conf_py: Path) -> Settings:
    values: dict[str, object] = {}
    for node in ast.parse(conf_py.read_text(encoding="utf-8"), str(conf_py)).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                try:
                    values[target.id] = ast.literal_eval(node.value)
                except ValueError:
                    continue  # not a literal: no setting a test can read
    return Settings(values)


# -- Pages (docs/*.md) ---------------------------------------------------------------------


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


ROLE_AT_END = re.compile(r"\{[\w:.-]+\}$")
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
            if parts and ROLE_AT_END.search(parts[-1]):
                parts[-1] = ROLE_AT_END.sub("", parts[-1])
                target = ROLE_TARGET.match(child.content)
                parts.append(target.group(1) if target else child.content)
            else:
                parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.type == "image":
            parts.append(inline_text(child))
    return " ".join("".join(parts).split())


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
        raise ValueError(f"{where}: {{only}} {expression!r} is not html/latex; extend source_facts")
    return frozenset(formats[expression])


@dataclass
class PageReader:
    """Walks one page's tokens into blocks; directive bodies are read as Markdown again."""

    path: Path
    blocks: list[Block] = field(default_factory=list)
    publication_kinds: list[str] = field(default_factory=list)
    toctree: list[str] = field(default_factory=list)
    title: str = ""
    description: str = ""

    def read(self, source: str, line_offset: int = 0, formats: frozenset[str] = BOTH) -> None:
        tokens = markdown_parser().parse(source)
        # An open list item or definition collects its inline runs; its slot is taken when it
        # opens, so that an item comes before the items nested in it.
        open_items: list[tuple[int, list[str]]] = []
        for index, token in enumerate(tokens):
            line = line_offset + (token.map[0] + 1 if token.map else 0)
            if token.type == "front_matter":
                meta = yaml.safe_load(token.content) or {}
                self.description = str(
                    meta.get("myst", {}).get("html_meta", {}).get("description", "")
                )
            elif token.type == "heading_open" and token.tag == "h1" and not self.title:
                self.title = inline_text(tokens[index + 1])
            elif token.type in {"list_item_open", "dt_open", "dd_open"}:
                kind = {"list_item_open": "list item", "dt_open": "term", "dd_open": "definition"}
                self.blocks.append(TextItem(kind[token.type], "", line, formats))
                open_items.append((len(self.blocks) - 1, []))
            elif token.type in {"list_item_close", "dt_close", "dd_close"}:
                slot, parts = open_items.pop()
                item = self.blocks[slot]
                assert isinstance(item, TextItem)  # the slot was opened as one above
                self.blocks[slot] = TextItem(item.kind, " ".join(parts), item.line, item.formats)
            elif token.type == "inline" and open_items:
                if tokens[index - 1].type != "heading_open":
                    open_items[-1][1].append(inline_text(token))
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
    )


# -- Publications (the .bib files) ---------------------------------------------------------


def plain(latex: str) -> str:
    """LaTeX as a reader sees it: accents and escapes decoded, protecting braces gone."""
    return " ".join(str(Text.from_latex(latex)).split())


def person_name(person: Person) -> str:
    """A name as written on a CV: first, middle, von, last, jr."""
    parts = [
        *person.first_names,
        *person.middle_names,
        *person.prelast_names,
        *person.last_names,
        *person.lineage_names,
    ]
    return plain(" ".join(parts))


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class Publication:
    key: str
    entry_type: str
    kind: str
    title: str
    raw_title: str  # as refs.bib writes it, for the BibTeX control
    authors: tuple[str, ...]  # "et al." for `and others`
    equal_contributors: frozenset[str]  # name keys
    venue: str
    year: str
    award: str
    arxiv: str
    links: frozenset[str]  # every URL the entry's data gives it
    selected: bool

    @property
    def author_line(self) -> str:
        """The authors as the list shows them: comma-separated, equal contributors marked."""
        marked = (
            name + ("*" if name_key(name) in self.equal_contributors else "")
            for name in self.authors
        )
        return ", ".join(marked)


def kind_of(entry_type: str) -> str:
    for kind, types in KIND_TYPES.items():
        if entry_type.lower() in types:
            return kind
    return "other"


def entry_links(fields) -> frozenset[str]:
    links = set()
    arxiv = arxiv_id(fields)
    if arxiv:
        links.add(f"https://arxiv.org/abs/{arxiv}")
    doi = fields.get("doi", "").strip()
    if doi:
        links.add("https://doi.org/" + doi.removeprefix("https://doi.org/"))
    for name in LINK_FIELDS:
        value = fields.get(name, "").strip()
        if value.startswith(("https://", "http://")):
            links.add(value)
    return frozenset(links)


def arxiv_id(fields) -> str:
    prefix = fields.get("archiveprefix", fields.get("eprinttype", "arxiv")).strip().lower()
    return fields.get("eprint", "").strip() if prefix == "arxiv" else ""


def read_publication(entry: BibEntry) -> Publication:
    fields = entry.fields
    equal = re.split(r"\s+and\s+", fields.get("equal_contribution", "").strip())
    authors = tuple(
        "et al." if name_key(person_name(person)) == "others" else person_name(person)
        for person in entry.persons.get("author", [])
    )
    return Publication(
        key=entry.key,
        entry_type=entry.type.lower(),
        kind=kind_of(entry.type),
        title=plain(fields.get("title", "")),
        raw_title=fields.get("title", ""),
        authors=authors,
        equal_contributors=frozenset(name_key(plain(name)) for name in equal if name),
        venue=next((plain(fields[f]) for f in VENUE_FIELDS if fields.get(f, "").strip()), ""),
        year=(fields.get("year", "").strip() or fields.get("date", "").strip()[:4]),
        award=plain(fields.get("award", "")),
        arxiv=arxiv_id(fields),
        links=entry_links(fields),
        selected=fields.get("selected", "").strip().lower() == "true",
    )


def sort_year(publication: Publication) -> int:
    """The year; an arXiv preprint without one has its id's (YYMM.NNNNN, since 2007)."""
    if publication.year.isdigit():
        return int(publication.year)
    match = re.fullmatch(r"(\d\d)\d\d\.\d{4,5}(v\d+)?", publication.arxiv)
    return 2000 + int(match.group(1)) if match else 0


def listed_order(publications: Sequence[Publication], kind: str) -> list[Publication]:
    """The entries of one list as it numbers them: newest first, then in the .bib's order."""
    return sorted((p for p in publications if p.kind == kind), key=lambda p: -sort_year(p))


# -- The whole site ------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteSources:
    root: Path

    @cached_property
    def settings(self) -> Settings:
        return read_settings(self.root / "conf.py")

    @cached_property
    def home(self) -> Page:
        return read_page(self.root / "docs" / "index.md", "index")

    @cached_property
    def pages(self) -> list[Page]:
        """The section pages, in the order of the home page's toctree (the PDF's order)."""
        return [read_page(self.root / "docs" / f"{name}.md", name) for name in self.home.toctree]

    @property
    def all_pages(self) -> list[Page]:
        return [self.home, *self.pages]

    @cached_property
    def bib_files(self) -> list[Path]:
        if "bibtex_bibfiles" in self.settings.values:
            return [self.root / name for name in self.settings.bibtex_bibfiles]
        # Not in conf.py: cvsite reads refs.bib beside it, where there is one (README).
        return [path for path in [self.root / "refs.bib"] if path.is_file()]

    @cached_property
    def publications(self) -> list[Publication]:
        """Every entry, in the order of the .bib files."""
        return [
            read_publication(entry)
            for path in self.bib_files
            for entry in parse_file(str(path), bib_format="bibtex").entries.values()
        ]

    @property
    def owner_names(self) -> set[str]:
        return {name_key(n) for n in [self.settings.cv_owner, *self.settings.cv_owner_variants]}

    @cached_property
    def hosts(self) -> frozenset[str]:
        """Every host the sources name, and those the site derives from .bib data."""
        texts = [path.read_text(encoding="utf-8") for path in self.root.glob("docs/**/*.md")]
        texts += [path.read_text(encoding="utf-8") for path in [self.root / "conf.py"]]
        texts += [path.read_text(encoding="utf-8") for path in self.bib_files]
        hosts = {urlsplit(url).hostname for text in texts for url in URL.findall(text)}
        if any(publication.arxiv for publication in self.publications):
            hosts.add("arxiv.org")
        if any(
            link.startswith("https://doi.org/")
            for publication in self.publications
            for link in publication.links
        ):
            hosts.add("doi.org")
        return frozenset(host for host in hosts if host)


# -- Finding facts in built text -----------------------------------------------------------

# Sphinx curls quotes and turns -- into dashes in page text, not in cv-entry options: both
# sides are compared with the typography folded back.
TYPOGRAPHY = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "--", "—": "---", "…": "..."}
)
# What pdftotext cannot keep: line breaks, hyphenation at a line end, small capitals, and
# the bidi controls it wraps right-to-left runs in.
PDF_DROPPED = re.compile(r"[\s\-\u00ad\u2010\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
# Devanagari's vowel sign I is written after its consonant cluster and drawn before it; a PDF
# keeps only the drawn order, which pdftotext gives back ("अनिल" comes out as "अिनल").
CONSONANT = r"[\u0915-\u0939\u0958-\u095f]\u093c?"  # with its nukta
DEVANAGARI_CLUSTER_THEN_I = re.compile(rf"((?:{CONSONANT}\u094d)*{CONSONANT})\u093f")


def html_comparable(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).translate(TYPOGRAPHY).split())


def pdf_comparable(text: str) -> str:
    """Text as a PDF can give it back. NFKC, not NFC: pdftotext gives Arabic as the shaped
    letters it drew (the Presentation Forms, compatibility characters of the plain letters)."""
    folded = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHY).casefold()
    return PDF_DROPPED.sub("", folded)


def as_drawn(source: str) -> str:
    """A source's text in the order a PDF draws it (only Devanagari's vowel sign I moves)."""
    return DEVANAGARI_CLUSTER_THEN_I.sub("\u093f\\1", unicodedata.normalize("NFC", source))


@dataclass(frozen=True)
class Comparison:
    """How built text and a source's text are made comparable."""

    built: Callable[[str], str]
    source: Callable[[str], str]


IN_HTML = Comparison(html_comparable, html_comparable)
IN_PDF = Comparison(pdf_comparable, lambda source: pdf_comparable(as_drawn(source)))


def block_texts(block: Block) -> tuple[str, list[str], list[str]]:
    """(the text that starts the block, the texts that follow it in order, the others)."""
    if isinstance(block, CVEntry):
        return block.institution, list(block.bullets), list(block.head)
    return block.text, [], []


def missing_in_order(text: str, blocks: Sequence[Block], comparison: Comparison) -> list[str]:
    """The facts of blocks not found in text in the blocks' order; [] when all are.

    A block's first text (an entry's institution) must come after the previous block; its
    bullets follow it in order; its other fields (dates, role, place: laid out beside the
    institution) anywhere before the next block starts.
    """
    text = comparison.built(text)
    problems: list[str] = []
    position = 0
    starts: list[tuple[int, list[str], Block]] = []
    for block in blocks:
        anchor, ordered, others = block_texts(block)
        for index, part in enumerate([anchor, *ordered]):
            found = text.find(comparison.source(part), position)
            if found < 0:
                problems.append(f"line {block.line}: {part!r} is missing or out of order")
                continue
            if index == 0:
                starts.append((found, others, block))
            position = found + len(comparison.source(part))
    for index, (start, others, block) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        for part in others:
            if comparison.source(part) not in text[start:end]:
                problems.append(f"line {block.line}: {part!r} is not within its entry")
    return problems
