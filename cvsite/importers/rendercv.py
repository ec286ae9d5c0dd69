"""RenderCV (`*_CV.yaml`, every version from v0.5 to v2.8) and al-folio's RenderCV-style
`_data/cv.yml`: the `cv` mapping into the model.

The header (name, headline or al-folio's label, email, website, photo, social networks) fills
the owner; each of `sections` becomes a page, its entries read by their keys
(rendercv_entries.py), its publications turned into BibTeX (rendercv_publications.py).
RenderCV's own `design`, `locale` and settings are reported once, never imported.

Choices: a phone number is reported, not published (cvsite has no setting for it, and a
website is not the PDF one hands to someone); so is the owner's town (`location`) and
al-folio's postal `address`. A file still holding RenderCV's sample person is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cvsite.config.owner_values import email_problem, homepage_problem
from cvsite.importers import markup, profile_links, samples
from cvsite.importers.formats import SourceError
from cvsite.importers.model import ImportedSite
from cvsite.importers.report import Place, Report

NAME = "rendercv"
LOOKS_FOR = "a .yaml/.yml file with a top-level `cv` mapping (RenderCV's `*_CV.yaml`)"

# Top-level keys that only set RenderCV's PDF: v1's locale_catalog, v1.12-v2.3's
# rendercv_settings, v2.4's settings.
LAYOUT_KEYS = ("design", "locale", "locale_catalog", "rendercv_settings", "settings")
CHECKS = {"email": email_problem, "homepage": homepage_problem}  # as `cvsite new` checks them
LAYOUT_WHY = "RenderCV's own layout settings; cvsite has its own"
# RenderCV's networks that are not kinds of cv_profiles: their address, from RenderCV's table.
OTHER_NETWORKS = {
    "gitlab": ("GitLab", "https://gitlab.com/{}"),
    "stackoverflow": ("Stack Overflow", "https://stackoverflow.com/users/{}"),
    "youtube": ("YouTube", "https://youtube.com/@{}"),
    "instagram": ("Instagram", "https://instagram.com/{}"),
    "imdb": ("IMDb", "https://imdb.com/name/{}"),
    "telegram": ("Telegram", "https://t.me/{}"),
    "whatsapp": ("WhatsApp", "https://wa.me/{}"),
    "leetcode": ("LeetCode", "https://leetcode.com/u/{}"),
    "reddit": ("Reddit", "https://reddit.com/user/{}"),
}
OTHER_ICON = "fa-solid fa-link"
# Placeholders that templates ship in the header, never the owner's own.
# An e-mail address hidden from robots: "ada [at] example [dot] org".
OBFUSCATED = re.compile(r"\s*[\[({]\s*(?:at|dot)\s*[\])}]\s*", re.IGNORECASE)
PLACEHOLDERS = ("yourwebsite", "yourusername", "placeholder.com", "domain.tld", "[add ")


@dataclass
class Reading:
    """What reading one `cv` mapping needs besides the site: where its values are."""

    site: ImportedSite
    base: Path  # the folder the file's relative paths (photo) start from
    lines: dict[str, int] = field(default_factory=dict)  # key path -> line (1-based)
    bold_keywords: list[str] = field(default_factory=list)  # settings.bold_keywords
    present_words: set[str] = field(default_factory=set)  # locale.present ("laufend")

    @property
    def report(self) -> Report:
        return self.site.report

    def at(self, place: Place, key: str) -> Place:
        """The place of a value under `place`, with its line where the file's is known."""
        inner = place.at(key)
        return place.at(key, self.lines.get(inner.key, place.line))


def recognise(source: Path) -> bool:
    return cv_file(source) is not None


def cv_file(source: Path) -> Path | None:
    """The RenderCV file: SOURCE itself, or the one such file of a folder (a fixture's folder
    holds the file and its photo)."""
    if source.is_dir():
        found = [path for path in sorted(source.iterdir()) if cv_file(path)]
        return found[0] if len(found) == 1 else None
    if not (source.is_file() and source.suffix.lower() in {".yaml", ".yml"}):
        return None
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError, OSError):
        return None
    return source if isinstance(data, dict) and isinstance(data.get("cv"), dict) else None


def read(source: Path, report: Report) -> ImportedSite:
    if source.is_dir():
        source = cv_file(source) or source
        if source.is_dir():
            raise SourceError(f"{source}: no single RenderCV file (.yaml with `cv:`) in it")
    data, lines = load(source)
    if not isinstance(data, dict) or not isinstance(data.get("cv"), dict):
        raise SourceError(f"{source}:1: no `cv` mapping at the top; is this a RenderCV file?")
    cv = data["cv"]
    if sample := samples.sample_of(cv.get("name")):
        raise SourceError(
            f"{source}:{lines.get('cv.name', 1)}: the name is {cv['name']!r}, {sample}'s "
            "sample person; put your own name and CV in the file and import again"
        )
    site = ImportedSite(NAME, source, report)
    reading = Reading(site, source.parent, lines)
    top = Place(source.name)
    read_layout(data, reading, top)
    for key, value in data.items():
        if key != "cv" and key not in LAYOUT_KEYS:
            reading.report.left_out(reading.at(top, str(key)), value, "not a RenderCV key")
    fill(reading, cv, reading.at(top, "cv"))
    return site


