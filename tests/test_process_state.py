"""What a build changes in the process that runs it (the garbage collector, Sphinx's logging
handlers, a forked helper) is as it was once the build is over, failed or not: programs that
build in-process (this suite, sphinx-autobuild, an editor) run many builds in one process."""

from __future__ import annotations

import gc
import logging

import pytest
from sphinx.errors import ExtensionError, SphinxError
from sphinx.testing.util import SphinxTestApp

import cvsite.extension  # noqa: F401  (first, as Sphinx loads the package: no import cycle)
from cvsite.papers import paper_pages


def logging_setup() -> dict[logging.Handler, list]:
    """The handlers on Sphinx's logger, each with its filters (Sphinx itself takes its warning
    handler off and puts it back at the end while it reads, so their order may change)."""
    return {handler: list(handler.filters) for handler in logging.getLogger("sphinx").handlers}


def sphinx_own(setup: dict[logging.Handler, list]) -> dict[logging.Handler, list]:
    """Only what Sphinx put there, as its start set it up."""

    def ours(thing: object) -> bool:
        return type(thing).__module__.startswith("cvsite.")

    return {h: [f for f in filters if not ours(f)] for h, filters in setup.items() if not ours(h)}


def fail_at_reading(app, env, docnames) -> None:
    # Mid-build: what the build changed is in place, and must be undone despite the error.
    assert gc.isenabled() and gc.get_freeze_count() > 0
    raise RuntimeError("a failure in the middle of the build")


@pytest.mark.sphinx("html", testroot="bib-style", srcdir="process-state-failed")
def test_a_failed_build_leaves_the_collector_and_the_logging_as_it_found_them(app):
    assert gc.isenabled()  # started: the pause is over, the loaded environment frozen
    before = logging_setup()
    assert sphinx_own(before) != before  # the build's own handler and filters are in place
    app.connect("env-before-read-docs", fail_at_reading, priority=900)
    with pytest.raises(ExtensionError, match="a failure in the middle of the build"):
        app.build()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert logging_setup() == sphinx_own(before)
    assert app not in paper_pages.page_makers


@pytest.mark.sphinx("html", testroot="bib-style", srcdir="process-state-passed")
def test_a_build_leaves_the_logging_handlers_as_it_found_them(app):
    before = logging_setup()
    app.build()
    assert app.warning.getvalue() == ""
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert logging_setup() == sphinx_own(before)
    assert app not in paper_pages.page_makers


def test_a_sphinx_that_fails_to_start_has_its_pause_ended_by_the_next(rootdir, tmp_path):
    """Between config-inited and builder-inited no event of Sphinx follows a failure (here an
    unknown builder): the next start in the process ends the pause."""
    source = tmp_path / "site"
    source.mkdir()
    for path in (rootdir / "test-bib-style").iterdir():
        (source / path.name).write_bytes(path.read_bytes())
    with pytest.raises(SphinxError, match="no-such-builder"):
        SphinxTestApp("no-such-builder", srcdir=source)
    started = SphinxTestApp("html", srcdir=source)
    try:
        assert gc.isenabled()
    finally:
        started.cleanup()
