"""JSON Resume's arrays (work, education, awards, skills, ...) as sections: entries for those
with an organisation and dates, items (a definition list's, where a term is given) for skills,
languages and interests. References are reported, never imported: they name other people.

A file of `cvsite export jsonresume` says under `x-cvsite` which page each element was on, the
pages' titles, paragraphs and items, and the dates as written: read first, where present.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cvsite.importers import dates, markup, samples
from cvsite.importers.model import Entry, ImportedSite, Item, Section
from cvsite.importers.report import Place, Report

EXTRA = "x-cvsite"


def extra_of(value: object) -> dict:
    """What `cvsite export` kept under x-cvsite ({} where nothing)."""
    extra = value.get(EXTRA) if isinstance(value, dict) else None
    return extra if isinstance(extra, dict) else {}


@dataclass(frozen=True)
class EntryKind:
    """How one array's objects become cv-entries: which key names the entry, which give
    the role (joined), which are bullets, and the keys of older schemas."""

    title: str
    institution: str
    role: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()  # one bullet each
    lists: tuple[str, ...] = ("highlights",)  # a bullet per element
    single_date: bool = False  # `date`, not startDate/endDate
    legacy: dict[str, str] = field(default_factory=dict)


ENTRY_KINDS = {
    "work": EntryKind("Experience", "name", ("position",), ("description", "summary"),
                      legacy={"company": "name", "website": "url"}),
    "volunteer": EntryKind("Volunteering", "organization", ("position",), ("summary",),
                           legacy={"website": "url"}),
    "education": EntryKind("Education", "institution", ("studyType", "area"), (),
                           ("courses", "highlights"), legacy={"website": "url"}),
    "awards": EntryKind("Awards", "title", ("awarder",), ("summary",), single_date=True),
    "certificates": EntryKind("Certificates", "name", ("issuer",), single_date=True,
                              legacy={"website": "url"}),
    "projects": EntryKind("Projects", "name", ("roles",), ("description",),
                          ("highlights", "keywords"), legacy={"website": "url"}),
}  # fmt: skip
# Arrays of items: the key that is the term, the keys that make the text (lists joined).
ITEM_KINDS = {
    "skills": ("Skills", "name", ("level", "keywords")),
    "languages": ("Languages", "language", ("fluency",)),
    "interests": ("Interests", "name", ("keywords",)),
}
# Keys every entry reads beside its kind's own.
COMMON_KEYS = {"startDate", "endDate", "date", "location", "url", "score", "gpa", EXTRA}
ORDER = ("work", "volunteer", "education", "awards", "certificates", "projects", "skills",
         "languages", "interests")  # fmt: skip


def add_sections(site: ImportedSite, data: dict, place: Place) -> None:
    """The arrays as sections, appended to the site's, empty ones left out."""
    report = site.report
    pages = exported_pages(data.get(EXTRA), place.at(EXTRA), report)
    defaults: dict[str, Section] = {}
    for kind in ORDER:
        elements = data.get(kind)
        if elements in (None, "", []):
            continue
        if not isinstance(elements, list):
            report.left_out(place.at(kind), elements, f"{kind} is not a list")
            continue
        for number, element in enumerate(elements):
            where = place.at(f"{kind}[{number}]")
            made = read_element(kind, element, where, report)
            if made is None:
                continue
            page = extra_of(element).get("page")
            section = pages[page] if isinstance(page, int) and 0 <= page < len(pages) else None
            if section is None:
                title = ENTRY_KINDS[kind].title if kind in ENTRY_KINDS else ITEM_KINDS[kind][0]
                section = defaults.setdefault(kind, Section(title, kind))
            if isinstance(made, Entry):
                section.entries.append(made)
                report.count("entry")
            else:
                section.items.append(made)
                report.count("item")
    read_references(data.get("references"), place.at("references"), report)
    sections = pages + [defaults[kind] for kind in ORDER if kind in defaults]
    kept = [section for section in sections if not section.is_empty()]
    # The exported site's publications page: where it was among the pages kept.
    listed = [n for n, page in enumerate(pages) if page.kind == "publications"]
    if listed:
        before = [page for page in pages[: listed[0]] if not page.is_empty()]
        site.publications_at = len(site.sections) + len(before)
    site.sections += kept


def exported_pages(extra: object, place: Place, report: Report) -> list[Section]:
    """The pages `cvsite export` wrote, in the site's order: titles, kinds, paragraphs and
    the items of pages that have no JSON Resume section."""
    if not isinstance(extra, dict):
        return []
    sections = []
    for number, page in enumerate(extra.get("pages") or []):
        where = place.at(f"pages[{number}]")
        section = Section(markup.to_plain(page.get("title", ""), where.at("title"), report),
                          str(page.get("kind", "")))  # fmt: skip
        section.paragraphs = [
            markup.to_myst(text, where.at(f"paragraphs[{n}]"), report)
            for n, text in enumerate(page.get("paragraphs", []))
        ]
        section.items = [
            Item(markup.to_myst(item.get("text", ""), where.at(f"items[{n}]"), report),
                 str(item.get("term", "")))
            for n, item in enumerate(page.get("items", []))
        ]  # fmt: skip
        for n, heading in enumerate(page.get("headings", [])):
            report.changed(
                where.at(f"headings[{n}]"),
                heading,
                "a sub-heading of the page; its items follow the page's title",
            )
        sections.append(section)
    return sections


