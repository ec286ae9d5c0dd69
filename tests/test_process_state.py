"""What a build changes in the process that runs it (the garbage collector, Sphinx's logging
handlers, a forked helper) is as it was once the build is over, failed or not: programs that
build in-process (this suite, sphinx-autobuild, an editor) run many builds in one process."""

from __future__ import annotations

import atexit
import gc
import logging
from pathlib import Path

import pytest
from sphinx.errors import ExtensionError, SphinxError
from sphinx.testing.util import SphinxTestApp

import cvsite.extension  # noqa: F401  (first, as Sphinx loads the package: no import cycle)
from cvsite.cli import quiet_sphinx
from cvsite.papers import paper_pages
from cvsite.speed import citation_reuse


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


def site_from_root(rootdir: Path, folder: Path, conf_extra: str = "") -> Path:
    folder.mkdir()
    for path in (rootdir / "test-bib-style").iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    with (folder / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(conf_extra)
    return folder


def collector_untouched() -> bool:
    return gc.isenabled() and gc.get_freeze_count() == 0


@pytest.mark.parametrize(
    "conf_extra",
    ['\nhtml_theme = "nosuchtheme"\n', "\nraise RuntimeError('a broken conf.py')\n"],
    ids=["unknown-theme", "conf-py-error"],
)
def test_a_sphinx_that_fails_to_start_leaves_the_collector_as_it_found_it(
    rootdir, tmp_path, conf_extra
):
    """No event of Sphinx follows a start that fails (the theme is loaded after config-inited,
    before builder-inited): right after it, the collector runs and nothing is frozen."""
    source = site_from_root(rootdir, tmp_path / "site", conf_extra)
    with pytest.raises(SphinxError):
        SphinxTestApp("html", srcdir=source)
    assert collector_untouched()


def test_a_sphinx_made_and_never_built_leaves_the_collector_as_it_found_it(rootdir, tmp_path):
    app = SphinxTestApp("html", srcdir=site_from_root(rootdir, tmp_path / "site"))
    try:
        assert collector_untouched()
    finally:
        app.cleanup()


def test_a_build_leaves_no_exit_hook_registered(rootdir, tmp_path):
    hooks = atexit._ncallbacks()  # no public way to list them
    app = SphinxTestApp("html", srcdir=site_from_root(rootdir, tmp_path / "site"))
    try:
        app.build()
    finally:
        app.cleanup()
    assert atexit._ncallbacks() == hooks and collector_untouched()


@pytest.mark.parametrize(
    "conf_extra", ["", '\nhtml_theme = "nosuchtheme"\n'], ids=["built", "failed"]
)
def test_the_collector_is_paused_while_the_environment_loads_and_runs_after(
    rootdir, tmp_path, conf_extra, monkeypatch
):
    """Paused from config-inited to the domains' setup, which follows the environment's
    load (cvsite/speed/garbage_collection.py); running again when the command returns,
    whatever came, a second start (which loads a pickled environment) included."""
    source = site_from_root(rootdir, tmp_path / "site", conf_extra)
    paused_while_loading = []
    real_setup = citation_reuse.CiteDomainReusingCitations.setup

    def setup_seen(domain):
        paused_while_loading.append(not gc.isenabled())
        real_setup(domain)

    monkeypatch.setattr(citation_reuse.CiteDomainReusingCitations, "setup", setup_seen)
    for _ in range(2):
        status = quiet_sphinx.main(["-b", "html", str(source), str(tmp_path / "out")])
        assert status == (0 if not conf_extra else 2)
        assert collector_untouched()
    assert paused_while_loading == [True, True]
