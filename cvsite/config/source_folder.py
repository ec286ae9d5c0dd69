"""`sphinx-build . out` beside a conf.py whose pages are in docs/: say so, not crash.

Sphinx would read the whole repository as the source, find no root document at the top and
end in a long report ("unable to load the master document ... please report this"). The
pages live in docs/, so the build stops at once (a ConfigError) with the command that builds them.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from cvsite import handler_order as order

PAGES = "docs"


def root_doc_in(folder: Path, config: Config) -> bool:
    # Any suffix: the parsers' suffixes (MyST's .md) are not all in config.source_suffix yet.
    return any(path.is_file() for path in folder.glob(f"{config.root_doc}.*"))


def check(app: Sphinx, config: Config) -> None:
    source, pages = Path(app.srcdir), Path(app.confdir, PAGES)
    if source != Path(app.confdir) or not pages.is_dir():
        return
    if root_doc_in(source, config) or not root_doc_in(pages, config):
        return
    raise ConfigError(
        "the source folder holds no pages:\n"
        f"{source}: ERROR: this folder holds conf.py, but the pages are in {PAGES}/; build them "
        f"with `make html`, or `sphinx-build -c . {PAGES} _build/html`.\n"
        f"Build stopped: name {PAGES}/ as the source folder."
    )


def setup(app: Sphinx) -> None:
    app.connect("config-inited", check, priority=order.CHECK_SOURCE_FOLDER)
