"""al-folio's CV: `_data/cv.yml` in its list-of-sections form (read here), its RenderCV-style
`cv:` form (rendercv.fill_from_cv) or `assets/json/resume.json` (jsonresume.fill_from_resume),
whichever is the owner's own; and the YAML reading with line numbers that alfolio.py shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import json5
import yaml

from cvsite.importers import jsonresume, markup, rendercv, samples
from cvsite.importers.formats import SourceError
from cvsite.importers.model import Entry, ImportedSite, Item, Section, kind_of_title
from cvsite.importers.report import Place, Report

RESUME_JSON = "assets/json/resume.json"
CV_YML = "_data/cv.yml"
CV_PAGE = "_pages/cv.md"
PERSONAL = re.compile(r"birth|born|geburt|nascimento|nacimiento|naissance|生日|出生", re.I)
OBFUSCATED_AT = re.compile(r"\s*[\[(]\s*at\s*[\])]\s*", re.I)
OBFUSCATED_DOT = re.compile(r"\s*[\[(]\s*dot\s*[\])]\s*", re.I)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TIME_TABLE_KEYS = {"title", "institution", "year", "description", "items", "location"}


@dataclass
class Doc:
    """A parsed YAML file, with the line of each key path (as Place writes key paths)."""

    file: str
    data: Any  # as YAML read it
    lines: dict[str, int] = field(default_factory=dict)
    emails: list[str] = field(default_factory=list)  # read from values, as the CV writes them

    def place(self, key: str = "") -> Place:
        return Place(self.file, self.lines.get(key), key)


def load_yaml(source: Path, relative: str, text: str | None = None, offset: int = 0) -> Doc:
    """A YAML file (or front matter `text` starting `offset` lines in); SourceError with its
    line when YAML cannot read it."""
    if text is None:
        text = (source / relative).read_text(encoding="utf-8-sig")
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = f":{mark.line + 1 + offset}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise SourceError(
            f"{relative}{line}: YAML cannot read it ({problem}); quote a value that starts "
            "with @, `, % or holds ': ', and import again"
        ) from None
    lines: dict[str, int] = {}
    if node is not None:
        node_lines(node, "", lines, offset)
    return Doc(relative, data, lines)


def node_lines(node: yaml.Node, path: str, lines: dict[str, int], offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            here = f"{path}.{key.value}" if path else str(key.value)
            lines[here] = key.start_mark.line + 1 + offset
            node_lines(value, here, lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for number, value in enumerate(node.value):
            here = f"{path}[{number}]"
            lines[here] = value.start_mark.line + 1 + offset
            node_lines(value, here, lines, offset)


def load_front_matter(source: Path, relative: str) -> tuple[Doc, str]:
    """A Markdown file's front matter (with lines) and body, read by python-frontmatter."""
    text = (source / relative).read_text(encoding="utf-8-sig")
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return Doc(relative, {}), text
    head, body = handler.split(text)
    doc = load_yaml(source, relative, head, offset=1)
    return Doc(relative, doc.data if isinstance(doc.data, dict) else {}, doc.lines), body


# --- which CV ---------------------------------------------------------------------------


def read_cv(site: ImportedSite, source: Path) -> None:
    """The owner's CV, from the one source of the (up to) two that is not al-folio's sample;
    with both the owner's, the one `_pages/cv.md`'s cv_format names, else resume.json (the
    template renders it when it is there)."""
    report = site.report
    candidates = {}
    if (source / RESUME_JSON).is_file():
        candidates[RESUME_JSON] = read_resume_json(source)
    if (source / CV_YML).is_file():
        candidates[CV_YML] = load_yaml(source, CV_YML).data
    cv_format = read_cv_page(source, report) if (source / CV_PAGE).is_file() else ""
    own = {}
    for relative, data in candidates.items():
        if holds_sample_person(data):
            report.left_out(Place(relative), "(the whole file)", SAMPLE_CV)
        else:
            own[relative] = data
    if len(own) == 2:
        chosen = CV_YML if cv_format == "rendercv" else RESUME_JSON
        reason = (
            f"_pages/cv.md's cv_format is {cv_format}"
            if cv_format
            else "al-folio shows resume.json when both are there"
        )
        other = CV_YML if chosen == RESUME_JSON else RESUME_JSON
        report.left_out(
            Place(other), "(the whole file)",
            f"both CV files are your own; {chosen} was imported, as {reason}",
        )  # fmt: skip
        own = {chosen: own[chosen]}
    for relative, data in own.items():
        fill_cv(site, source, relative, data)


SAMPLE_CV = "al-folio's sample CV (its sample person, Albert Einstein); not imported"


