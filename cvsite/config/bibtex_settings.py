"""The `bibtex_*` settings of sphinxcontrib-bibtex, checked with the `cv_*` ones (settings.py).

sphinxcontrib-bibtex declares them without types, so a missing or wrong one passes Sphinx's
checks and ends in a traceback from whichever handler reads it first ("'NoneType' object is
not iterable" without `bibtex_bibfiles`, a KeyError from an id template, a plugin error for an
unknown style). Each problem here names the setting and the fix instead.
"""

from __future__ import annotations

import codecs
from importlib.metadata import entry_points

from pybtex.plugin import enumerate_plugin_names, find_plugin
from sphinx.config import Config
from sphinxcontrib.bibtex import plugin as bibtex_plugin

from cvsite.rendering.bib_style import STYLE_NAME

FORMATTING = "pybtex.style.formatting"
REFERENCING = "sphinxcontrib.bibtex.style.referencing"
TEXTS = ("bibtex_bibliography_header", "bibtex_footbibliography_header")
# id template -> the fields sphinxcontrib-bibtex fills in, each of which it must use so that
# no two ids it makes are the same
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
                f"bibtex_encoding {config.bibtex_encoding!r} is no encoding Python knows; set "
                'it to the .bib files\', e.g. "utf-8" or "latin-1".'
            )
    return found


def bibfiles_problems(bibfiles: object) -> list[str]:
    example = 'a list of .bib files, relative to conf.py, e.g. ["refs.bib"]'
    if bibfiles is None:
        return [f"bibtex_bibfiles is missing; set it to {example}."]
    if not isinstance(bibfiles, (list, tuple)):
        return [f"bibtex_bibfiles is {bibfiles!r}; set it to {example}."]
    return [
        f'bibtex_bibfiles holds {name!r}; each must be a file name, e.g. "refs.bib".'
        for name in bibfiles
        if not isinstance(name, str) or not name.strip()
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
        if style and style != STYLE_NAME and not has_plugin(FORMATTING, style):
            found.append(
                f"{name} {style!r} is no pybtex style; set it to one of {', '.join(formatting)}."
            )
    referencing = sorted({point.name for point in entry_points(group=REFERENCING)})
    for name in ("bibtex_reference_style", "bibtex_foot_reference_style"):
        style = config[name]
        if not has_plugin(REFERENCING, style):
            found.append(
                f"{name} {style!r} is no sphinxcontrib-bibtex referencing style; set it to one "
                f"of {', '.join(referencing)}."
            )
    return found


def has_plugin(group: str, name: str) -> bool:
    try:
        if group == FORMATTING:
            find_plugin(group, name)
        else:
            bibtex_plugin.find_plugin(group, name)
    except Exception:  # pybtex's PluginNotFound, sphinxcontrib-bibtex's ImportError
        return False
    return True


def id_problems(config: Config) -> list[str]:
    """An id template (empty: sphinxcontrib-bibtex's default) that fills in each of its
    fields, so that two lists or two entries never get one id."""
    found = []
    for name, fields in ID_TEMPLATES.items():
        template = config[name]
        if not template:
            continue
        prefix = name.removeprefix("bibtex_").removesuffix("_id")
        example = "-".join([prefix, *(f"{{{field}}}" for field in fields)])
        fix = f"use {' and '.join(f'{{{field}}}' for field in fields)}, e.g. {example!r}"
        try:
            made = {template.format(**dict.fromkeys(fields, "x"))}
            for field in fields:
                made.add(template.format(**{**dict.fromkeys(fields, "x"), field: "y"}))
        except (KeyError, IndexError, ValueError, AttributeError) as error:
            found.append(f"{name} {template!r} cannot be filled in ({error!r}); {fix}.")
            continue
        if len(made) <= len(fields):
            found.append(f"{name} {template!r} would give two entries or lists one id; {fix}.")
    return found
