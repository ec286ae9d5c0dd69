"""al-folio (a Jekyll theme): the owner from `_config.yml`, `_data/socials.yml` and
`_pages/about.md`, the papers of `_bibliography/` (alfolio_bib.py), the CV (alfolio_cv.py) and
the news of `_news/`. tests/import_corpus/alfolio-and-jsonresume.md lists what real sites hold.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from cvsite.importers import markup, profile_links, samples
from cvsite.importers.alfolio_bib import read_bibliography
from cvsite.importers.alfolio_cv import Doc, load_front_matter, load_yaml, read_cv
from cvsite.importers.formats import SourceError
from cvsite.importers.model import ImportedSite, NewsItem
from cvsite.importers.report import Place, Report

NAME = "al-folio"
LOOKS_FOR = (
    "a folder with _config.yml and _bibliography/, _data/cv.yml, assets/json/resume.json or _news/"
)
MARKS = ("_bibliography", "_data/cv.yml", "assets/json/resume.json", "_news")
CONFIG = "_config.yml"
SOCIALS = "_data/socials.yml"
ABOUT = "_pages/about.md"
THEME = "theme settings of al-folio; cvsite has its own"
# _config.yml's keys that are the owner's (the rest is the theme's settings).
OWNER_KEYS = {"first_name", "middle_name", "last_name", "email", "url", "baseurl", "title",
              "description", "keywords", "contact_note", "scholar"}  # fmt: skip
# al-folio's social keys (in _config.yml before socials.yml took them) -> cv_profiles kind.
PROFILE_KINDS = {
    "scholar_userid": "google-scholar", "orcid_id": "orcid", "github_username": "github",
    "linkedin_username": "linkedin", "x_username": "x", "twitter_username": "x",
    "research_gate_profile": "researchgate", "semanticscholar_id": "semantic-scholar",
    "dblp_url": "dblp", "bluesky_url": "bluesky", "mastodon_username": "mastodon",
}  # fmt: skip
OTHER_SOCIALS = {
    "acm_id", "blogger_url", "discord_id", "facebook_id", "flickr_id", "gitlab_username",
    "ieee_id", "inspirehep_id", "instagram_id", "kaggle_id", "keybase_username", "lastfm_id",
    "lattes_id", "leetcode_id", "medium_username", "osf_id", "pinterest_id", "publons_id",
    "quora_username", "scopus_id", "spotify_id", "stackoverflow_id", "telegram_username",
    "unsplash_id", "wechat_qr", "whatsapp_number", "wikidata_id", "wikipedia_id", "work_url",
    "youtube_id", "zotero_username", "cv_pdf",
}  # fmt: skip
NEWS_KEYS = {"layout", "inline", "related_posts", "date", "title"}
# jemoji's shortcodes (:tada:): dropped, as no font of the PDF draws emoji.
EMOJI_CODE = re.compile(r"(?<!\S):[a-z0-9_+-]+:(?!\S)")
NEWS_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$", re.MULTILINE)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def recognise(source: Path) -> bool:
    try:
        return (
            source.is_dir()
            and (source / CONFIG).is_file()
            and any((source / mark).exists() for mark in MARKS)
        )
    except OSError:
        return False


def read(source: Path, report: Report) -> ImportedSite:
    config = load_yaml(source, CONFIG)
    if not isinstance(config.data, dict):
        raise SourceError(f"{CONFIG}:1: not a mapping of settings; is this an al-folio site?")
    site = ImportedSite(NAME, source, report)
    read_owner(site, config)
    read_homepage(site, source, config)
    socials = load_yaml(source, SOCIALS) if (source / SOCIALS).is_file() else None
    for doc in (config, socials):
        if doc is not None and isinstance(doc.data, dict):
            read_socials(site, doc, in_config=doc is config)
    report_theme(config, report)
    if (source / ABOUT).is_file():
        read_about(site, source)
    read_bibliography(site, source, config.data.get("scholar") or {})
    read_cv(site, source)
    read_news(site, source)
    return site


# --- _config.yml ----------------------------------------------------------------------------


def read_owner(site: ImportedSite, config: Doc) -> None:
    data, report, owner = config.data, site.report, site.owner
    parts = [str(data.get(key) or "").strip() for key in ("first_name", "middle_name", "last_name")]
    name = markup.to_plain(" ".join(p for p in parts if p), config.place("first_name"), report)
    if samples.sample_of(name) == "al-folio":
        raise SourceError(
            f"{config.place('first_name')}: the owner's name is {name!r}: the config still holds "
            "the template's sample name; set first_name and last_name to yours and import again"
        )
    owner.name = name
    if email := str(data.get("email") or "").strip():
        keep_email(site, email, config.place("email"))
    title = str(data.get("title") or "").strip()
    if title and title.casefold() != "blank":
        report.left_out(config.place("title"), title, "the site's title; cvsite titles it with "
                        "the owner's name")  # fmt: skip
    description = data.get("description")
    if description and not left_as_sample(description, config.place("description"), report):
        report.left_out(
            config.place("description"),
            description,
            "the site's description; cvsite describes each page from the owner's name and position",
        )
    keywords = data.get("keywords")
    if keywords and not left_as_sample(keywords, config.place("keywords"), report):
        listed = keywords if isinstance(keywords, list) else str(keywords).split(",")
        owner.keywords = [str(k).strip() for k in listed if str(k).strip()]
    if note := data.get("contact_note"):
        report.left_out(
            config.place("contact_note"),
            note,
            "a note beside the contact icons; "
            "cvsite has no place for it: add it to the home page if you want it",
        )
    read_name_variants(site, config, parts[0], parts[2])


def left_as_sample(value: object, place: Place, report: Report) -> bool:
    if template := samples.sample_of(value):
        report.left_out(place, value, f"{template}'s sample text; not imported")
        return True
    return False


def keep_email(site: ImportedSite, email: str, place: Place) -> None:
    if samples.is_sample_profile_value(email):
        site.report.left_out(place, email, "al-folio's sample e-mail address; not imported")
    elif not site.owner.email:
        site.owner.email = email
    elif email.casefold() != site.owner.email.casefold():
        site.report.left_out(place, email, f"a second e-mail address; {site.owner.email} is kept")


def read_name_variants(site: ImportedSite, config: Doc, first: str, last: str) -> None:
    """scholar.first_name x scholar.last_name: the spellings jekyll-scholar marks as the owner,
    as "First Last"; the sample's Einstein and first names of another initial reported."""
    scholar = config.data.get("scholar") or {}
    report = site.report
    kept: dict[str, list[str]] = {}
    for key, own in (("first_name", first), ("last_name", last)):
        values = scholar.get(key) or []
        values = values if isinstance(values, list) else [values]
        kept[key] = []
        for number, value in enumerate(values):
            spelling, place = str(value).strip(), config.place(f"scholar.{key}[{number}]")
            if (
                spelling.casefold() in {"einstein", "albert"}
                and own.casefold() != spelling.casefold()
            ):
                report.left_out(place, spelling, "al-folio's sample person's name; not imported")
            elif key == "first_name" and own and spelling[:1].casefold() != own[:1].casefold():
                report.left_out(place, spelling, f"does not match the first name {own}; not "
                                "imported as a spelling of yours")  # fmt: skip
            elif spelling:
                kept[key].append(spelling)
    own_names = {site.owner.name.casefold(), f"{first} {last}".casefold()}
    for surname in kept["last_name"]:
        for given in kept["first_name"]:
            variant = f"{given} {surname}"
            if variant.casefold() not in own_names and variant not in site.owner.name_variants:
                site.owner.name_variants.append(variant)


