"""Build speed: caches kept between builds, and work done beside the build."""

from __future__ import annotations

from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    # Imported here, not above: importing one module of this package loads no other.
    from cvsite.speed import citation_reuse, formatting_cache, garbage_collection, strict_rebuilds

    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(citation_reuse.CiteDomainReusingCitations, override=True)
    app.connect("config-inited", garbage_collection.pause_for_environment_load, priority=999)
    app.connect("builder-inited", garbage_collection.freeze_loaded_environment, priority=0)
    app.connect("build-finished", garbage_collection.restore, priority=0)
    app.connect("builder-inited", strict_rebuilds.note_build_start, priority=1)
    app.connect("build-finished", strict_rebuilds.stop_counting_after_failure, priority=0)
    app.connect("env-get-outdated", strict_rebuilds.reread_after_warnings)
    # Last, after every handler that may warn.
    app.connect("build-finished", strict_rebuilds.note_build_end, priority=1000)
    app.connect("builder-inited", formatting_cache.attach, priority=550)
    app.connect("env-get-outdated", formatting_cache.reread_when_restyled)
    app.connect("env-merge-info", formatting_cache.merge_from_worker)
    app.connect("build-finished", formatting_cache.detach)
    # After sphinxcontrib-bibtex (priority 500) has formatted its lists.
    app.connect("env-updated", formatting_cache.report, priority=900)
