"""The `bibtex_*` settings of sphinxcontrib-bibtex, checked with the `cv_*` ones (settings.py).

sphinxcontrib-bibtex declares them without types, so a missing or wrong one passes Sphinx's
checks and ends in a traceback from whichever handler reads it first ("'NoneType' object is
not iterable" without `bibtex_bibfiles`, a KeyError from an id template, a plugin error for an
unknown style). Each problem here names the setting and the fix instead.
"""

from __future__ import annotations

import codecs
import os
from importlib.metadata import entry_points

from pybtex.plugin import enumerate_plugin_names, find_plugin
from sphinx.config import Config
from sphinxcontrib.bibtex import plugin as bibtex_plugin

from cvsite.rendering.bib_style import STYLE_NAME

FORMATTING = "pybtex.style.formatting"
REFERENCING = "sphinxcontrib.bibtex.style.referencing"
TEXTS = ("bibtex_bibliography_header", "bibtex_footbibliography_header")
# id template -> the fields sphinxcontrib-bibtex fills in (a template may use any of them)
ID_TEMPLATES = {
    "bibtex_cite_id": ("bibliography_count", "key"),
    "bibtex_bibliography_id": ("bibliography_count",),
    "bibtex_footcite_id": ("footbibliography_count", "key"),
    "bibtex_footbibliography_id": ("footbibliography_count",),
}


def problems(config: Config) -> list[str]:
    found = bibfiles_problems(config.bibtex_bibfiles)
    found += type_problems(config)
    if not found:  # the checks below read the values as the types above
        found += style_problems(config) + id_problems(config)
        try:
            codecs.lookup(config.bibtex_encoding)
        except LookupError:
            found.append(
                f"bibtex_encoding {config.bibtex_encoding!r} is an unknown encoding; set it "
                'to the .bib files\', e.g. "utf-8" or "latin-1".'
            )
    return found


def bibfiles_problems(bibfiles: object) -> list[str]:
    example = 'a list of .bib files, relative to conf.py, e.g. ["refs.bib"]'
    if bibfiles is None:
        return [f"bibtex_bibfiles is missing; set it to {example}."]
    if not isinstance(bibfiles, (list, tuple)):
        return [f"bibtex_bibfiles is {bibfiles!r}; set it to {example}."]
    # As sphinxcontrib-bibtex: a path relative to conf.py's folder, or an absolute one.
    return [
        f'bibtex_bibfiles holds {name!r}; each must be a file name, e.g. "refs.bib".'
        for name in bibfiles
        if not isinstance(name, (str, os.PathLike)) or not os.fspath(name).strip()
    ]


def type_problems(config: Config) -> list[str]:
    found = []
    if not isinstance(config.bibtex_tooltips, bool):
        found.append(f"bibtex_tooltips is {config.bibtex_tooltips!r}; set it to True or False.")
    text_settings = (
        "bibtex_encoding", "bibtex_default_style", "bibtex_tooltips_style",
        "bibtex_reference_style", "bibtex_foot_reference_style", *TEXTS, *ID_TEMPLATES,
    )  # fmt: skip
    for name in text_settings:
        value = config[name]
        if not isinstance(value, str):
            found.append(
                f"{name} must be a str, not {type(value).__name__}; set it to a text in quotes "
                "(or remove it: sphinxcontrib-bibtex's default is right for this site)."
            )
    return found


def style_problems(config: Config) -> list[str]:
    found = []
    formatting = sorted({*enumerate_plugin_names(FORMATTING), STYLE_NAME})
    for name in ("bibtex_default_style", "bibtex_tooltips_style"):
        style = config[name]
        error = None if not style or style == STYLE_NAME else plugin_error(FORMATTING, style)
        if error:
            found.append(
                f"{name} {style!r} is no pybtex style ({error}); set it to one of "
                f"{', '.join(formatting)}."
            )
    referencing = sorted({point.name for point in entry_points(group=REFERENCING)})
    for name in ("bibtex_reference_style", "bibtex_foot_reference_style"):
        style = config[name]
        error = plugin_error(REFERENCING, style)
        if error:
            found.append(
                f"{name} {style!r} is no sphinxcontrib-bibtex referencing style ({error}); "
                f"set it to one of {', '.join(referencing)}."
            )
    return found


def plugin_error(group: str, name: str) -> str | None:
    """What the library says when it cannot find the style `name` (None: it can)."""
    try:
        if group == FORMATTING:
            find_plugin(group, name)
        else:
            bibtex_plugin.find_plugin(group, name)
    except Exception as error:  # pybtex's PluginNotFound, sphinxcontrib-bibtex's ImportError
        return str(error)
    return None


def id_problems(config: Config) -> list[str]:
    """An id template (empty: sphinxcontrib-bibtex's default) that can be filled in.

    Any of the fields may be left out, as sphinxcontrib-bibtex documents (`"cite-{key}"` for
    one bibliography a page); where two ids then clash, sphinxcontrib-bibtex warns at the
    page (`bibtex.duplicate_id`).
    """
    found = []
    for name, fields in ID_TEMPLATES.items():
        template = config[name]
        if not template:
            continue
        prefix = name.removeprefix("bibtex_").removesuffix("_id")
        example = "-".join([prefix, *(f"{{{field}}}" for field in fields)])
        try:
            template.format(**dict.fromkeys(fields, "x"))
        except (KeyError, IndexError, ValueError, AttributeError) as error:
            found.append(
                f"{name} {template!r} cannot be filled in ({error!r}); use only "
                f"{' and '.join(f'{{{field}}}' for field in fields)}, e.g. {example!r}."
            )
    return found