def read_homepage(site: ImportedSite, source: Path, config: Doc) -> None:
    """url + baseurl; a CNAME file is the live host (a conflict with url is reported)."""
    url = str(config.data.get("url") or "").strip().rstrip("/")
    base = str(config.data.get("baseurl") or "").strip().strip("/")
    if url and not url.startswith(("https://", "http://")):
        site.report.changed(config.place("url"), url, f"no scheme; read as https://{url}")
        url = f"https://{url}"
    cname = source / "CNAME"
    if cname.is_file():
        lines = cname.read_text(encoding="utf-8-sig").split()
        host = lines[0].removeprefix("https://").removeprefix("http://").strip("/") if lines else ""
        if host and host.casefold() != (urlsplit(url).hostname or "").casefold():
            if url:
                site.report.changed(
                    config.place("url"), url,
                    f"the CNAME file names {host}, the address the site is published at; "
                    "the homepage is read from it",
                )  # fmt: skip
            url = f"https://{host}"
    site.owner.homepage = f"{url}/{base}" if url and base else url


def report_theme(config: Doc, report: Report) -> None:
    """The theme's settings, reported once as a block (each is not the owner's)."""
    theme = [
        key
        for key in config.data
        if key not in OWNER_KEYS and key not in PROFILE_KINDS and key not in OTHER_SOCIALS
    ]
    scholar = config.data.get("scholar") or {}
    theme += [f"scholar.{key}" for key in scholar if key not in {"first_name", "last_name"}]
    if theme:
        report.left_out(config.place(), ", ".join(theme), THEME)