def read_element(kind: str, element: object, place: Place, report: Report) -> Entry | Item | None:
    if kind in ITEM_KINDS:
        return read_item(kind, element, place, report)
    if not isinstance(element, dict):
        report.left_out(place, element, f"an element of {kind} is an object")
        return None
    extra = extra_of(element)
    if extra.get("item"):  # an item of a list, exported as an award (a year and a text)
        text = markup.to_myst(element.get("title") or element.get("name", ""), place, report)
        term = extra.get("term") or dates.one_date(element.get("date"), place, report)
        report_unread(element, {"title", "name", "date", EXTRA}, place, report)
        return Item(text, str(term))
    return read_entry(ENTRY_KINDS[kind], element, extra, place, report)


def read_entry(
    kind: EntryKind, element: dict, extra: dict, place: Place, report: Report
) -> Entry | None:
    element = legacy_keys(element, kind.legacy, place, report)

    def plain(key: str) -> str:
        value = element.get(key)
        value = ", ".join(map(str, value)) if isinstance(value, list) else value
        return markup.to_plain(value or "", place.at(key), report)

    name = plain(kind.institution)
    if template := samples.sample_of(name):
        for key, value in element.items():
            report.left_out(place.at(key), value, f"{template}'s sample; not imported")
        return None
    if not name:
        report.left_out(place, element, f"no {kind.institution}, which a cv-entry needs")
        return None
    roles = [plain(key) for key in kind.role]
    role = " in ".join(r for r in roles if r) if kind.role == ("studyType", "area") else ""
    role = role or ", ".join(r for r in roles if r)
    entry = Entry(name, role, entry_dates(kind, element, extra, place, report), plain("location"))
    entry.bullets = entry_bullets(kind, element, place, report)
    report_unread(element, {kind.institution, *kind.role, *kind.texts, *kind.lists,
                            *COMMON_KEYS}, place, report)  # fmt: skip
    return entry


def legacy_keys(element: dict, renames: dict[str, str], place: Place, report: Report) -> dict:
    element = dict(element)
    for old, new in renames.items():
        if element.get(old) not in (None, ""):
            report.changed(place.at(old), element[old], f"a key of before 2017/2020; read as {new}")
            element.setdefault(new, element[old])
            if not element[new]:
                element[new] = element[old]
        element.pop(old, None)
    return element


def entry_dates(kind: EntryKind, element: dict, extra: dict, place: Place, report: Report) -> str:
    if isinstance(extra.get("dates"), str):
        return extra["dates"]  # as the exported site wrote them
    if kind.single_date:
        return dates.one_date(element.get("date"), place.at("date"), report)
    for key in ("startDate", "endDate"):
        value = str(element.get(key) or "")
        if dates.is_ongoing(value) or not value or dates.read_date(value):
            continue
        report.changed(place.at(key), value, "not a date JSON Resume writes; shown as written")
    return dates.date_range(element.get("startDate"), element.get("endDate"), place, report)


def entry_bullets(kind: EntryKind, element: dict, place: Place, report: Report) -> list[str]:
    bullets = []
    for key in ("score", "gpa"):
        if element.get(key) not in (None, ""):
            label = "GPA" if key == "gpa" else "Score"
            bullets.append(f"{label}: {markup.to_myst(element[key], place.at(key), report)}")
    for key in kind.texts:
        if element.get(key):
            bullets.append(markup.to_myst(element[key], place.at(key), report))
    for key in kind.lists:
        values = element.get(key) or []
        values = values if isinstance(values, list) else [values]
        texts = [markup.to_myst(v, place.at(f"{key}[{n}]"), report) for n, v in enumerate(values)]
        if key == "keywords" and texts:
            bullets.append(", ".join(texts))
        else:
            bullets += [text for text in texts if text]
    if url := str(element.get("url") or "").strip():
        bullets.append(f"[{url}]({url})" if url.startswith(("http://", "https://")) else url)
    return bullets


def read_item(kind: str, element: object, place: Place, report: Report) -> Item | None:
    _, term_key, text_keys = ITEM_KINDS[kind]
    if not isinstance(element, dict):
        text = markup.to_myst(element, place, report)
        return Item(text) if text else None
    term = markup.to_myst(element.get(term_key) or "", place.at(term_key), report)
    parts = []
    for key in text_keys:
        value = element.get(key)
        if isinstance(value, list):
            joined = ", ".join(str(v) for v in value if str(v).strip())
            parts.append(markup.to_myst(joined, place.at(key), report) if joined else "")
        elif value not in (None, ""):
            parts.append(markup.to_myst(value, place.at(key), report))
    text = ": ".join(part for part in parts if part)
    report_unread(element, {term_key, *text_keys, EXTRA}, place, report)
    if not text:  # a name alone: an item of a plain list
        return Item(term) if term else None
    return Item(text, term)


def read_references(references: object, place: Place, report: Report) -> None:
    if not isinstance(references, list):
        if references:
            report.left_out(place, references, "references name other people; not imported")
        return
    for number, reference in enumerate(references):
        if reference:
            report.left_out(
                place.at(f"[{number}]"),
                reference,
                "a reference names another person; ask before publishing it",
            )


def report_unread(element: dict, read: set[str], place: Place, report: Report) -> None:
    for key, value in element.items():
        if key not in read and value not in (None, "", [], {}):
            why = (
                "al-folio's icon; the site's entries have none"
                if key == "icon"
                else ("not a key cvsite reads here")
            )
            report.left_out(place.at(key), value, why)
