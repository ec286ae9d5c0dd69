"""JSON Resume (resume.json) into the model: the owner from `basics`, a section per array
(work, education, awards, ...), publications as BibTeX entries.

Read as real files are written (tests/import_corpus/alfolio-and-jsonresume.md, 3c): comments
and trailing commas (json5), a byte-order mark, the keys of before 2017 and 2020 (`picture`,
`website`, `company`), dates that are free text, `Present`, `""` or missing. A file written by
`cvsite export jsonresume` carries `x-cvsite` keys (the pages, the dates as written, ...):
they are read first, so that such a file gives back the site it came from. The sections are
read in jsonresume_sections.py, the publications in jsonresume_publications.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import json5

from cvsite.config.profiles import url_problem
from cvsite.importers import markup, profile_links, samples
from cvsite.importers.formats import SourceError
from cvsite.importers.jsonresume_publications import add_publications
from cvsite.importers.jsonresume_sections import add_sections, extra_of, report_unread
from cvsite.importers.model import ImportedSite
from cvsite.importers.report import Place, Report

NAME = "jsonresume"
LOOKS_FOR = "a .json file with a `basics` object"
EXTRA = "x-cvsite"  # the key of what `cvsite export jsonresume` keeps beyond the schema
# Keys of the schema's generations before v1.0.0 -> their names now.
LEGACY_BASICS = {"picture": "image", "website": "url"}
BASICS_READ = {"name", "label", "image", "email", "url", "summary", "location", "profiles",
               "phone", EXTRA}  # fmt: skip
TOP_LEVEL_UNREAD = {"$schema": "the schema's address", "meta": "JSON Resume's own metadata"}
JSON5_ERROR = re.compile(r"^<string>:(\d+) (.*)$", re.DOTALL)
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"}


def resume_file(source: Path) -> Path | None:
    """The JSON file: the source itself, or a folder's resume.json (or its one .json file)."""
    if source.is_dir():
        found = sorted(source.glob("*.json"))
        named = source / "resume.json"
        return named if named.is_file() else (found[0] if len(found) == 1 else None)
    return source if source.suffix.lower() == ".json" else None


def recognise(source: Path) -> bool:
    path = resume_file(source)
    if path is None or not path.is_file():
        return False
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = json5.loads(text)
    except (UnicodeDecodeError, OSError):
        return False
    except (ValueError, RecursionError):
        return '"basics"' in text  # a resume that is not JSON: read() says on which line
    return isinstance(data, dict) and isinstance(data.get("basics"), dict)


def load(source: Path) -> dict:
    """The file's object: JSON, or JSON with comments and trailing commas (json5); a UTF-8
    byte-order mark is skipped. SourceError with the line where it cannot be read."""
    try:
        text = source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{source}: byte {error.start} is not UTF-8; save the file as UTF-8 and import again"
        ) from None
    try:
        data = json5.loads(text)
    except (ValueError, RecursionError) as error:
        found = JSON5_ERROR.match(str(error))
        line, what = (found.group(1), found.group(2)) if found else ("1", str(error))
        raise SourceError(
            f"{source}:{line}: {what}; this is not JSON (a missing comma or quote?): correct "
            "the file and import again"
        ) from None
    if not isinstance(data, dict):
        raise SourceError(f"{source}:1: the file is not a JSON object; a resume.json is one")
    return data


def read(source: Path, report: Report) -> ImportedSite:
    source = resume_file(source) or source
    data = load(source)
    site = ImportedSite(NAME, source, report)
    place = Place(source.name)
    for key, why in TOP_LEVEL_UNREAD.items():
        value = data.get(key)
        for name, part in value.items() if isinstance(value, dict) else [("", value)]:
            if part not in (None, "", [], {}):
                where = place.at(key).at(name) if name else place.at(key)
                report.left_out(where, part, f"{why}; no page shows it")
    fill_from_resume(site, data, place, source.parent)
    return site


def sample_person(data: dict) -> str:
    """The template whose sample person this resume is ("" when it is someone's own)."""
    basics = data.get("basics")
    return samples.sample_of(basics.get("name", "")) if isinstance(basics, dict) else ""


def fill_from_resume(site: ImportedSite, data: dict, place: Place, base: Path) -> None:
    """A resume's content added to `site`: the owner's fields still empty filled, its sections
    appended, its publications added. `base` is the folder a local image is looked up in.
    SourceError when the whole resume is a template's sample person."""
    if template := sample_person(data):
        raise SourceError(
            f"{place.file}: this resume.json is the template's sample ({template}'s sample "
            f"person, {data['basics'].get('name')}), not yours; put your own data in it, or "
            "import the source that holds yours"
        )
    report = site.report
    if isinstance(data.get("basics"), dict):
        read_basics(site, data["basics"], place.at("basics"), base)
    elif data.get("basics"):
        report.left_out(place.at("basics"), data["basics"], "basics is not an object")
    add_sections(site, data, place)
    add_publications(site, data.get("publications"), place.at("publications"))
    known = {"basics", "publications", *TOP_LEVEL_UNREAD}
    report_unread(data, known | set(SECTION_KEYS), place, report)


SECTION_KEYS = ("work", "volunteer", "education", "awards", "certificates", "skills",
                "languages", "interests", "references", "projects", EXTRA)  # fmt: skip


def legacy(item: dict, renames: dict[str, str], place: Place, report: Report) -> dict:
    """The item with the keys of before 2017 / 2020 under their names now (reported)."""
    item = dict(item)
    for old, new in renames.items():
        if old in item and item[old] not in (None, ""):
            report.changed(place.at(old), item[old], f"a key of before 2017/2020; read as {new}")
            if not item.get(new):
                item[new] = item[old]
        item.pop(old, None)
    return item


