"""What `extensions = ["cvsite"]` brings: the libraries a site is built with, and the engine's
settings as defaults that conf.py (or `-D name=value`) overrides.

A setting counts as given when conf.py assigns it or the command line overrides it. Sphinx
has no public "was this set?" (its `Config` keeps conf.py's names in a private attribute), so
the names are read with `sphinx.config.eval_config_file`, the function Sphinx reads conf.py
with, and `Config.overrides`. Comparing a value with Sphinx's default would take a site that
writes `html_copy_source = True` for one that wrote nothing.
"""

from __future__ import annotations

import contextlib
import copy
import io
import re
import unicodedata
import weakref
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config, eval_config_file

from cvsite import handler_order as order
from cvsite.config.source_date import source_date

# Set up from cvsite's own setup(); a conf.py that also lists them is no different, as Sphinx
# sets up each extension once.
# sphinx.ext.githubpages: .nojekyll, and CNAME for a custom domain in html_baseurl (cv_homepage).
LIBRARIES = (
    "myst_parser",
    "sphinxcontrib.bibtex",
    "sphinxext.opengraph",
    "sphinx.ext.githubpages",
)
# sphinxext-opengraph prints "matplotlib is not installed, social cards will not be generated"
# when it is imported (print(), not its logger: no setting or -q silences it). cvsite turns its
# social cards off (ogp_social_cards below), so the line only misleads: the import prints into
# nothing.
PRINT_ON_IMPORT = ("sphinxext.opengraph",)

# Whole values, given only when the site gives none. (root_doc "index" and language "en" are
# Sphinx's own defaults already; theme options are filled one by one in cvsite.web.site_theme.)
ENGINE_DEFAULTS: dict[str, object] = {
    "html_theme": "pydata_sphinx_theme",
    "myst_enable_extensions": ("colon_fence", "deflist"),
    "html_copy_source": False,
    "html_use_index": False,  # a CV needs no general index page
    "html_show_sourcelink": False,
    "ogp_custom_meta_tags": ('<meta name="twitter:card" content="summary" />',),
    # A picture of each page's title, drawn with matplotlib, is no fact of the CV.
    "ogp_social_cards": {"enable": False},
}

# Files a site keeps by convention beside conf.py: the setting, where, and whether it is a list.
# Given only where the file or folder exists, so that a site without one gets Sphinx's default
# (and, for bibtex_bibfiles, the message that says what to set).
CONVENTIONS: dict[str, tuple[str, bool]] = {
    "bibtex_bibfiles": ("refs.bib", True),
    "templates_path": ("docs/_templates", True),
    "html_static_path": ("docs/_static", True),
    "html_favicon": ("docs/_static/favicon.svg", False),
}

# Named after the site's owner when the site does not name them otherwise; `copyright` as
# "2026, Ada Lovelace", the footer's "© Copyright 2026, Ada Lovelace.": the year of the sources
# (cvsite/config/source_date.py), never the clock's, so that two builds give the same pages;
# cv_pdf_name as a file name (pdf_name). So a change of cv_owner alone renames the site and
# the PDF alike.
OWNER_NAMED = ("project", "author", "html_title")
# Sphinx's aliases: a site that gives one has given the other.
ALIASES = {"copyright": "project_copyright", "root_doc": "master_doc"}


def setup(app: Sphinx) -> None:
    for library in LIBRARIES:
        printed = io.StringIO() if library in PRINT_ON_IMPORT else None
        with contextlib.redirect_stdout(printed) if printed else contextlib.nullcontext():
            app.setup_extension(library)
    app.connect("config-inited", fill_defaults, priority=order.FILL_DEFAULTS)


# Read once per Sphinx application (conf.py runs again to read them), for every module that
# fills a default of its own.
GIVEN: weakref.WeakKeyDictionary[Sphinx, frozenset[str]] = weakref.WeakKeyDictionary()


def given_settings(app: Sphinx, config: Config) -> frozenset[str]:
    """The names conf.py assigns, and those the command line overrides."""
    if app not in GIVEN:
        GIVEN[app] = frozenset(read_given_settings(app, config))
    return GIVEN[app]


def read_given_settings(app: Sphinx, config: Config) -> set[str]:
    given = set(config.overrides)
    if app.confdir is not None and Path(app.confdir, "conf.py").is_file():
        given |= set(eval_config_file(Path(app.confdir, "conf.py"), app.tags))
    # A dotted override (-D html_theme_options.x=y) sets one key of a dictionary.
    given |= {name.partition(".")[0] for name in given}
    given |= {alias for name, alias in ALIASES.items() if name in given}
    given |= {name for name, alias in ALIASES.items() if alias in given}
    return given


def fill_defaults(app: Sphinx, config: Config) -> None:
    given = given_settings(app, config)

    def fill(name: str, value: object) -> None:
        if name not in given and name in config:
            config[name] = value

    for name, value in ENGINE_DEFAULTS.items():
        # A new list or dict each build: a site's later edits never reach the shared default.
        fill(name, list(value) if isinstance(value, tuple) else copy.copy(value))
    confdir = Path(app.confdir) if app.confdir is not None else None
    for name, (relative, is_list) in CONVENTIONS.items():
        if confdir is not None and (confdir / relative).exists():
            fill(name, [relative] if is_list else relative)
    owner = config.cv_owner if "cv_owner" in config else None
    if isinstance(owner, str) and owner.strip():
        for name in OWNER_NAMED:
            fill(name, owner)
        year = source_date(confdir or Path(app.srcdir), Path(app.srcdir)).year
        fill("copyright", f"{year}, {owner}")
        fill("cv_pdf_name", pdf_name(owner))


def pdf_name(owner: str) -> str:
    """`Zoë Ångström` -> `zoe-angstrom-cv`: ASCII, for a file name that travels well."""
    ascii_name = unicodedata.normalize("NFKD", owner).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return f"{slug}-cv" if slug else "cv"
