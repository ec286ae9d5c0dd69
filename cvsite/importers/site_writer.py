"""An imported site written as `cvsite new` writes one (the scaffold, its engine pinned), with
the scaffold's example pages and refs.bib replaced by the source's: one page per section, the
publications, the news, the files the source links, and IMPORT-REPORT.md."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

from cvsite.importers import dates
from cvsite.importers.model import Entry, ImportedSite, Item, Section
from cvsite.importers.report import Place
from cvsite.papers.bibtex_export import entry_source
from cvsite.publications import rules
from cvsite.publications.record import record_of_entry

# The scaffold's files an import writes itself.
REPLACED = re.compile(r"^(docs/[^/]+\.md|refs\.bib)$")
RESERVED_PAGES = {"index", "publications", "news", "genindex", "search", "papers"}
LIST_TITLES = {"peer-reviewed": "Publications", "preprints": "Preprints", "other": "Other"}
NEWS_ON_HOME = 5


def is_replaced(relative: str) -> bool:
    """A file of the scaffold that the import writes itself (its example pages, refs.bib)."""
    return REPLACED.match(relative) is not None


def settings_values(site: ImportedSite) -> dict[str, str]:
    """The scaffold's placeholders of conf.py that an import fills beyond `cvsite new`'s."""
    owner = site.owner
    photo = f"_static/{photo_name(owner.photo)}" if owner.photo else ""
    return {
        "owner_variants": json.dumps(owner.name_variants, ensure_ascii=False),
        "keywords": json.dumps(owner.keywords, ensure_ascii=False),
        "photo": photo,
    }


def photo_name(photo: Path) -> str:
    return "photo" + photo.suffix.lower()


def write_content(site: ImportedSite, target: Path) -> list[Path]:
    """The pages, refs.bib, news, files and report; the paths written, relative to target."""
    docs = target / "docs"
    pages = page_names(site.sections)
    written = []
    for section, name in zip(site.sections, pages, strict=True):
        written.append(write(docs / f"{name}.md", section_page(section, site.owner.name)))
    toc = list(pages)
    has_publications = bool(site.publications.entries)
    if has_publications:
        written.append(write(docs / "publications.md", publications_page(site)))
        at = site.publications_at
        toc.insert(first_after_education(site.sections) if at is None else at, "publications")
    if site.news:
        written.append(write(docs / "news.md", news_page(site)))
        toc.append("news")
    titles = {name: s.title for s, name in zip(site.sections, pages, strict=True)}
    titles |= {"publications": "Publications", "news": "News"}
    written.append(write(docs / "index.md", home_page(site, toc, titles, has_publications)))
    written.append(write(target / "refs.bib", bib_text(site)))
    written += copy_files(site, target)
    written.append(write(target / "IMPORT-REPORT.md", site.report.markdown()))
    return [path.relative_to(target) for path in written]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def page_names(sections: list[Section]) -> list[str]:
    """A file name per section, from its title (ASCII, hyphenated), unique and not one the
    site uses itself; "section-N" for a title with no Latin letters."""
    names: list[str] = []
    for number, section in enumerate(sections, start=1):
        ascii_title = unicodedata.normalize("NFKD", section.title).encode("ascii", "ignore")
        name = re.sub(r"[^a-z0-9]+", "-", ascii_title.decode().lower()).strip("-")[:40]
        name = name.strip("-") or f"section-{number}"
        base, suffix = name, 2
        while name in names or name in RESERVED_PAGES:
            name, suffix = f"{base}-{suffix}", suffix + 1
        names.append(name)
    return names


def first_after_education(sections: list[Section]) -> int:
    """Where the publications page goes in the navbar: after the education and work
    sections, as a CV orders them, else first."""
    early = [i for i, s in enumerate(sections) if s.kind in {"education", "work"}]
    return max(early) + 1 if early else 0


def front_matter(description: str) -> str:
    quoted = json.dumps(description, ensure_ascii=False)
    return f"---\nmyst:\n  html_meta:\n    description: {quoted}\n---\n"


def section_page(section: Section, owner: str) -> str:
    parts = [front_matter(f"{section.title} of {owner}."), f"# {section.title}\n"]
    parts += [paragraph + "\n" for paragraph in section.paragraphs]
    parts += [entry_block(entry) for entry in section.entries]
    if section.items:
        parts.append(items_block(section.items))
    return "\n".join(parts)


def entry_block(entry: Entry) -> str:
    fields = {
        "institution": entry.institution,
        "role": entry.role,
        "dates": entry.dates,
        "place": entry.place,
    }
    lines = [":::{cv-entry}"]
    lines += [f":{name}: {one_line(value)}" for name, value in fields.items() if value.strip()]
    if entry.bullets:
        lines.append("")
        lines += [bullet(text) for text in entry.bullets]
    lines.append(":::")
    return "\n".join(lines) + "\n"


def one_line(text: str) -> str:
    return " ".join(text.split())


def bullet(text: str, marker: str = "- ") -> str:
    """A list item: its continuation lines indented under its first."""
    indent = " " * len(marker)
    return marker + text.strip().replace("\n", "\n" + indent).replace("\n" + indent + "\n", "\n\n")


def items_block(items: list[Item]) -> str:
    """Items with a term as a definition list, those without as a bullet list, each run of
    either in the order given."""
    runs: list[list[Item]] = []
    for item in items:
        if runs and bool(runs[-1][0].term) == bool(item.term):
            runs[-1].append(item)
        else:
            runs.append([item])
    return "\n".join(run_block(run) for run in runs)


def run_block(run: list[Item]) -> str:
    if run[0].term:
        terms = [one_line(item.term) for item in run]
        return (
            "\n\n".join(f"{t}\n{bullet(i.text, ': ')}" for t, i in zip(terms, run, strict=True))
            + "\n"
        )
    return "\n".join(bullet(item.text) for item in run) + "\n"


def publications_page(site: ImportedSite) -> str:
    kinds = {rules.kind_of(entry.type) for entry in site.publications.entries.values()}
    parts = [
        front_matter(f"Publications of {site.owner.name}."),
        "% The lists come from refs.bib: edit that file, and keep this page as it is.\n",
        "# Publications\n",
        ":::{only} html\nEvery entry below, as BibTeX: {download}`refs.bib <../refs.bib>`.\n:::\n",
    ]
    for kind, title in LIST_TITLES.items():
        if kind in kinds:
            parts.append(f"## {title}\n\n:::{{publication-list}} {kind}\n:::\n")
    return "\n".join(parts)


def news_page(site: ImportedSite) -> str:
    return "\n".join(
        [front_matter(f"News of {site.owner.name}."), "# News\n", news_items(site.news)]
    )


def news_items(news: list) -> str:
    newest_first = sorted(news, key=lambda item: item.day, reverse=True)
    items = [Item(item.text, news_day(item.day)) for item in newest_first]
    return items_block(items)


def news_day(day: str) -> str:
    parts = dates.read_date(day)
    return dates.shown(parts) if parts else day


def home_page(site: ImportedSite, toc: list[str], titles: dict[str, str], selected: bool) -> str:
    owner = site.owner
    description = f"{owner.name}, {owner.position}." if owner.position else f"{owner.name}."
    parts = [
        front_matter(description),
        "# {cv-setting}`cv_owner`\n",
        ":::{cv-header}\n:::\n",
        ":::{cv-pdf-link}\n:::\n",
        ":::{cv-pdf-variants}\n:::\n",
    ]
    if owner.about:
        parts += ["## About\n", *(paragraph + "\n" for paragraph in owner.about)]
    if site.news:
        parts += ["## News\n", news_items(latest(site.news))]
        parts.append("All of it: [News](news.md).\n")
    entries = site.publications.entries.values()
    if selected and any(rules.read_selected(e.fields.get("selected", "")) for e in entries):
        parts += ["## Selected publications\n", ":::{selected-publications}\n:::\n"]
        parts.append("All of them: [Publications](publications.md).\n")
    parts += ["## Sections\n", "\n".join(f"- [{titles[name]}]({name}.md)" for name in toc) + "\n"]
    parts.append("```{toctree}\n:hidden:\n\n" + "\n".join(toc) + "\n```\n")
    return "\n".join(parts)


def latest(news: list) -> list:
    return sorted(news, key=lambda item: item.day, reverse=True)[:NEWS_ON_HOME]


def bib_text(site: ImportedSite) -> str:
    head = f"% Publications imported by `cvsite import` from {site.source.name} ({site.format}).\n"
    if not site.publications.entries:
        return head + "% None yet: add your entries here (README: Publications).\n"
    for key, entry in site.publications.entries.items():
        for name, value in list(entry.fields.items()):
            if (mended := balanced(value)) != value:
                entry.fields[name] = mended
                site.report.changed(
                    Place("refs.bib", key=f"{key}.{name}"), value,
                    "a brace without its pair, which BibTeX cannot read; left out",
                )  # fmt: skip
    # Not pybtex's writer: it would LaTeX-encode the values (50\\% as 50\\\\%, _ as \\_).
    publications = site.publications.entries.values()
    entries = [entry_source(record_of_entry(entry), citable=False) for entry in publications]
    return head + "\n" + "\n\n".join(entries) + "\n"


def balanced(text: str) -> str:
    """The text without the braces that have no pair (a "}" before its "{", a "{" never
    closed), which would end or swallow a BibTeX field."""
    kept: list[str] = []
    open_at: list[int] = []
    for character in text:
        if character == "}" and not open_at:
            continue
        if character == "{":
            open_at.append(len(kept))
        elif character == "}":
            open_at.pop()
        kept.append(character)
    for index in reversed(open_at):
        del kept[index]
    return "".join(kept)


def copy_files(site: ImportedSite, target: Path) -> list[Path]:
    copies = dict(site.files)
    if site.owner.photo is not None:
        copies[site.owner.photo] = f"_static/{photo_name(site.owner.photo)}"
    written = []
    for source, relative in copies.items():
        destination = target / "docs" / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        written.append(destination)
    return written
