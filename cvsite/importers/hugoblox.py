"""HugoBlox / Wowchemy / Hugo Academic: the owner from `content/authors/admin/_index.md`, a BibTeX
entry per `content/publication/` page (its `cite.bib` first, the front matter for what that
lacks), the experience widget or block as a section, `content/event/` as Talks.

The template's sample person, papers and jobs are reported, never imported; Hugo shortcodes
(`{{< youtube >}}`, `{{% callout %}}`) are removed from bodies and reported.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pybtex.database import BibliographyData, Person, parse_string
from pybtex.database import Entry as BibEntry
from pybtex.scanner import PybtexError

from cvsite.importers import dates, markup, profile_links, samples
from cvsite.importers.formats import SourceError
from cvsite.importers.front_matter import Page, read_page, rest_reported, site_file
from cvsite.importers.hugoblox_experience import MACHINERY, widget_sections
from cvsite.importers.model import Entry, ImportedSite, Owner, Section
from cvsite.importers.report import Place, Report
from cvsite.publications import rules
from cvsite.publications.latex_text import latex_to_plain

NAME = "hugoblox"
LOOKS_FOR = (
    "a folder with content/authors/ or content/publication/ and a Hugo config "
    "(config/_default/, hugo.yaml, hugo.toml, config.toml or go.mod)"
)
CONFIGS = ("config/_default", "hugo.yaml", "hugo.toml", "config.toml", "config.yaml", "go.mod")
SHORTCODE = re.compile(r"\{\{[<%]\s*/?\s*[\w./-]+[^}]*?[>%]\}\}")
ACCENT = re.compile(r"\{?\\(?:['\"`^~=.]|[ckvuHrdb](?=[{\s]))\s*\{?[A-Za-z]\}?\}?")
SAMPLE_SENTENCE = re.compile(
    r"Click the \*Cite\* button above[^\n]*|Create your slides in Markdown[^\n]*"
    r"|Add the publication's \*\*full text\*\*[^\n]*|Supplementary notes can be added here[^\n]*",
    re.IGNORECASE,
)
# publication_types: Academic v4's codes and CSL's names -> a BibTeX type.
TYPES = {"0": "misc", "1": "inproceedings", "2": "article", "3": "unpublished", "4": "techreport",
         "5": "book", "6": "incollection", "7": "phdthesis", "8": "misc",
         "article-journal": "article", "paper-conference": "inproceedings",
         "chapter": "incollection",
         "book": "book", "report": "techreport", "thesis": "phdthesis", "manuscript": "unpublished",
         "article": "misc", "patent": "misc"}  # fmt: skip
VENUE_FIELDS = {"article": "journal", "inproceedings": "booktitle",
                "incollection": "booktitle", "techreport": "institution", "phdthesis": "school",
                "book": "publisher"}  # fmt: skip
LINK_KEYS = {"url_pdf": "pdf", "url_code": "code", "url_slides": "slides", "url_video": "video",
             "url_poster": "poster", "url_dataset": "dataset", "url_project": "url",
             "url_source": "url"}  # fmt: skip
PUBLICATION_KEYS = {"title", "authors", "date", "doi", "publication_types", "publication",
                    "publication_short", "abstract", "featured", "selected", "tags", "links",
                    *LINK_KEYS}  # fmt: skip
AUTHOR_KEYS = {"title", "name", "role", "organizations", "bio", "interests", "education",
               "social", "profiles", "email"}  # fmt: skip


def recognise(source: Path) -> bool:
    try:
        content = source / "content"
        return (
            content.is_dir()
            and any((source / name).exists() for name in CONFIGS)
            and any(content.glob("**/authors")) | any(content.glob("**/publication"))
        )
    except OSError:
        return False


def read(source: Path, report: Report) -> ImportedSite:
    author_file = find_author(source, report)
    page = read_page(author_file, source, report)
    site = ImportedSite(NAME, source, report, Owner(homepage=base_url(source, report)))
    read_owner(site, page)
    for path in sorted((source / "content").glob("**/publication*/**/*.md")):
        if path.name != "_index.md":
            read_publication(site, path)
    for name in ("content/home/experience.md", "content/experience.md"):
        if (source / name).is_file():
            site.sections += widget_sections(read_page(source / name, source, report), report)
    if talks := event_section(site):
        site.sections.append(talks)
    for post in sorted((source / "content").glob("*/post*/**/index.md")):
        report.left_out(Place(post.relative_to(source).as_posix()), post.parent.name, "a post")
    return site


def find_author(source: Path, report: Report) -> Path:
    found = sorted((source / "content").glob("**/authors/admin/_index.md"))
    if not found:
        raise SourceError(f"{source}/content/authors/admin/_index.md: missing; it names the owner")
    for other in found[1:]:
        report.left_out(Place(other.relative_to(source).as_posix()), "(the file)",
                        "a translation; the first language's author page is read")  # fmt: skip
    return found[0]


def base_url(source: Path, report: Report) -> str:
    for name in ("config/_default/config.yaml", "config/_default/hugo.yaml", "hugo.yaml"):
        path = source / name
        if path.is_file():
            try:
                config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError:
                report.left_out(Place(name), "(the file)", "not valid YAML; its baseURL not read")
                continue
            url = str(config.get("baseURL") or config.get("baseurl") or "").rstrip("/")
            if url and "example.com" not in url:
                return url
            if url:
                report.left_out(Place(name, key="baseURL"), url, "the template's sample address")
    return ""


def read_owner(site: ImportedSite, page: Page) -> None:
    owner, meta, report = site.owner, page.meta, site.report
    key = "title" if meta.get("title") else "name"
    owner.name = markup.to_plain(meta.get(key) or "", page.place(key), report)
    if not owner.name or samples.sample_of(owner.name):
        raise SourceError(
            f"{page.name}:{page.lines.get(key, 1)}: the owner's name is {owner.name!r}, the "
            f"template's sample; put your name in `{key}:` and import again"
        )
    owner.position = markup.to_plain(meta.get("role") or "", page.place("role"), report)
    organizations = meta.get("organizations") or []
    for number, organization in enumerate(organizations):
        where = page.place("organizations").at(f"[{number}]")
        name = markup.to_plain(organization.get("name", ""), where.at("name"), report)
        if number == 0:
            owner.affiliation = name
        else:
            report.left_out(where.at("name"), name, "cvsite shows one affiliation")
        if organization.get("url"):
            report.left_out(where.at("url"), organization["url"], "cvsite has no setting for it")
    owner.email = str(meta.get("email") or "")
    owner.keywords = [str(interest) for interest in meta.get("interests") or []]
    owner.about = body_paragraphs(page, report)
    if bio := markup.to_myst(meta.get("bio") or "", page.place("bio"), report):
        owner.about.insert(0, bio)
    read_social(owner, page, report)
    avatars = sorted(page_folder(site, page).glob("avatar.*"))
    owner.photo = avatars[0] if avatars else None
    if education := education_section(page, report):
        site.sections.append(education)
    rest_reported(meta, AUTHOR_KEYS, report, MACHINERY, page.place)


def page_folder(site: ImportedSite, page: Page) -> Path:
    return (site.source / page.name).parent


def body_paragraphs(page: Page, report: Report) -> list[str]:
    text = SHORTCODE.sub(lambda m: removed(m, page, report, "a Hugo shortcode"), page.body)
    text = SAMPLE_SENTENCE.sub(lambda m: removed(m, page, report, "the template's sample"), text)
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text)]
    return [markup.to_myst(block, page.place(), report) for block in blocks if block]


def removed(match: re.Match[str], page: Page, report: Report, why: str) -> str:
    report.left_out(page.place(), match.group(0), why)
    return ""


def read_social(owner: Owner, page: Page, report: Report) -> None:
    key = "social" if page.meta.get("social") else "profiles"
    for number, link in enumerate(page.meta.get(key) or []):
        where = Place(page.name, page.line_of(key, number), f"{key}[{number}]")
        address = str(link.get("link") or link.get("url") or "").strip()
        icon = str(link.get("icon") or "").split("/")[-1]
        kind = profile_links.kind_of_url(address) or profile_links.network_kind(icon)
        if address.startswith("mailto:") and address[7:]:
            owner.email = owner.email or address[7:]
        elif kind and address.startswith("http"):
            owner.profiles[kind] = address
        elif address.endswith("#contact"):
            report.left_out(where, address, "a link to the site's contact section")
        else:
            report.left_out(where, address or link, "cv_profiles has no kind for it (a CV PDF "
                            "is made by cvsite itself)")  # fmt: skip


def education_section(page: Page, report: Report) -> Section | None:
    education = page.meta.get("education") or {}
    courses = education.get("courses", []) if isinstance(education, dict) else education
    entries = []
    for number, course in enumerate(courses or []):
        where = page.place("education").at(f"courses[{number}]" if isinstance(education, dict)
                                           else f"[{number}]")  # fmt: skip
        if not course:
            continue
        year = course.get("year")
        if isinstance(year, str) and not re.fullmatch(r"[\d./-]+", year.strip()):
            when = dates.free_text(year, where.at("year"), report)  # "2021 (expected)"
        elif "year" in course:
            when = dates.one_date(year, where.at("year"), report)
        else:
            when = dates.date_range(course.get("date_start"), course.get("date_end"), where, report)
        summary = course.get("summary")
        entry = Entry(
            institution=markup.to_plain(course.get("institution", ""), where, report),
            role=markup.to_plain(course.get("course") or course.get("area") or "", where, report),
            dates=when,
            bullets=[markup.to_myst(summary, where, report)] if summary else [],
        )
        entries.append(entry)
    return Section("Education", "education", entries=entries) if entries else None


def read_publication(site: ImportedSite, path: Path) -> None:
    page = read_page(path, site.source, site.report)
    meta, report = page.meta, site.report
    if not meta.get("title"):
        report.left_out(Place(page.name), "(the file)", "no title: not a publication")
        return
    sample = samples.sample_of(meta.get("title")) or samples.sample_of(meta.get("publication"))
    if sample:
        report.left_out(page.place("title"), meta["title"], f"{sample}'s sample publication")
        return
    key, entry = cited_entry(path.parent / "cite.bib", site.source) if path.name == "index.md" \
        else (None, None)  # fmt: skip
    key = key or path.parent.name if path.name == "index.md" else key or path.stem
    entry = entry or BibEntry(TYPES.get(first_type(meta), "misc"))
    add_front_matter(entry, page, site)
    site.publications.add_entry(key, entry)
    report.count("publication")
    rest_reported(meta, PUBLICATION_KEYS, report, MACHINERY, page.place)


def cited_entry(path: Path, source: Path) -> tuple[str | None, BibEntry | None]:
    if not path.is_file():
        return None, None
    try:
        data: BibliographyData = parse_string(path.read_text(encoding="utf-8"), "bibtex")
    except PybtexError as error:
        raise SourceError(
            f"{path.relative_to(source)}:{getattr(error, 'lineno', 1)}: not valid BibTeX "
            f"({error}); correct it and import again"
        ) from None
    key, entry = next(iter(data.entries.items()), (None, None))
    if entry is not None:
        for name, value in entry.fields.items():
            entry.fields[name] = ACCENT.sub(accent, value)
        for role, people in entry.persons.items():
            entry.persons[role] = [Person(ACCENT.sub(accent, str(person))) for person in people]
    return key, entry


def accent(match: re.Match[str]) -> str:
    """A LaTeX accent (`{\\"u}`, `{\\k{e}}`) as its letter; the rest of the TeX kept."""
    return latex_to_plain(match.group(0))


def first_type(meta: dict) -> str:
    types = meta.get("publication_types") or ["0"]
    return str(types[0] if isinstance(types, list) else types)


def add_front_matter(entry: BibEntry, page: Page, site: ImportedSite) -> None:
    """What the front matter says and cite.bib lacks."""
    meta, report, fields = page.meta, site.report, entry.fields
    if first_type(meta) not in TYPES:
        report.changed(page.place("publication_types"), first_type(meta), "read as @misc")
    fields.setdefault("title", markup.to_plain(meta["title"], page.place("title"), report))
    if "author" not in entry.persons and meta.get("authors"):
        entry.persons["author"] = [Person(owner_name(a, site)) for a in meta["authors"]]
    elif meta.get("authors"):
        report.changed(page.place("authors"), meta["authors"], "cite.bib's authors are used")
    if "admin" in (meta.get("authors") or []):
        report.changed(page.place("authors"), "admin", f"the owner: {site.owner.name}")
    venue_field = VENUE_FIELDS.get(entry.type, "howpublished")
    if (venue := clean_venue(meta.get("publication"), page, report)) and not any(
        name in fields for name in ("journal", "booktitle", "publisher", "school", "howpublished")
    ):  # fmt: skip
        fields[venue_field] = venue
    elif venue and venue not in fields.values():
        report.changed(page.place("publication"), meta["publication"], "cite.bib's venue is used")
    if short := clean_venue(meta.get("publication_short"), page, report):
        fields.setdefault("venue_short", short)
    if (parts := dates.read_date(meta.get("date"))) and "year" not in fields:
        fields["year"] = str(parts[0])
    if doi := rules.bare_doi(str(meta.get("doi") or "")):
        fields.setdefault("doi", doi)
    if meta.get("featured") or meta.get("selected"):
        fields["selected"] = "true"
    if meta.get("tags"):
        fields.setdefault("keywords", ", ".join(map(str, meta["tags"])))
    if meta.get("abstract"):
        fields.setdefault(
            "abstract", markup.to_plain(meta["abstract"], page.place("abstract"), report)
        )
    if body := " ".join(body_paragraphs(page, report)):
        fields["note" if "abstract" in fields else "abstract"] = body
    add_links(fields, page, site)


def owner_name(author: object, site: ImportedSite) -> str:
    return site.owner.name if str(author) == "admin" else str(author)


def clean_venue(value: object, page: Page, report: Report) -> str:
    text = markup.to_plain(value or "", page.place("publication"), report)
    return re.sub(r"^In\s+", "", text)


def add_links(fields: dict, page: Page, site: ImportedSite) -> None:
    for key, field in LINK_KEYS.items():
        link = str(page.meta.get(key) or "").strip()
        if not link or field in fields:
            continue
        if link.startswith(("http://", "https://")):
            fields[field] = link
            continue
        found, address = site_file(
            link, site.source, ("static",), site.owner.homepage, site.report, page.place(key)
        )
        if found is None:
            site.report.left_out(page.place(key), link, "no such file under static/")
            continue
        site.files[found] = f"_static/files/{found.name}"
        if address:
            fields[field] = address
    for number, link in enumerate(page.meta.get("links") or []):
        name = str(link.get("name") or "").casefold()
        field = name if name in {"dataset", "poster", "slides", "video", "code", "pdf"} else ""
        if field and field not in fields:
            fields[field] = str(link.get("url") or "")
        else:
            site.report.left_out(page.place("links").at(f"[{number}]"), link, "no field for it")


def event_section(site: ImportedSite) -> Section | None:
    found = []
    for path in sorted((site.source / "content").glob("**/event/*/index.md")):
        page = read_page(path, site.source, site.report)
        meta = page.meta
        if samples.sample_of(meta.get("title")):
            site.report.left_out(page.place("title"), meta["title"], "the template's sample")
            continue
        bullets = [markup.to_myst(meta[k], page.place(k), site.report)
                   for k in ("summary", "abstract") if meta.get(k)]  # fmt: skip
        if meta.get("event_url"):
            bullets.append(f"[{meta['event_url']}]({meta['event_url']})")
        bullets += body_paragraphs(page, site.report)
        entry = Entry(
            institution=markup.to_plain(meta.get("event") or "", page.place("event"), site.report),
            role=markup.to_plain(meta["title"], page.place("title"), site.report),
            dates=dates.one_date(meta.get("date"), page.place("date"), site.report),
            place=markup.to_plain(meta.get("location") or "", page.place("location"), site.report),
            bullets=bullets,
        )
        found.append((str(meta.get("date") or ""), entry))
        used = {"title", "event", "event_url", "location", "summary", "abstract", "date"}
        rest_reported(meta, used, site.report, MACHINERY, page.place)
    site.report.count("talk", len(found))
    entries = [entry for _, entry in sorted(found, key=lambda pair: pair[0], reverse=True)]
    return Section("Talks", "talks", entries=entries) if entries else None
