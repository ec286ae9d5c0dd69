"""RenderCV's `sections: {title: [entries]}`: a page per title, each entry read by its keys
(RenderCV never writes an entry's type), with al-folio's JSON Resume keys in the same shape.

    label + details            one-line    -> an item "**label:** details"
    institution (+ area)       education   -> cv-entry (degree or studyType "in" area)
    company + position         experience  -> cv-entry (al-folio: name + position)
    title + authors            publication -> refs.bib (al-folio: title + publisher/releaseDate)
    title + awarder            award       -> cv-entry (al-folio)
    language (+ fluency)       language    -> an item (al-folio)
    name                       normal      -> cv-entry; with keywords or level only, an item
    bullet / number / reversed_number      -> an item (numbered ones with their number)
    a plain string             text        -> a paragraph
"""

from __future__ import annotations

import re
from collections import Counter

from cvsite.importers import dates, markup, rendercv_publications, samples
from cvsite.importers.model import Entry, Item, Section
from cvsite.importers.rendercv import Reading, report_leaves, text
from cvsite.importers.report import Place

SMALL_WORDS = {"and", "or", "of", "the", "in", "on", "for", "to", "a", "an", "at", "with"}
MARKDOWN_LINK_ONLY = re.compile(r"^\s*\[([^\]]+)\]\(\s*([^)\s]+)\s*\)\s*$")
DATE_KEYS = ("date", "start_date", "end_date", "releaseDate", "startDate", "endDate")
# Kind of entry -> the section's kind (model.Section.kind), for `cvsite export`.
SECTION_KINDS = {
    "education": "education", "experience": "work", "award": "awards",
    "language": "languages", "publication": "publications",
}  # fmt: skip
UNKNOWN_KEY = "not a key of RenderCV's {} entries; not imported"


def section_title(key: object) -> str:
    """A section's key as RenderCV shows it: snake_case and all-lowercase keys title-cased
    (small words kept small), any other key as written (Unicode kept)."""
    title = str(key).strip()
    if "_" not in title and title != title.lower():
        return title
    words = title.replace("_", " ").split()
    return " ".join(
        w if number and w in SMALL_WORDS else w[:1].upper() + w[1:]
        for number, w in enumerate(words)
    )


def kind_of(entry: object) -> str:
    """An entry's kind from its keys, in RenderCV's order, al-folio's keys fitted in."""
    if isinstance(entry, str):
        return "text"
    if not isinstance(entry, dict):
        return ""
    keys = set(entry)
    rules = (
        ("one-line", {"label", "details"} <= keys or keys == {"name", "details"}),
        ("education", "institution" in keys),
        ("experience", "company" in keys or {"name", "position"} <= keys),
        ("publication", "title" in keys and bool(keys & {"authors", "publisher", "releaseDate",
                                                         "journal", "doi"})),
        ("award", "awarder" in keys),
        ("language", "language" in keys),
        ("normal", "name" in keys or "title" in keys),
        ("bullet", "bullet" in keys),
        ("numbered", "number" in keys),
        ("reversed", "reversed_number" in keys),
        ("one-line", "label" in keys),
    )  # fmt: skip
    return next((kind for kind, matches in rules if matches), "")


def read_sections(reading: Reading, sections: dict, place: Place) -> None:
    for key, entries in sections.items():
        where = reading.at(place, str(key))
        title = section_title(key)
        if sample := samples.sample_of(title):
            report_leaves(reading, where, entries, f"{sample}'s sample section; not imported")
            continue
        if entries is None:
            continue
        if not isinstance(entries, list):
            entries = [entries]  # one entry written without its list
        section = Section(title)
        kinds = [read_entry(reading, section, entry, reading.at(where, f"[{n}]"))
                 for n, entry in enumerate(entries)]  # fmt: skip
        number_items(section, kinds)
        common = Counter(k for k in kinds if k).most_common(1)
        section.kind = SECTION_KINDS.get(common[0][0], "") if common else ""
        if "publication" in kinds:
            reading.report.changed(
                where, title, "its publications are in refs.bib, on the Publications page"
            )
        if not section.is_empty():
            reading.site.sections.append(section)
            reading.report.count("section")


