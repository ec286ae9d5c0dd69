"""sphinxcontrib-bibtex's `cite` domain, where a build keeps the parsed .bib files, the lists and
their citations (its documented data: `bibdata`, `bibliographies`, `citations`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from pybtex.database import Entry
from sphinx.environment import BuildEnvironment
from sphinxcontrib.bibtex.domain import BibtexDomain


def cite_domain(env: BuildEnvironment) -> BibtexDomain:
    # Sphinx types get_domain as returning any Domain; this one is sphinxcontrib-bibtex's.
    return cast(BibtexDomain, env.get_domain("cite"))


def bib_entries(env: BuildEnvironment) -> Mapping[str, Entry]:
    """Every entry of the .bib files, by key, as sphinxcontrib-bibtex parsed them."""
    return cite_domain(env).bibdata.data.entries