def load(source: Path) -> tuple[object, dict[str, int]]:
    """The file's data, and the line of each key path (yaml.compose keeps them)."""
    try:
        text = source.read_text(encoding="utf-8-sig")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except UnicodeDecodeError as error:
        raise SourceError(f"{source}: not UTF-8 text ({error}); save it as UTF-8") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise SourceError(
            f"{source}:{line}: not valid YAML ({error.problem or error}); correct it there "
            "and import again"
        ) from None
    if node is None:
        return None, {}
    data = yaml.SafeLoader("").construct_document(node)
    lines: dict[str, int] = {}
    node_lines(node, "", lines)
    return data, lines


def node_lines(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(key.value)
            node_lines(value, f"{path}.{name}" if path else name, lines)
            lines[f"{path}.{name}" if path else name] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for number, value in enumerate(node.value):
            node_lines(value, f"{path}[{number}]", lines)


def read_layout(data: dict, reading: Reading, top: Place) -> None:
    """RenderCV's design, locale and settings: reported once each; only the owner's bold
    spellings and the locale's word for "present" are read, to read the CV itself."""
    for key in LAYOUT_KEYS:
        value = data.get(key)
        if value is None:
            continue
        reading.report.left_out(reading.at(top, key), f"{key}: …", LAYOUT_WHY)
        if not isinstance(value, dict):
            continue
        bold = value.get("bold_keywords")
        if isinstance(bold, list):
            reading.bold_keywords += [str(word) for word in bold if word]
        present = value.get("present")
        if isinstance(present, str) and present.strip():
            reading.present_words.add(present.strip().casefold())


def fill_from_cv(site: ImportedSite, cv: dict, place: Place, base: Path) -> None:
    """A RenderCV-style `cv` mapping (al-folio's `_data/cv.yml`) into `site`: the owner's
    fields still empty, its sections appended, its publications added. `place` is the `cv`
    mapping's; `base` the folder a relative photo/image starts from (al-folio's images also
    from base/assets/img). The template's sample person is reported, and nothing imported."""
    if sample := samples.sample_of(cv.get("name")):
        site.report.left_out(
            place.at("name"), cv.get("name"), f"{sample}'s sample CV; not imported"
        )
        return
    fill(Reading(site, base), cv, place)


def fill(reading: Reading, cv: dict, place: Place) -> None:
    from cvsite.importers import rendercv_entries  # the sections' reader imports this module

    handled = fill_owner(reading, cv, place)
    sections = cv.get("sections")
    if isinstance(sections, dict):
        rendercv_entries.read_sections(reading, sections, reading.at(place, "sections"))
    elif sections is not None:
        reading.report.left_out(reading.at(place, "sections"), sections, "not a mapping")
    # RenderCV before v0.5 wrote its sections (education, experience, ...) beside the header.
    early = {k: v for k, v in cv.items() if k not in handled and isinstance(v, list)}
    rendercv_entries.read_sections(reading, early, place)
    for key, value in cv.items():
        if key not in handled and key != "sections" and key not in early:
            report_leaves(reading, reading.at(place, str(key)), value, "not a RenderCV key")


def fill_owner(reading: Reading, cv: dict, place: Place) -> set[str]:
    """The header into site.owner, where the owner's field is still empty; the keys read."""
    report = reading.report
    text_fields = {"name": "name", "headline": "position", "label": "position"}
    for key, attribute in text_fields.items():
        if text(cv.get(key)):
            value = markup.to_plain(cv[key], reading.at(place, key), report)
            keep_or_report(reading, place, key, attribute, value)
    emails = as_list(cv.get("email"))
    if emails:
        keep_or_report(reading, place, "email" + ("[0]" * (len(emails) > 1)), "email", emails[0])
        for number, extra in enumerate(emails[1:], start=1):
            report.left_out(reading.at(place, f"email[{number}]"), extra, "cvsite shows one e-mail")
    websites = as_list(cv.get("website"))
    if websites:
        key = "website" + ("[0]" * (len(websites) > 1))
        keep_or_report(reading, place, key, "homepage", websites[0])
        for number, extra in enumerate(websites[1:], start=1):
            report.left_out(
                reading.at(place, f"website[{number}]"), extra, "cvsite has one homepage"
            )
    for key in ("phone", "location", "address"):
        if cv.get(key) not in (None, "", [], {}):
            why = {
                "phone": "cvsite has no phone setting: a website is public, so none is published",
                "location": "cvsite has no setting for the owner's town; add it to a page",
                "address": "cvsite has no setting for a postal address; add it to a page",
            }[key]
            report_leaves(reading, reading.at(place, key), cv[key], why)
    if text(cv.get("summary")):
        reading.site.owner.about.append(
            markup.to_myst(cv["summary"], reading.at(place, "summary"), report)
        )
    for key in ("photo", "image"):
        if text(cv.get(key)):
            read_photo(reading, reading.at(place, key), str(cv[key]).strip())
    read_networks(reading, cv.get("social_networks"), reading.at(place, "social_networks"))
    read_connections(reading, cv.get("custom_connections"), reading.at(place, "custom_connections"))
    return set(text_fields) | {"email", "website", "phone", "location", "address", "summary"} | {
        "photo", "image", "social_networks", "custom_connections"
    }  # fmt: skip


def keep_or_report(reading: Reading, place: Place, key: str, attribute: str, value: str) -> None:
    """A header value into an owner field still empty; a placeholder or a second value
    (al-folio's own settings came first) reported."""
    owner, where = reading.site.owner, reading.at(place, key)
    value = str(value).strip()
    if attribute == "email" and OBFUSCATED.search(value):
        reading.report.changed(where, value, "written as an e-mail address again")
        value = OBFUSCATED.sub(lambda m: "@" if "a" in m.group(0).casefold() else ".", value)
    if any(mark in value.casefold() for mark in PLACEHOLDERS):
        reading.report.left_out(where, value, "a template's placeholder; not imported")
    elif attribute in CHECKS and (problem := CHECKS[attribute](value)):
        reading.report.left_out(where, value, problem)
    elif not getattr(owner, attribute):
        setattr(owner, attribute, value)
    elif getattr(owner, attribute) != value:
        reading.report.left_out(where, value, f"the owner's {attribute} is set already")


def read_photo(reading: Reading, place: Place, value: str) -> None:
    if value.startswith(("http://", "https://")):
        reading.report.left_out(place, value, "a photo on the web is not downloaded; save it")
        return
    for candidate in (reading.base / value, reading.base / "assets" / "img" / value):
        if candidate.is_file():
            if reading.site.owner.photo is None:
                reading.site.owner.photo = candidate.resolve()
            return
    reading.report.left_out(place, value, f"no such file next to {reading.base}; no photo")


def read_networks(reading: Reading, networks: object, place: Place) -> None:
    """social_networks [{network, username}]: cv_profiles' kinds, or RenderCV's other
    networks as a profile of their own (label, address, a link icon)."""
    profiles, report = reading.site.owner.profiles, reading.report
    for number, item in enumerate(networks if isinstance(networks, list) else []):
        where = reading.at(place, f"[{number}]")
        if not isinstance(item, dict):
            report.left_out(where, item, "not a {network, username} pair")
            continue
        network, user = str(item.get("network") or ""), str(item.get("username") or "").strip()
        kind = profile_links.network_kind(network)
        name = "".join(network.casefold().replace("-", "").split())
        url = profile_links.address(kind, user) if kind else ""
        if not kind and name in OTHER_NETWORKS and user:
            label, template = OTHER_NETWORKS[name]
            kind, url = name, template.format(user)
        if any(mark in user.casefold() for mark in PLACEHOLDERS):
            report.left_out(where.at("username"), f"{network}: {user}", "a template's placeholder")
        elif not url:
            report.left_out(where.at("username"), f"{network}: {user}", "no network RenderCV knows")
        elif kind in profiles:
            report.left_out(where.at("username"), f"{network}: {user}", "a second " + network)
        else:
            label = OTHER_NETWORKS.get(kind, ("", ""))[0]
            profiles[kind] = {"url": url, "label": label, "icon": OTHER_ICON} if label else url
        for key in set(item) - {"network", "username"}:
            report_leaves(reading, where.at(str(key)), item[key], "not a RenderCV key")


def read_connections(reading: Reading, connections: object, place: Place) -> None:
    """v2.4's custom_connections [{placeholder, url, fontawesome_icon}]: a profile."""
    profiles, report = reading.site.owner.profiles, reading.report
    for number, item in enumerate(connections if isinstance(connections, list) else []):
        where = reading.at(place, f"[{number}]")
        if not isinstance(item, dict) or not text(item.get("url")):
            report_leaves(reading, where, item, "a line without a link; cvsite's header has none")
            continue
        url, label = str(item["url"]).strip(), str(item.get("placeholder") or item["url"])
        kind = profile_links.kind_of_url(url) or "link-" + str(number + 1)
        if kind in profiles:
            report.left_out(where.at("url"), url, "a second profile of this kind")
            continue
        profiles[kind] = url if kind in profile_links.ADDRESSES or kind == "mastodon" else {
            "url": url, "label": label, "icon": OTHER_ICON
        }  # fmt: skip
        if text(item.get("fontawesome_icon")):
            report.changed(
                where.at("fontawesome_icon"), item["fontawesome_icon"], "shown as a link"
            )


def report_leaves(reading: Reading, place: Place, value: object, why: str) -> None:
    """Each value under `place` reported with its own key path (and line)."""
    if isinstance(value, dict):
        for key, inner in value.items():
            report_leaves(reading, reading.at(place, str(key)), inner, why)
    elif isinstance(value, list):
        for number, inner in enumerate(value):
            report_leaves(reading, reading.at(place, f"[{number}]"), inner, why)
    elif text(value):
        reading.report.left_out(place, value, why)


def text(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def as_list(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in values if text(v)]
