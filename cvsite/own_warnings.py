"""Python warnings raised about our own code (a deprecated Sphinx API, say) as errors.

pytest's filterwarnings (pyproject.toml) covers the test process only; the suite builds the
site in subprocesses, so tests/conftest.py sets CVSITE_WARNINGS_AS_ERRORS=1, which they
inherit, and cvsite installs the same filter in each of them when it is imported. Only
warnings attributed to cvsite's modules: those other packages raise about their own code are
theirs to fix (CONTRIBUTING.md lists them). A site's own build is left as it is.
"""

from __future__ import annotations

import os
import warnings

ENVIRONMENT_VARIABLE = "CVSITE_WARNINGS_AS_ERRORS"
OUR_MODULES = r"cvsite(\.|$)"


def install_if_asked() -> None:
    if os.environ.get(ENVIRONMENT_VARIABLE) != "1":
        return
    # Sphinx puts a filter of its own in front when sphinx.deprecation is first imported:
    # import it first, so that ours stands before it.
    import sphinx.deprecation  # noqa: F401

    warnings.filterwarnings("error", module=OUR_MODULES)
