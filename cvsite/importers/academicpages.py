"""academicpages (Jekyll, Minimal Mistakes): the owner from `_config.yml`'s `author:` block, a
BibTeX entry per `_publications/` file, Talks and Teaching sections from `_talks/` and
`_teaching/`, the CV's sections from `_pages/cv.md`, the home page's text from `_pages/about.md`.

Publications carry no authors list: the authors are read from the formatted `citation` only
where it has one reading (`Okafor, A., Lind, B. (2021). ...`); otherwise the entry has none,
and the report says so. The template's sample pages are reported, never imported.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from cvsite.importers import dates, markup, profile_links, samples
from cvsite.importers.academicpages_publications import (
    MACHINERY,
    SAMPLE_HOST,
    SAMPLE_PAGE,
    paragraphs,
    read_publications,
)
from cvsite.importers.formats import SourceError
from cvsite.importers.front_matter import Page, read_page, rest_reported
from cvsite.importers.model import Entry, ImportedSite, Item, Owner, Section, kind_of_title
from cvsite.importers.report import Place, Report

NAME = "academicpages"
LOOKS_FOR = "a folder with _config.yml and _publications/ or _pages/cv.md (no _bibliography/)"

# Author keys that are not links to a profile.
PERSON_KEYS = {"name", "avatar", "bio", "location", "employer", "affiliation", "email", "uri"}
PERSON_WHY = {
    "pronouns": "cvsite has no setting for pronouns",
    "location": "cvsite has no setting for the owner's place",
}
LOOP = re.compile(
    r"(?:<ul>\s*)?\{%\s*for\s+\w+\s+in\s+site\.(\w+)[^%]*%\}.*?\{%\s*endfor\s*%\}\s*(?:</ul>)?",
    re.DOTALL,
)
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
SETEXT = re.compile(r"^(?:=+|-{3,})\s*$")
BULLET = re.compile(r"^[*+-]\s+")


def recognise(source: Path) -> bool:
    try:
        return (
            (source / "_config.yml").is_file()
            and ((source / "_publications").is_dir() or (source / "_pages/cv.md").is_file())
            and not (source / "_bibliography").exists()
        )
    except OSError:
        return False


def read(source: Path, report: Report) -> ImportedSite:
    config = read_config(source)
    site = ImportedSite(NAME, source, report, read_owner(source, config, report))
    about = source / "_pages/about.md"
    if about.is_file():
        page = read_page(about, source, report)
        rest_reported(page.meta, set(), report, MACHINERY, page.place)
        site.owner.about += paragraphs(page.body, page, report)
    read_publications(site)
    cv = source / "_pages/cv.md"
    if cv.is_file():
        site.sections += cv_sections(read_page(cv, source, report), report)
    for folder, title in (("_talks", "Talks"), ("_teaching", "Teaching")):
        if section := collection_section(site, folder, title):
            site.sections.append(section)
    for post in sorted((source / "_posts").glob("*")):
        report.left_out(Place(post.relative_to(source).as_posix()), post.name, "a blog post")
    if (source / "_data/cv.json").is_file():
        report.left_out(Place("_data/cv.json"), "(the file)", "not read: the CV is _pages/cv.md")
    return site


def read_config(source: Path) -> dict:
    try:
        data = yaml.safe_load((source / "_config.yml").read_text(encoding="utf-8-sig"))
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise SourceError(
            f"_config.yml:{line}: not valid YAML ({error.problem}); correct it and import again"
        ) from None
    return data if isinstance(data, dict) else {}


def read_owner(source: Path, config: dict, report: Report) -> Owner:
    where = Place("_config.yml", key="author")
    author = config.get("author") or {}
    name = markup.to_plain(author.get("name", ""), where.at("name"), report)
    if not name or samples.sample_of(name):
        raise SourceError(
            f"_config.yml: author.name is {name!r}, the template's sample; put your name "
            "there and import again"
        )
    owner = Owner(name=name, affiliation=author.get("employer") or author.get("affiliation") or "")
    owner.email = read_email(author.get("email"), where.at("email"), report)
    read_bio(owner, author.get("bio"), where.at("bio"), report)
    owner.photo = read_avatar(source, author.get("avatar"), where.at("avatar"), report)
    owner.homepage = read_homepage(source, config, author.get("uri"), report)
    read_profiles(owner, author, where, report)
    for key, value in config.items():
        if key not in {"author", "url", "baseurl"} and value not in (None, "", [], {}):
            why = "the template's sample" if samples.sample_of(value) else MACHINERY
            why = "the template's own repository" if value == REPOSITORY else why
            report.left_out(Place("_config.yml", key=key), value, why)
    return owner


REPOSITORY = "academicpages/academicpages.github.io"


def read_email(value: object, place: Place, report: Report) -> str:
    text = str(value or "").strip()
    plain = re.sub(r"\s*[(\[]\s*at\s*[)\]]\s*", "@", text, flags=re.IGNORECASE)
    plain = re.sub(r"\s*[(\[]\s*dot\s*[)\]]\s*", ".", plain, flags=re.IGNORECASE).rstrip(".")
    if plain != text:
        report.changed(place, text, f"written out as {plain}")
    if plain and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", plain):
        report.left_out(place, text, "not an e-mail address")
        return ""
    return plain


def read_bio(owner: Owner, bio: object, place: Place, report: Report) -> None:
    """A short bio is the owner's position; a long one, the home page's first paragraph."""
    if not bio:
        return
    if samples.sample_of(bio):
        report.left_out(place, bio, "the template's sample")
        return
    text = markup.to_plain(bio, place, report)
    if len(text) <= 100:
        owner.position = text
    else:
        owner.about.append(markup.to_myst(bio, place, report))


def read_avatar(source: Path, avatar: object, place: Place, report: Report) -> Path | None:
    if not avatar:
        return None
    photo = source / "images" / str(avatar).lstrip("/").removeprefix("images/")
    if photo.is_file():
        report.changed(place, avatar, f"copied to docs/_static/photo{photo.suffix.lower()}")
        return photo
    report.left_out(place, avatar, "no such file under images/ (an address is not downloaded)")
    return None


def read_homepage(source: Path, config: dict, uri: object, report: Report) -> str:
    url = str(config.get("url") or "").rstrip("/") + str(config.get("baseurl") or "")
    cname = source / "CNAME"
    if cname.is_file() and (domain := cname.read_text(encoding="utf-8").strip()):
        if url:
            report.changed(Place("_config.yml", key="url"), url, f"CNAME names {domain}")
        return f"https://{domain}"
    if SAMPLE_HOST.match(url):
        report.left_out(Place("_config.yml", key="url"), url, "the template's own address")
        return str(uri or "")
    return url or str(uri or "")


def read_profiles(owner: Owner, author: dict, where: Place, report: Report) -> None:
    for key, value in author.items():
        if key in PERSON_KEYS or value in (None, ""):
            continue
        if key in PERSON_WHY:
            report.left_out(where.at(key), value, PERSON_WHY[key])
            continue
        text = str(value).strip()
        kind = profile_links.network_kind(key) or profile_links.kind_of_url(text)
        url = profile_links.address(kind, text) if kind else ""
        if url:
            owner.profiles[kind] = url
        else:
            report.left_out(
                where.at(key), value, "cv_profiles has no kind for it: add it to cv_profiles "
                'as {"url": ..., "label": ..., "icon": ...}',
            )  # fmt: skip


def collection_section(site: ImportedSite, folder: str, title: str) -> Section | None:
    found = []
    for path in sorted((site.source / folder).glob("*.md")):
        page = read_page(path, site.source, site.report)
        meta = page.meta
        if sample := samples.sample_of(meta.get("title")) or samples.sample_of(meta.get("venue")):
            site.report.left_out(
                page.place("title"), meta.get("title"), f"{SAMPLE_PAGE} ({sample})"
            )
            continue
        found.append((str(meta.get("date") or ""), collection_entry(page, site.report)))
        rest_reported(meta, {"title", "type", "venue", "date", "location"}, site.report,
                      MACHINERY, page.place)  # fmt: skip
    if not found:
        return None
    site.report.count("talk" if folder == "_talks" else "teaching entry", len(found))
    entries = [entry for _, entry in sorted(found, key=lambda pair: pair[0], reverse=True)]
    return Section(title, "teaching" if folder == "_teaching" else "talks", entries=entries)


def collection_entry(page: Page, report: Report) -> Entry:
    meta = page.meta
    role = markup.to_plain(meta.get("title", ""), page.place("title"), report)
    if kind := markup.to_plain(meta.get("type") or "", page.place("type"), report):
        role = f"{role} ({kind})"
    return Entry(
        institution=markup.to_plain(meta.get("venue") or "", page.place("venue"), report),
        role=role,
        dates=dates.one_date(meta.get("date"), page.place("date"), report),
        place=markup.to_plain(meta.get("location") or "", page.place("location"), report),
        bullets=paragraphs(page.body, page, report),
    )


def cv_sections(page: Page, report: Report) -> list[Section]:
    """_pages/cv.md's headings as sections; its Liquid loops over the collections reported,
    as those are imported from the collections themselves."""
    rest_reported(page.meta, set(), report, MACHINERY, page.place)
    body = LOOP.sub(lambda match: loop_reported(match, page, report), page.body)
    sections: list[Section] = []
    lines: list[str] = []
    title = str(page.meta.get("title") or "CV")
    raw = body.splitlines()
    underline = False
    for number, line in enumerate(raw):
        if underline:  # the ==== under a setext heading
            underline = False
            continue
        following = raw[number + 1] if number + 1 < len(raw) else ""
        heading = HEADING.match(line)
        underline = bool(line.strip() and SETEXT.match(following) and not BULLET.match(line))
        if heading or underline:
            sections += cv_section(title, lines, page, report)
            title, lines = (heading.group(1) if heading else line.strip()), []
        else:
            lines.append(line)
    return sections + cv_section(title, lines, page, report)


def loop_reported(match: re.Match[str], page: Page, report: Report) -> str:
    collection = match.group(1)
    where = "refs.bib" if collection == "publications" else f"the {collection.title()} page"
    report.changed(
        page.place(), match.group(0), f"a Liquid loop listing site.{collection}, imported "
        f"from _{collection}/ into {where}",
    )  # fmt: skip
    return ""


def cv_section(title: str, lines: list[str], page: Page, report: Report) -> list[Section]:
    section = Section(markup.to_plain(title, page.place(), report), kind_of_title(title))
    for block in cv_blocks(lines):
        text = markup.to_myst(block, page.place(), report)
        plain = markup.to_plain(block, Place(page.name), Report())
        if sample := samples.sample_of(plain):
            report.left_out(page.place(), block, f"{sample}'s sample")
        elif BULLET.match(block):
            section.items.append(Item(BULLET.sub("", text, count=1)))
        elif text:
            section.paragraphs.append(text)
    if section.is_empty():
        return []
    report.count("CV section")
    return [section]


def cv_blocks(lines: list[str]) -> list[str]:
    """Top-level list items (with their indented lines) and paragraphs."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if not line.strip():
            blocks.append([])
        elif BULLET.match(line):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return ["\n".join(dedent_items(block)) for block in blocks if block]


def dedent_items(block: list[str]) -> list[str]:
    if not BULLET.match(block[0]):
        return block
    return [block[0]] + [line[2:] if line.startswith("  ") else line for line in block[1:]]
