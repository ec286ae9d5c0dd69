"""The `cv_*` settings a site declares in conf.py, checked before anything is built."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sphinx.application import Sphinx
from sphinx.config import Config

from cvsite import handler_order as order
from cvsite.config import bibtex_settings, profiles
from cvsite.config.owner_values import homepage_problem
from cvsite.errors import settings_error
from cvsite.pdf.fonts import DEFAULT_FONTS
from cvsite.pdf.pdf_cv import paper_size
from cvsite.publications import owner_names
from cvsite.variants import declared


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    type: type
    required: bool
    help: str
    # What a change of it makes Sphinx do again: "env" reads every page again; "" (a setting
    # of the PDF's LaTeX only) reads nothing again, so that the variants share one reading.
    rebuild: Literal["env", ""] = "env"


SETTINGS = (
    Setting(
        "cv_owner", "", str, True, 'the owner\'s name as the CV spells it, e.g. "Ada Lovelace"'
    ),
    Setting(
        "cv_owner_variants",
        [],
        list,
        False,
        'other spellings of the owner\'s name in refs.bib, e.g. ["A. Lovelace"]',
    ),
    Setting(
        "cv_not_owner",
        [],
        list,
        False,
        'spellings in refs.bib that match cv_owner but are someone else, e.g. ["A. Lovelace"]',
    ),
    Setting("cv_email", "", str, False, 'the contact e-mail, e.g. "ada@example.org"'),
    Setting("cv_homepage", "", str, False, 'the homepage URL, e.g. "https://example.org"'),
    Setting(
        "cv_affiliation",
        "",
        str,
        False,
        "the current institution, under the name on the home page and the PDF, and for search "
        'engines, e.g. "University of London"',
    ),
    Setting(
        "cv_position",
        "",
        str,
        False,
        'one line under the name on the home page and the PDF, e.g. "Professor of Mathematics"',
    ),
    Setting(
        "cv_photo",
        "",
        str,
        False,
        'a photo on the home page, a file under docs/, e.g. "_static/photo.jpg"',
    ),
    Setting(
        "cv_pdf_photo",
        False,
        bool,
        False,
        "True (the photo in the PDF's header too; a .jpg, .png or .pdf) or False",
    ),
    Setting(
        "cv_profiles",
        {},
        dict,
        False,
        'pages elsewhere, shown as icons, e.g. {"orcid": "https://orcid.org/...", "github": '
        '"https://github.com/..."}; kinds: '
        + ", ".join(profiles.KNOWN)
        + "; any other: "
        + profiles.OTHER_FORM,
    ),
    Setting(
        "cv_alumni_of",
        [],
        list,
        False,
        'the institutions of past degrees, e.g. ["University of Cambridge"]',
    ),
    Setting(
        "cv_keywords",
        [],
        list,
        False,
        'the research topics, for the PDF\'s keywords, e.g. ["Machine learning"]',
    ),
    Setting(
        "cv_pdf_name",
        "",
        str,
        False,
        'the PDF\'s file name without ".pdf", e.g. "ada-cv"; empty: no PDF link on the site',
    ),
    Setting("cv_pdf_paper", "a4", str, True, '"a4" or "letter" (in any case)'),
    Setting(
        "cv_pdf_dir",
        "_build/pdf",
        str,
        True,
        "the folder, relative to conf.py, where `make pdf` writes the PDF",
    ),
    Setting(
        "cv_pdf_fonts",
        DEFAULT_FONTS,
        list,
        True,
        "the PDF's font families, the main one first, then those for scripts it lacks, "
        'e.g. ["FreeSerif", "WenQuanYi Zen Hei"]',
    ),
    Setting(
        "cv_pdf_layout",
        "classic",
        str,
        True,
        'the PDF\'s layout: "classic", "compact" (for page limits) or "modern" (a header band)',
        "",
    ),
    Setting(
        "cv_pdf_page_limit",
        0,
        int,
        False,
        "the most pages the PDF may have (make pdf fails when it has more), e.g. 3; 0: no limit",
        "",
    ),
    Setting(
        "cv_variants",
        {},
        dict,
        False,
        'other CVs from the same sources, e.g. {"short": {"title": "Short CV", "pages": '
        '["education"], "page_limit": 1}} (README: "Variants")',
    ),
    Setting(
        "cv_variant",
        "",
        str,
        False,
        "the variant a PDF build is for (set by `make pdf VARIANT=name`; empty: the full CV)",
        "",
    ),
    Setting(
        "cv_bib_strict",
        False,
        bool,
        False,
        "True (every note about the .bib files stops the build) or False",
    ),
)


def register(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(setting.name, setting.default, setting.rebuild, types=(setting.type,))


def not_owner_problems(config: Config) -> list[str]:
    """cv_not_owner: names, none of them the owner's own spelling (which would unbold it)."""
    spellings = config.cv_not_owner if isinstance(config.cv_not_owner, list) else []
    problems = []
    for spelling in spellings:
        if not isinstance(spelling, str) or not spelling.strip():
            problems.append(f"cv_not_owner holds {spelling!r}; each must be a non-empty name.")
        elif isinstance(config.cv_owner, str) and owner_names.same_spelling(
            spelling, config.cv_owner
        ):
            problems.append(
                f"cv_not_owner holds {spelling!r}, which is cv_owner itself; remove it from "
                "cv_not_owner (it lists spellings that are someone else)."
            )
    return problems


