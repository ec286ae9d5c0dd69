"""The site's settings: the engine's defaults, the `cv_*` ones and sphinxcontrib-bibtex's,
checked before a build."""

from __future__ import annotations

from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    # Imported here, not above: importing one module of this package loads no other.
    from cvsite.config import defaults, hints, settings, source_folder

    defaults.setup(app)
    # The fixes of common warnings, on Sphinx's handlers for the build only.
    app.connect("builder-inited", hints.install, priority=0)
    app.connect("build-finished", hints.uninstall, priority=0)
    settings.register(app)
    # Before the settings (priority 400): a build of the wrong folder says only that.
    app.connect("config-inited", source_folder.check, priority=300)
    app.connect("config-inited", settings.check, priority=400)
