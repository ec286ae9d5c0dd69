"""`cv_profiles`: the owner's pages elsewhere (ORCID, GitHub, ...), read and checked once.

The navbar, the home page's header, the PDF's header and the home page's schema.org Person all
show the same list, in conf.py's order, from `profiles(config)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from sphinx.config import Config

SCHEMES = ("https", "http", "mailto")


@dataclass(frozen=True)
class Profile:
    key: str  # as conf.py names it
    label: str  # the accessible name, and the text of the PDF's line
    url: str
    icon: str = ""  # Font Awesome classes, drawn by cvsite.css (or Font Awesome itself)
    image: str = ""  # a file under docs/, for a site's own icon


# The kinds a site names with a URL alone. Every icon is drawn by static/cvsite.css
# (web/icons.py), under Font Awesome's name where Font Awesome has one.
KNOWN: dict[str, tuple[str, str]] = {
    "orcid": ("ORCID", "fa-brands fa-orcid"),
    "google-scholar": ("Google Scholar", "fa-brands fa-google-scholar"),
    "github": ("GitHub", "fa-brands fa-github"),
    "linkedin": ("LinkedIn", "fa-brands fa-linkedin"),
    "dblp": ("DBLP", "fa-brands fa-dblp"),
    "semantic-scholar": ("Semantic Scholar", "fa-brands fa-semantic-scholar"),
    "researchgate": ("ResearchGate", "fa-brands fa-researchgate"),
    "mastodon": ("Mastodon", "fa-brands fa-mastodon"),
    "bluesky": ("Bluesky", "fa-brands fa-bluesky"),
    "x": ("X", "fa-brands fa-x-twitter"),
}
OTHER_FORM = (
    '{"url": "https://...", "label": "Name", "image": "_static/icon.svg"} '
    '(or "icon": "fa-brands fa-python", a Font Awesome name, in place of "image")'
)


def url_problem(where: str, url: object) -> str | None:
    """A link a reader can follow: a full http(s) URL, or mailto:. Never javascript: or data:."""
    if not isinstance(url, str) or not url.strip():
        return f"{where} has no URL; give a full link such as https://example.org/you."
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not (parts.netloc or scheme == "mailto"):
        return (
            f"{where} is {url!r}, which is not a link a reader can follow; "
            "write a full URL starting with https://, http:// or mailto:."
        )
    return None


def entry_problems(key: object, value: object, source_dir: Path) -> list[str]:
    where = f"cv_profiles[{key!r}]"
    if not isinstance(key, str) or not key.strip():
        return [f'cv_profiles has the key {key!r}; name each profile, e.g. "github".']
    if key in KNOWN and isinstance(value, str):
        problem = url_problem(where, value)
        return [problem] if problem else []
    if not isinstance(value, dict):
        known = ", ".join(f'"{name}"' for name in KNOWN)
        return [
            f"{where} is {value!r}; a known kind ({known}) takes its URL, any other key takes "
            f"{OTHER_FORM}."
        ]
    problems = []
    if problem := url_problem(where, value.get("url")):
        problems.append(problem)
    unknown = sorted(set(value) - {"url", "label", "image", "icon"}, key=str)
    if unknown:
        problems.append(f"{where} has {unknown}; it takes url, label, and image or icon.")
    if key not in KNOWN:
        if not isinstance(value.get("label"), str) or not value["label"].strip():
            problems.append(f"{where} has no label; write it as {OTHER_FORM}.")
        if not value.get("image") and not value.get("icon"):
            problems.append(f"{where} has no image or icon; write it as {OTHER_FORM}.")
    image = value.get("image")
    # The icon is linked as it is (the navbar's and the header's <img>), so it must be among
    # the files Sphinx copies as they are: docs/_static/ (html_static_path).
    if image is not None and (
        not isinstance(image, str)
        or Path(image).parts[:1] != ("_static",)
        or not (source_dir / image).is_file()
    ):
        problems.append(
            f'{where}["image"] is {image!r}, which is no file of {source_dir / "_static"}; put '
            'the icon there, e.g. docs/_static/icon.svg, and write "_static/icon.svg".'
        )
    icon = value.get("icon")
    if icon is not None and (not isinstance(icon, str) or not icon.startswith("fa-")):
        problems.append(
            f'{where}["icon"] is {icon!r}; write a Font Awesome name, e.g. "fa-brands fa-python".'
        )
    return problems


def problems(config: Config, source_dir: Path) -> list[str]:
    value = config.cv_profiles
    if not isinstance(value, dict):
        return []  # the type check of settings.py names it
    return [
        problem for key, item in value.items() for problem in entry_problems(key, item, source_dir)
    ]


def profiles(config: Config) -> list[Profile]:
    """The profiles of conf.py, checked already (settings.check), in conf.py's order."""
    shown = []
    for key, value in (config.cv_profiles or {}).items():
        label, icon = KNOWN.get(key, ("", ""))
        if isinstance(value, str):
            shown.append(Profile(key, label, value.strip(), icon))
            continue
        image = value.get("image", "")
        shown.append(
            Profile(
                key,
                value.get("label") or label,
                value["url"].strip(),
                "" if image else value.get("icon", icon),
                image,
            )
        )
    return shown