PDF_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".pdf")  # what xelatex includes as it is


def photo_problems(config: Config, source_dir: Path) -> list[str]:
    photo = config.cv_photo
    if not isinstance(photo, str) or not photo:
        if config.cv_pdf_photo is True:
            return [
                'cv_pdf_photo is True, but there is no cv_photo; set cv_photo = "_static/'
                'photo.jpg" (a file under docs/) or cv_pdf_photo = False.'
            ]
        return []
    if not (source_dir / photo).is_file():
        return [
            f"cv_photo is {photo!r}, which is no file under {source_dir}; put the photo there "
            '(e.g. docs/_static/photo.jpg) and write its path from there, "_static/photo.jpg".'
        ]
    if config.cv_pdf_photo is True and not photo.lower().endswith(PDF_IMAGE_SUFFIXES):
        return [
            f"cv_pdf_photo is True, but cv_photo {photo!r} is not a .jpg, .png or .pdf, which "
            "xelatex cannot include; give a .jpg or .png, or set cv_pdf_photo = False."
        ]
    return []


def check(app: Sphinx, config: Config) -> None:
    """Fail early, naming the setting and the fix, rather than building a wrong site."""
    problems = []
    for setting in SETTINGS:
        value = config[setting.name]
        if not isinstance(value, setting.type):
            problems.append(
                f"{setting.name} must be a {setting.type.__name__}, "
                f"not {type(value).__name__}; set it to {setting.help}."
            )
        elif setting.required and not value:
            problems.append(f"{setting.name} is missing; set it to {setting.help}.")
    variants = config.cv_owner_variants
    for variant in variants if isinstance(variants, list) else []:
        if not isinstance(variant, str) or not variant.strip():
            problems.append(f"cv_owner_variants holds {variant!r}; each must be a non-empty name.")
    problems += not_owner_problems(config)
    fonts = config.cv_pdf_fonts
    for font in fonts if isinstance(fonts, list) else []:
        if not isinstance(font, str) or not font.strip():
            problems.append(
                f"cv_pdf_fonts holds {font!r}; each must be a font family as `fc-list : family` "
                'names it, e.g. "FreeSerif".'
            )
    if paper_size(config.cv_pdf_paper) is None:
        problems.append(f'cv_pdf_paper is {config.cv_pdf_paper!r}; set it to "a4" or "letter".')
    homepage = config.cv_homepage
    if isinstance(homepage, str) and homepage and (problem := homepage_problem(homepage)):
        problems.append(f"cv_homepage {problem}.")
    for name in ("cv_alumni_of", "cv_keywords"):  # texts that the site and the PDF print
        items = config[name] if isinstance(config[name], list) else []
        problems += [
            f"{name} holds {item!r}; each must be a non-empty text in quotes."
            for item in items
            if not isinstance(item, str) or not item.strip()
        ]
    problems += photo_problems(config, Path(app.srcdir))
    problems += declared.problems(config, Path(app.srcdir))
    problems += profiles.problems(config, Path(app.srcdir))
    problems += bibtex_settings.problems(config)
    if problems:
        raise settings_error(Path(app.confdir, "conf.py"), problems)


def setup(app: Sphinx) -> None:
    register(app)
    app.connect("config-inited", check, priority=order.CHECK_SETTINGS)