def read_resume_json(source: Path) -> object:
    try:
        return json5.loads((source / RESUME_JSON).read_text(encoding="utf-8-sig"))
    except ValueError as error:
        raise SourceError(f"{RESUME_JSON}: {error}; correct the file and import again") from None


def holds_sample_person(data: object) -> bool:
    """Whether a CV still names al-folio's sample person (in basics.name, cv.name, or a value
    of the list form's General Information)."""
    if isinstance(data, dict):
        named = (data.get("basics") or {}).get("name") if "basics" in data else None
        named = named or ((data.get("cv") or {}).get("name") if "cv" in data else None)
        return samples.sample_of(named) == "al-folio"
    if isinstance(data, list):
        return any(holds_sample_person_value(section) for section in data)
    return False


def holds_sample_person_value(value: object) -> bool:
    if isinstance(value, dict):
        return any(holds_sample_person_value(v) for v in value.values())
    if isinstance(value, list):
        return any(holds_sample_person_value(v) for v in value)
    folded = " ".join(str(value).split()).casefold() if isinstance(value, str) else ""
    return samples.SAMPLE_PEOPLE.get(folded) == "al-folio"


def read_cv_page(source: Path, report: Report) -> str:
    """`_pages/cv.md`: its cv_format (which CV file the page shows); the rest is the page's
    layout, and cv_pdf a PDF of the CV that cvsite makes itself."""
    doc, _ = load_front_matter(source, CV_PAGE)
    data = doc.data
    if data.get("cv_pdf"):
        report.left_out(
            doc.place("cv_pdf"), data["cv_pdf"], "a PDF of the CV; cvsite makes the PDF CV itself"
        )
    layout = [key for key in data if key not in {"cv_pdf"}]
    if layout:
        report.left_out(doc.place(), ", ".join(layout), PAGE_LAYOUT)
    return str(data.get("cv_format") or "").strip().casefold()


PAGE_LAYOUT = "layout settings of an al-folio page; cvsite lays out its pages itself"


def fill_cv(site: ImportedSite, source: Path, relative: str, data: object) -> None:
    place = Place(relative)
    if relative == RESUME_JSON and isinstance(data, dict):
        jsonresume.fill_from_resume(site, data, place, source)
    elif isinstance(data, dict) and "cv" in data:
        rendercv.fill_from_cv(site, data["cv"], place.at("cv"), source)
    elif isinstance(data, list):
        read_list_form(site, load_yaml(source, relative))
    else:
        raise SourceError(
            f"{relative}:1: neither a list of sections nor a `cv:` mapping; al-folio reads "
            "one of those two forms"
        )


# --- the list form --------------------------------------------------------------------------


def read_list_form(site: ImportedSite, doc: Doc) -> None:
    report = site.report
    for number, raw in enumerate(doc.data):
        key = f"[{number}]"
        if not isinstance(raw, dict):
            report.left_out(doc.place(key), raw, "not a section ({title, type, contents})")
            continue
        title = markup.to_plain(raw.get("title") or "", doc.place(f"{key}.title"), report)
        section = Section(title or "CV", kind_of_title(title))
        kind = str(raw.get("type") or "").strip()
        reader = SECTION_READERS.get(kind)
        if reader is None:
            report.changed(
                doc.place(f"{key}.type"), kind,
                "a section type al-folio's CV does not know; its contents read as a list",
            )  # fmt: skip
            reader = read_list
        reader(section, raw.get("contents") or [], doc, f"{key}.contents", report)
        if section.is_empty():
            report.left_out(doc.place(key), title, "nothing of the section's own is left in it")
            continue
        site.sections.append(section)
        report.count("CV section")
    if doc.emails and not site.owner.email:
        site.owner.email = doc.emails[0]


def own_text(value: object, place: Place, report: Report) -> str:
    """A value as MyST, or "" when it is empty or a sample's text (reported)."""
    if value is None or str(value).strip() == "":
        return ""
    if template := samples.sample_of(value):
        report.left_out(place, value, f"{template}'s sample text; not imported")
        return ""
    return markup.to_myst(value, place, report)


def read_map(section: Section, contents: list, doc: Doc, key: str, report: Report) -> None:
    for number, item in enumerate(contents):
        here = f"{key}[{number}]"
        if not isinstance(item, dict):
            section.items.append(Item(own_text(item, doc.place(here), report)))
            continue
        name = markup.to_plain(item.get("name") or "", doc.place(f"{here}.name"), report)
        value = item.get("value")
        if PERSONAL.search(name):
            report.left_out(
                doc.place(f"{here}.value"), value,
                f"personal data ({name}); not published by the import: add it to a page "
                "yourself if you want it shown",
            )  # fmt: skip
            continue
        text = map_value(value, doc, f"{here}.value", report)
        if text:
            section.items.append(Item(text, name))


