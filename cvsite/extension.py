"""The cvsite extension: each concern registers its own pieces, in this order."""

from __future__ import annotations

from sphinx.application import Sphinx

from cvsite import (
    __version__,
    config,
    exporters,
    papers,
    pdf,
    publications,
    rendering,
    speed,
    variants,
    web,
)

# Settings first (a wrong one stops the build before anything is read); the build-speed caches
# next, as they wrap what follows; the web layer before the paper pages, which answer its events;
# the exporters' builders last.
CONCERNS = (config, speed, publications, rendering, variants, web, papers, pdf, exporters)


def setup(app: Sphinx) -> dict[str, object]:
    for concern in CONCERNS:
        concern.setup(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
