"""`cv_variants`: the CVs a site declares besides its full one, read and checked once.

    cv_variants = {
        "short": {
            "title": "Short CV",                # the PDF's title and its link's text
            "pages": ["education", "publications"],  # which pages, in this order (default: all)
            "tags": ["short"],                  # entries and items tagged so (default: all)
            "untagged": True,                   # with "tags": keep the untagged ones too
            "publications": {"selected": True, "since": 2020, "latest": 10,
                             "kinds": ["peer-reviewed"], "keywords": ["vision"]},
            "page_limit": 2,                    # the build fails when the PDF is longer
            "layout": "compact",                # "classic" (default), "compact" or "modern"
            "public": True,                     # linked from the site (default False)
        },
    }

The full CV is the variant named "" (`cv_pdf_layout`, `cv_pdf_page_limit`), always built and
always linked. A variant build is the LaTeX build with `-D cv_variant=NAME`; `current(config)`
is the variant a build is for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.config import Config

from cvsite.pdf import layouts
from cvsite.publications.fields import KINDS

LAYOUTS = tuple(layouts.LAYOUTS)  # classic, compact, modern (cvsite/pdf/layouts.py)
EXAMPLES = {"since": 2020, "latest": 10}
PUBLICATION_RULES = {"selected": bool, "since": int, "latest": int, "kinds": list, "keywords": list}
KEYS = {
    "title": str, "pages": list, "tags": list, "untagged": bool, "publications": dict,
    "page_limit": int, "layout": str, "public": bool,
}  # fmt: skip
FULL = ""  # the full CV's name
NAME = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class PublicationRules:
    """Which publications a variant lists; every rule given must hold (all: no rule)."""

    selected: bool = False  # only those marked `selected`
    since: int = 0  # only those of this year or later
    latest: int = 0  # only the N most recent (after the other rules)
    kinds: tuple[str, ...] = ()  # only these lists' kinds (peer-reviewed, preprints, other)
    keywords: tuple[str, ...] = ()  # only those whose `keywords` field names one of these

    @property
    def any(self) -> bool:
        return self != PublicationRules()


@dataclass(frozen=True)
class Variant:
    name: str
    title: str
    pages: tuple[str, ...] = ()  # docnames in order; () all of the toctree's
    tags: tuple[str, ...] = ()  # () every entry and item
    untagged: bool = True
    publications: PublicationRules = field(default_factory=PublicationRules)
    page_limit: int = 0  # 0: none
    layout: str = "classic"
    public: bool = False

    @property
    def is_full(self) -> bool:
        return self.name == FULL


def full_cv(config: Config) -> Variant:
    return Variant(
        FULL,
        "CV",
        page_limit=config.cv_pdf_page_limit,
        layout=config.cv_pdf_layout,
        public=True,
    )


def declared(config: Config) -> list[Variant]:
    """The full CV, then the variants of cv_variants in their order (a checked conf.py)."""
    return [full_cv(config), *(variant_of(name, v) for name, v in config.cv_variants.items())]


def variant_of(name: str, given: dict) -> Variant:
    rules = given.get("publications", {})
    return Variant(
        name=name,
        title=given.get("title", name),
        pages=tuple(given.get("pages", ())),
        tags=tuple(given.get("tags", ())),
        untagged=given.get("untagged", True),
        publications=PublicationRules(
            selected=rules.get("selected", False),
            since=rules.get("since", 0),
            latest=rules.get("latest", 0),
            kinds=tuple(rules.get("kinds", ())),
            keywords=tuple(rules.get("keywords", ())),
        ),
        page_limit=given.get("page_limit", 0),
        layout=given.get("layout", "classic"),
        public=given.get("public", False),
    )


def file_stem(config: Config, variant: Variant) -> str:
    """The PDF's name without .pdf: cv_pdf_name's, and the variant's after it
    ("ada-lovelace-cv", "ada-lovelace-cv-short")."""
    name = config.cv_pdf_name or "cv"
    return name if variant.is_full else f"{name}-{variant.name}"


def current(config: Config) -> Variant:
    """The variant this build is for: cv_variant's, else the full CV."""
    name = config.cv_variant
    return next((v for v in declared(config) if v.name == name), full_cv(config))


def by_name(config: Config, name: str) -> Variant | None:
    return next((v for v in declared(config) if v.name == name), None)