def map_value(value: object, doc: Doc, key: str, report: Report) -> str:
    if isinstance(value, list):
        parts = []
        for number, part in enumerate(value):
            here = f"{key}[{number}]"
            if isinstance(part, dict) and part.get("url"):
                label = part.get("name") or part["url"]
                parts.append(markup.to_myst(f"[{label}]({part['url']})", doc.place(here), report))
            else:
                parts.append(own_text(part, doc.place(here), report))
        return ", ".join(p for p in parts if p)
    if isinstance(value, str) and OBFUSCATED_AT.search(value):
        decoded = OBFUSCATED_DOT.sub(".", OBFUSCATED_AT.sub("@", value)).strip()
        if EMAIL.match(decoded):
            report.changed(
                doc.place(key), value,
                f"an e-mail address written against spam, read as {decoded}; shown as written",
            )  # fmt: skip
            doc.emails.append(decoded)
    return own_text(value, doc.place(key), report)


def read_time_table(section: Section, contents: list, doc: Doc, key: str, report: Report) -> None:
    for number, item in enumerate(contents):
        here = f"{key}[{number}]"
        if not isinstance(item, dict):
            section.items.append(Item(own_text(item, doc.place(here), report)))
            continue
        for extra in sorted(set(item) - TIME_TABLE_KEYS, key=str):
            report.left_out(
                doc.place(f"{here}.{extra}"), item[extra], "a key al-folio's CV does not show"
            )
        when = year_text(item.get("year"), doc.place(f"{here}.year"), report)
        role = markup.to_plain(item.get("title") or "", doc.place(f"{here}.title"), report)
        where = markup.to_plain(item.get("institution") or "", doc.place(f"{here}.institution"),
                                report)  # fmt: skip
        bullets = descriptions(item.get("description"), doc, f"{here}.description", report)
        listed = [
            text
            for n, value in enumerate(item.get("items") or [])
            if (text := own_text(value, doc.place(f"{here}.items[{n}]"), report))
        ]
        if role or where:
            place = markup.to_plain(item.get("location") or "", doc.place(f"{here}.location"),
                                    report)  # fmt: skip
            institution, role = (where, role) if where else (role, "")
            section.entries.append(Entry(institution, role, when, place, bullets + listed))
        else:
            section.items += [Item(text, when) for text in bullets + listed]


def year_text(value: object, place: Place, report: Report) -> str:
    """The list form's `year`: free text, shown as written (al-folio renders it so)."""
    if value is None or str(value).strip() == "":
        return ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    from cvsite.importers import dates

    return dates.free_text(value, place, report)


def descriptions(value: object, doc: Doc, key: str, report: Report) -> list[str]:
    """A description: a text, or a list of texts and {title, contents} (sub-bullets)."""
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        text = own_text(value, doc.place(key), report)
        return [text] if text else []
    bullets = []
    for number, part in enumerate(value):
        here = f"{key}[{number}]"
        if isinstance(part, dict):
            title = own_text(part.get("title"), doc.place(f"{here}.title"), report)
            subs = [
                f"- {text}"
                for n, sub in enumerate(part.get("contents") or [])
                if (text := own_text(sub, doc.place(f"{here}.contents[{n}]"), report))
            ]
            text = "\n".join([title, *subs]) if title else "\n".join(subs)
        else:
            text = own_text(part, doc.place(here), report)
        if text:
            bullets.append(text)
    return bullets


def read_list(section: Section, contents: list, doc: Doc, key: str, report: Report) -> None:
    if not isinstance(contents, list):
        contents = [contents]
    for number, item in enumerate(contents):
        if text := own_text(item, doc.place(f"{key}[{number}]"), report):
            section.items.append(Item(text))


def read_nested_list(section: Section, contents: list, doc: Doc, key: str, report: Report) -> None:
    """{title, items}: an entry named by its title, its items as bullets."""
    for number, item in enumerate(contents):
        here = f"{key}[{number}]"
        if not isinstance(item, dict):
            read_list(section, [item], doc, key, report)
            continue
        title = own_text(item.get("title"), doc.place(f"{here}.title"), report)
        bullets = [
            text
            for n, sub in enumerate(item.get("items") or [])
            if (text := own_text(sub, doc.place(f"{here}.items[{n}]"), report))
        ]
        if title:
            heading = markup.to_plain(title, doc.place(f"{here}.title"), report)
            section.entries.append(Entry(heading, bullets=bullets))
        else:
            section.items += [Item(text) for text in bullets]


SECTION_READERS = {
    "map": read_map,
    "time_table": read_time_table,
    "list": read_list,
    "nested_list": read_nested_list,
}