# --- social links -------------------------------------------------------------------------


def read_socials(site: ImportedSite, doc: Doc, in_config: bool) -> None:
    report = site.report
    for key, value in doc.data.items():
        if in_config and key not in PROFILE_KINDS and key not in OTHER_SOCIALS:
            continue
        place = doc.place(str(key))
        if value is None or str(value).strip() == "":
            continue  # an empty key: a template's placeholder, not a link
        if key == "email":
            keep_email(site, str(value).strip(), place)
        elif samples.is_sample_profile_value(value) or (
            isinstance(value, dict) and samples.is_sample_profile_value(value.get("url"))
        ):
            report.left_out(place, value, "al-folio's sample profile; not imported")
        elif key == "cv_pdf":
            report.left_out(place, value, "a link to a PDF CV, not a profile; cvsite makes the "
                            "PDF CV itself")  # fmt: skip
        elif key == "rss_icon":
            report.left_out(place, value, THEME)
        elif key in PROFILE_KINDS:
            add_profile(site, PROFILE_KINDS[key], str(value).strip(), place)
        else:
            report.left_out(
                place,
                value,
                "a profile of a kind cv_profiles has no name for; add "
                'it to cv_profiles as {"url": ..., "label": ...} if you want it',
            )


def add_profile(site: ImportedSite, kind: str, value: str, place: Place) -> None:
    if kind == "google-scholar" and "user=" in value:
        written, value = value, parse_qs(urlsplit(value).query).get("user", [value])[0]
        site.report.changed(place, written, f"a Scholar address's part; its user id {value} kept")
    if kind == "mastodon" and "/@" in value and "://" not in value:
        value = f"https://{value}"  # al-folio writes instance.tld/@user
    url = profile_links.address(kind, value)
    if not url:
        site.report.left_out(place, value, "no address could be made from it")
        return
    site.owner.profiles[kind] = url
    site.report.count("profile link")


# --- _pages/about.md ------------------------------------------------------------------------