def problems(config: Config, source_dir: Path) -> list[str]:
    """What is wrong in cv_variants, cv_pdf_layout, cv_pdf_page_limit and cv_variant."""
    found = layout_and_limit_problems("cv_pdf_layout", config.cv_pdf_layout,
                                      "cv_pdf_page_limit", config.cv_pdf_page_limit)  # fmt: skip
    variants = config.cv_variants
    if not isinstance(variants, dict):
        return [*found, f"cv_variants is {variants!r}; give a dictionary, name -> its rules."]
    for name, given in variants.items():
        found += variant_problems(name, given, source_dir)
    if config.cv_variant and config.cv_variant not in variants:
        known = ", ".join(variants) or "none"
        found.append(f"cv_variant {config.cv_variant!r} is not in cv_variants (declared: {known}).")
    return found


def variant_problems(name: object, given: object, source_dir: Path) -> list[str]:
    where = f"cv_variants[{name!r}]"
    if not isinstance(name, str) or not NAME.fullmatch(name):
        return [f"{where}: name each variant in lower-case letters, digits and hyphens "
                '(it names the PDF), e.g. "short".']  # fmt: skip
    if not isinstance(given, dict):
        return [f"{where} is {given!r}; give a dictionary of its rules, e.g. "
                '{"title": "Short CV", "pages": ["education"]}.']  # fmt: skip
    found = [
        f"{where} has the key {key!r}, which is none of {', '.join(KEYS)}."
        for key in given
        if key not in KEYS
    ]
    found += [
        f"{where}[{key!r}] must be a {kind.__name__}, not {type(given[key]).__name__}."
        for key, kind in KEYS.items()
        if key in given and not isinstance(given[key], kind)
    ]
    if found:
        return found
    layout, limit = given.get("layout", "classic"), given.get("page_limit", 0)
    found += layout_and_limit_problems(
        f"{where}['layout']", layout, f"{where}['page_limit']", limit
    )
    for page in given.get("pages", []):
        if not isinstance(page, str) or not any(source_dir.glob(f"{page}.*")):
            found.append(f"{where}['pages'] names {page!r}, which is no page under "
                         f"{source_dir}; name a page by its file name without .md.")  # fmt: skip
    found += [
        f"{where}['tags'] holds {tag!r}; each must be a word, e.g. \"short\"."
        for tag in given.get("tags", [])
        if not isinstance(tag, str) or not tag.strip()
    ]
    return found + rule_problems(where, given.get("publications", {}))


def rule_problems(where: str, rules: dict) -> list[str]:
    found = []
    for key, value in rules.items():
        kind = PUBLICATION_RULES.get(key)
        if kind is None:
            found.append(f"{where}['publications'] has the rule {key!r}, which is none of "
                         f"{', '.join(PUBLICATION_RULES)}.")  # fmt: skip
        elif not isinstance(value, kind):
            found.append(f"{where}['publications'][{key!r}] must be a {kind.__name__}.")
    for key in ("since", "latest"):
        value = rules.get(key, 1)
        if isinstance(value, bool) or (isinstance(value, int) and value < 1):
            found.append(f"{where}['publications'][{key!r}] is {value!r}; give a number "
                         f"from 1, e.g. {EXAMPLES[key]}.")  # fmt: skip
    keywords = rules.get("keywords", [])
    bad = [w for w in keywords if not isinstance(w, str) or not w.strip()]
    if isinstance(keywords, list) and bad:
        found.append(f"{where}['publications']['keywords'] holds {bad}; each must be a word "
                     'in quotes, e.g. "vision".')  # fmt: skip
    unknown = [k for k in rules.get("kinds", []) if k not in KINDS]
    if isinstance(rules.get("kinds"), list) and unknown:
        found.append(f"{where}['publications']['kinds'] holds {unknown}; the kinds are "
                     f"{', '.join(KINDS)}.")  # fmt: skip
    return found


def layout_and_limit_problems(layout_name: str, layout: object, limit_name: str,
                              limit: object) -> list[str]:  # fmt: skip
    found = []
    if layout not in LAYOUTS:
        found.append(f"{layout_name} is {layout!r}; choose one of {', '.join(LAYOUTS)}.")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        found.append(f"{limit_name} is {limit!r}; give a number of pages (0: no limit).")
    return found