def fill_setting(site: ImportedSite, attribute: str, value: str, place: Place) -> None:
    """An owner's setting from this file, unless the site's other files gave it already (an
    al-folio site's _config.yml): then a different value here is reported, not lost."""
    given = getattr(site.owner, attribute)
    if not given:
        setattr(site.owner, attribute, value)
    elif value and value != given:
        site.report.left_out(place, value, f"cv_{attribute} is {given!r}, from the site's files")


def read_basics(site: ImportedSite, basics: dict, place: Place, base: Path) -> None:
    report, owner = site.report, site.owner
    basics = legacy(basics, LEGACY_BASICS, place, report)
    extra = extra_of(basics)

    def line(key: str) -> str:
        return markup.to_plain(basics.get(key) or "", place.at(key), report)

    for attribute, key in (("name", "name"), ("position", "label"), ("email", "email"),
                           ("homepage", "url")):  # fmt: skip
        fill_setting(site, attribute, line(key), place.at(key))
    owner.affiliation = owner.affiliation or str(extra.get("affiliation", ""))
    owner.name_variants += [v for v in extra.get("nameVariants", []) if isinstance(v, str)]
    owner.keywords += [k for k in extra.get("keywords", []) if isinstance(k, str)]
    if summary := basics.get("summary"):
        owner.about += [
            markup.to_myst(part, place.at("summary"), report) for part in paragraphs(summary)
        ]
    read_image(site, basics.get("image"), place.at("image"), base)
    read_location(basics.get("location"), place.at("location"), report)
    if basics.get("phone"):
        report.left_out(place.at("phone"), basics["phone"], "a phone number is not published")
    if isinstance(basics.get("profiles"), list):
        read_profiles(site, basics["profiles"], place.at("profiles"))
    for key in sorted(set(basics) - BASICS_READ, key=str):
        if basics[key] not in (None, "", [], {}):
            report.left_out(place.at(key), basics[key], "not a key of JSON Resume's basics")


def paragraphs(text: object) -> list[str]:
    """A summary's paragraphs: split at blank lines, or at each line break where it has no
    blank line (a `\\n` in a JSON string is the writer's paragraph break)."""
    value = str(text).strip()
    parts = re.split(r"\n\s*\n", value) if re.search(r"\n\s*\n", value) else value.split("\n")
    return [part.strip() for part in parts if part.strip()]


def read_image(site: ImportedSite, image: object, place: Place, base: Path) -> None:
    if not image or not isinstance(image, str):
        return
    if urlsplit(image).scheme in ("http", "https"):
        site.report.left_out(
            place, image, "a photo on another site is not downloaded; save it as "
            "docs/_static/photo.jpg and set cv_photo"
        )  # fmt: skip
        return
    path = (base / image.lstrip("/")).resolve()
    if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
        if site.owner.photo is None:
            site.owner.photo = path
            site.report.count("photo")
        return
    site.report.left_out(place, image, f"no image file {path} next to the resume")


def read_location(location: object, place: Place, report: Report) -> None:
    """An address is the owner's to publish or not: reported, never put on a page."""
    if isinstance(location, dict):
        for key, value in location.items():
            if value not in (None, ""):
                report.left_out(
                    place.at(key),
                    value,
                    "an address is not published; add it to a page if you want it shown",
                )
    elif location:
        report.left_out(
            place, location, "an address is not published; add it to a page if you want it shown"
        )


def read_profiles(site: ImportedSite, profiles: list, place: Place) -> None:
    for number, profile in enumerate(profiles):
        where = place.at(f"[{number}]")
        if not isinstance(profile, dict):
            site.report.left_out(where, profile, "a profile is an object (network, url)")
            continue
        read_profile(site, profile, where)


def same_address(known: str | dict[str, str], url: str) -> bool:
    address = known if isinstance(known, str) else known.get("url", "")
    return address.rstrip("/").casefold() == url.rstrip("/").casefold()


def read_profile(site: ImportedSite, profile: dict, place: Place) -> None:
    report, owner = site.report, site.owner
    network = str(profile.get("network") or "").strip()
    user = str(profile.get("username") or "").strip()
    url = str(profile.get("url") or "").strip()
    extra = extra_of(profile)
    kind = profile_links.network_kind(network) or (profile_links.kind_of_url(url) if url else "")
    kind = extra.get("key", kind) if extra.get("key") in profile_links.ADDRESSES else kind
    if not url and user:
        url = profile_links.address(kind, user)
        if url:
            report.changed(place.at("username"), user, f"no url; the address made from it: {url}")
    if problem := url_problem(f"the profile {network or '(no network)'}", url):
        report.left_out(place, network or user or url or "(empty)", problem)
        return
    if kind and kind not in owner.profiles:
        owner.profiles[kind] = url
    elif kind and same_address(owner.profiles[kind], url):
        return  # the site's own settings name it already (al-folio's socials.yml)
    else:
        key = unique_key(
            extra.get("key") or slug(network or urlsplit(url).hostname or "link"), owner.profiles
        )
        label = network or urlsplit(url).hostname or url
        owner.profiles[key] = {"url": url, "label": label, "icon": "fa-solid fa-link"}
        if extra.get("image"):
            report.changed(
                place.at(f"{EXTRA}.image"),
                extra["image"],
                "the icon's file is not in the resume; a link icon is shown",
            )
    site.report.count("profile")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "link"


def unique_key(key: str, taken: dict) -> str:
    base, number = key, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key