def read_entry(reading: Reading, section: Section, entry: object, place: Place) -> str:
    kind = kind_of(entry)
    if not isinstance(entry, dict):
        if kind == "text":
            section.paragraphs.append(markup.to_myst(entry, place, reading.report))
        else:
            report_leaves(reading, place, entry, "no RenderCV entry has these keys; not imported")
        return kind
    if kind == "publication":
        rendercv_publications.add(reading, entry, place)
    elif kind in {"one-line", "language", "bullet", "numbered", "reversed"}:
        section.items.append(item(reading, kind, entry, place))
    elif kind == "normal" and is_list_item(entry):
        section.items.append(item(reading, "skill", entry, place))
        kind = "skill"
    elif kind:
        section.entries.append(cv_entry(reading, kind, entry, place))
        reading.report.count("entry")
    else:
        report_leaves(reading, place, entry, "no RenderCV entry has these keys; not imported")
    return kind


def is_list_item(entry: dict) -> bool:
    """al-folio's skills and interests: a name with a level or keywords, nothing dated."""
    dated = set(entry) & {*DATE_KEYS, "location", "highlights", "summary"}
    return not dated and bool(set(entry) & {"keywords", "level"})


def item(reading: Reading, kind: str, entry: dict, place: Place) -> Item:
    """A line of a list; its keys read, the others reported."""
    report = reading.report
    fields = {
        "one-line": ("label" if "label" in entry else "name", "details"),
        "language": ("language", "fluency"),
        "skill": ("name", "level"),
        "bullet": ("", "bullet"),
        "numbered": ("", "number"),
        "reversed": ("", "reversed_number"),
    }[kind]
    label_key, text_key = fields
    label = markup.to_myst(entry.get(label_key, ""), reading.at(place, label_key), report)
    value = markup.to_myst(entry.get(text_key, ""), reading.at(place, text_key), report)
    used = {label_key, text_key, "keywords"}
    keywords = markup.to_myst(
        list_text(entry.get("keywords")), reading.at(place, "keywords"), report
    )
    if kind == "skill":
        label = f"**{label}**" + (f" ({value})" if value else "")
        value = keywords
    elif label:
        label = f"**{label}:**"
        value = " ".join(v for v in (value, keywords) if v)
    else:
        value = " ".join(v for v in (value, keywords) if v)
    report_extras(reading, entry, place, used, kind)
    line = (
        f"{label}: {value}"
        if kind == "skill" and value
        else " ".join(p for p in (label, value) if p)
    )
    return Item(line)


def number_items(section: Section, kinds: list[str]) -> None:
    """Numbered and reversed-numbered entries keep their numbers, as a list's terms."""
    numbered = [k for k in kinds if k in {"numbered", "reversed"}]
    if not numbered:
        return
    count = len(section.items)
    for position, line in enumerate(section.items):
        line.term = str(count - position if "reversed" in numbered else position + 1)


def cv_entry(reading: Reading, kind: str, entry: dict, place: Place) -> Entry:
    """A dated entry (education, experience, award, normal) as a cv-entry."""
    report = reading.report
    what_key, role_keys = {
        "education": ("institution", ()),
        "experience": ("company" if "company" in entry else "name", ("position",)),
        "award": ("title", ("awarder",)),
        "normal": ("name" if "name" in entry else "title", ()),
    }[kind]
    what, link = split_link(entry.get(what_key, ""))
    institution = markup.to_plain(what, reading.at(place, what_key), report)
    roles = [markup.to_plain(entry[k], reading.at(place, k), report) for k in role_keys
             if text(entry.get(k))]  # fmt: skip
    used = {what_key, *role_keys, *DATE_KEYS, "location", "summary", "highlights", "url"}
    used.add("keywords")
    if kind == "education":
        roles = [degree_in_area(reading, entry, place)]
        used |= {"degree", "studyType", "area", "score", "gpa", "courses"}
    bullets = [markup.to_myst(entry["summary"], reading.at(place, "summary"), report)
               ] if text(entry.get("summary")) else []  # fmt: skip
    bullets += highlights(reading, entry.get("highlights"), reading.at(place, "highlights"))
    bullets += education_extras(reading, entry, place) if kind == "education" else []
    if keywords := list_text(entry.get("keywords")):
        bullets.append(markup.to_myst(keywords, reading.at(place, "keywords"), report))
    dated, date_link = entry_dates(reading, entry, place)
    bullets += [date_link] if date_link else []
    for url in (link, str(entry.get("url") or "").strip()):
        if url:
            bullets.append(f"[{url}]({url})" if url.startswith(("http://", "https://")) else url)
    report_extras(reading, entry, place, used, kind)
    return Entry(
        institution=institution,
        role=" ".join(r for r in roles if r),
        dates=dated,
        place=markup.to_plain(entry.get("location") or "", reading.at(place, "location"), report),
        bullets=[b for b in bullets if b],
    )