def read_about(site: ImportedSite, source: Path) -> None:
    doc, body = load_front_matter(source, ABOUT)
    report, owner, data = site.report, site.owner, doc.data
    profile = data.get("profile") if isinstance(data.get("profile"), dict) else {}
    if image := str(profile.get("image") or "").strip():
        photo = source / "assets" / "img" / image.lstrip("/").removeprefix("assets/img/")
        if photo.is_file():
            owner.photo = photo
            report.changed(doc.place("profile.image"), image, "copied as docs/_static/photo"
                           + photo.suffix.lower())  # fmt: skip
            report.count("photo")
        else:
            report.left_out(doc.place("profile.image"), image, "no such file under assets/img/")
    info = profile.get("more_info")
    if info and not left_as_sample(info, doc.place("profile.more_info"), report):
        report.left_out(
            doc.place("profile.more_info"), markup.to_plain(info, doc.place(), Report()),
            "the lines under the photo (an office, an address); cvsite has no setting for "
            "them: add them to the home page if you want them shown",
        )  # fmt: skip
    subtitle = data.get("subtitle")
    if subtitle and not left_as_sample(subtitle, doc.place("subtitle"), report):
        owner.position = markup.to_plain(subtitle, doc.place("subtitle"), report)
    layout = [k for k in data if k not in {"profile", "subtitle"}]
    layout += [f"profile.{k}" for k in profile if k not in {"image", "more_info"}]
    if layout:
        report.left_out(doc.place(), ", ".join(layout), "layout settings of al-folio's about "
                        "page; cvsite's home page has its own")  # fmt: skip
    if body.strip() and not left_as_sample(body.strip(), doc.place("body"), report):
        owner.about = paragraphs(body, doc.place("body"), report)


def paragraphs(body: str, place: Place, report: Report) -> list[str]:
    """A Markdown body as MyST paragraphs, each converted alone (markdownify would join them),
    that can stand in a list item or under the home page's heading: headings become bold
    lines, horizontal rules go."""
    blocks = PARAGRAPH_BREAK.split(RULE.sub("", HEADING.sub(r"**\1**", body)))
    converted = (markup.to_myst(block, place, report) for block in blocks if block.strip())
    return [text for text in converted if text]


# --- _news/ ---------------------------------------------------------------------------------


def read_news(site: ImportedSite, source: Path) -> None:
    folder = source / "_news"
    files = sorted(p for p in folder.glob("*") if p.suffix in {".md", ".markdown", ".html"})
    layout_keys: set[str] = set()
    for path in files if folder.is_dir() else []:
        relative = path.relative_to(source).as_posix()
        doc, body = load_front_matter(source, relative)
        layout_keys |= {k for k in doc.data if k not in {"date", "title"}}
        item = news_item(doc, body, path.name, site.report)
        if item is not None:
            site.news.append(item)
            site.report.count("news item")
    if layout_keys:
        site.report.left_out(Place("_news"), ", ".join(sorted(layout_keys)), "layout settings of "
                             "al-folio's news; cvsite lists news by date")  # fmt: skip


def news_item(doc: Doc, body: str, file_name: str, report: Report) -> NewsItem | None:
    title = str(doc.data.get("title") or "").strip()
    first = body.strip() or title
    if template := samples.sample_of(first) or samples.sample_of(title):
        written = f"{doc.data.get('date')}: {first}"
        report.left_out(doc.place(), written, f"{template}'s sample news item; not imported")
        return None
    day = news_day(doc.data.get("date")) or news_day(file_name)
    if not day:
        report.left_out(doc.place("date"), doc.data.get("date"), "no date could be read; "
                        "a news item needs its day")  # fmt: skip
        return None
    text = "\n\n".join(paragraphs(body, doc.place("body"), report))
    heading = markup.to_myst(title, doc.place("title"), report) if title else ""
    text = f"**{heading}**\n\n{text}" if heading and text else text or heading
    if codes := EMOJI_CODE.findall(text):
        report.changed(doc.place("body"), " ".join(codes), "emoji shortcodes dropped: the PDF's "
                       "fonts have no emoji")  # fmt: skip
        text = EMOJI_CODE.sub("", text).replace(" \n", "\n").strip()
    return NewsItem(day, text) if text else None


def news_day(value: object) -> str:
    """The day of a news item's date: a date YAML read, or text such as
    `2024-3-5 10:00:00-0400` (an offset without colon, which YAML leaves as text)."""
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    match = NEWS_DATE.match(str(value or "").strip())
    if not match:
        return ""
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return ""