def degree_in_area(reading: Reading, entry: dict, place: Place) -> str:
    report = reading.report
    degree_key = "degree" if text(entry.get("degree")) else "studyType"
    degree = markup.to_plain(entry.get(degree_key) or "", reading.at(place, degree_key), report)
    area = markup.to_plain(entry.get("area") or "", reading.at(place, "area"), report)
    return f"{degree} in {area}" if degree and area else degree or area


def education_extras(reading: Reading, entry: dict, place: Place) -> list[str]:
    """JSON Resume's score (gpa) and courses, as al-folio writes them: bullets."""
    lines = []
    for key, label in (("score", "Score"), ("gpa", "GPA"), ("courses", "Courses")):
        value = entry.get(key)
        shown = list_text(value) if isinstance(value, list) else str(value or "").strip()
        if shown:
            lines.append(
                f"{label}: {markup.to_myst(shown, reading.at(place, key), reading.report)}"
            )
    return lines


def entry_dates(reading: Reading, entry: dict, place: Place) -> tuple[str, str]:
    """start_date/end_date as a range, else `date` (a range in it read as one, free text kept
    as written), else al-folio's releaseDate; "" for an undated entry. Second, a link that
    RenderCV's v1 sample writes as the date (`[repo](url)`), for a bullet."""
    start = entry.get("start_date", entry.get("startDate"))
    end = entry.get("end_date", entry.get("endDate"))
    if str(end or "").strip().casefold() in reading.present_words:
        end = "present"
    where = reading.at(place, "start_date" if text(start) else "end_date")
    if text(start) or text(end):
        return dates.date_range(start, end, where, reading.report), ""
    key = "date" if "date" in entry else "releaseDate"
    single, where = entry.get(key), reading.at(place, key)
    if single is not None and markup.MARKDOWN_LINK.search(str(single)):
        link = markup.to_myst(single, where, reading.report)
        rest = markup.MARKDOWN_LINK.sub("", str(single)).strip()
        return dates.one_date(rest, where, reading.report), link
    first, last, ongoing = dates.read_range(str(single or ""))
    if dates.read_date(single) is None and first and (last or ongoing):
        return dates.date_range(
            dates.iso(first), dates.iso(last) or "present", where, reading.report
        ), ""
    return dates.one_date(single, where, reading.report), ""


def highlights(reading: Reading, values: object, place: Place) -> list[str]:
    """Highlights (Markdown; v2.4 nests lists) as bullets; a lone string as one bullet."""
    if values is None:
        return []
    if not isinstance(values, list):
        values = [values]
    bullets: list[str] = []
    for number, value in enumerate(values):
        where = reading.at(place, f"[{number}]")
        if isinstance(value, list):
            inner = [markup.to_myst(v, reading.at(where, f"[{n}]"), reading.report)
                     for n, v in enumerate(value)]  # fmt: skip
            if bullets:
                bullets[-1] += "\n" + "\n".join(f"- {line}" for line in inner)
                continue
            bullets += inner
        elif text(value):
            bullets.append(markup.to_myst(value, where, reading.report))
    return bullets


def report_extras(reading: Reading, entry: dict, place: Place, used: set[str], kind: str) -> None:
    for key in entry:
        if key not in used and key != "icon":
            report_leaves(
                reading, reading.at(place, str(key)), entry[key], UNKNOWN_KEY.format(kind)
            )
    if text(entry.get("icon")):
        reading.report.left_out(
            reading.at(place, "icon"), entry["icon"], "an entry's icon; cvsite's entries have none"
        )


def split_link(value: object) -> tuple[str, str]:
    """A value that is one Markdown link ("[Tool](https://...)"): its text and address."""
    match = MARKDOWN_LINK_ONLY.match(str(value or ""))
    return (match.group(1), match.group(2)) if match else (str(value or ""), "")


def list_text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v).strip() for v in value if text(v))
    return str(value or "").strip()
