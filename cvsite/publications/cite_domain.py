"""sphinxcontrib-bibtex's `cite` domain, where a build keeps the parsed .bib files, the lists and
their citations (its documented data: `bibdata`, `bibliographies`, `citations`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from pybtex.database import Entry
from sphinx.environment import BuildEnvironment
from sphinxcontrib.bibtex.domain import BibtexDomain

from cvsite.publications.record import is_parent_only, parents_only


def cite_domain(env: BuildEnvironment) -> BibtexDomain:
    # Sphinx types get_domain as returning any Domain; this one is sphinxcontrib-bibtex's.
    return cast(BibtexDomain, env.get_domain("cite"))


def bib_entries(env: BuildEnvironment) -> Mapping[str, Entry]:
    """Every entry of the .bib files, by key, as sphinxcontrib-bibtex parsed them."""
    return cite_domain(env).bibdata.data.entries


def publication_entries(env: BuildEnvironment) -> Mapping[str, Entry]:
    """The owner's publications: every entry but those read only as crossref parents (a
    @proceedings that DBLP's export writes after its papers), which no list, paper page or
    export shows."""
    entries = bib_entries(env)
    if not parents_only():
        return entries
    return {key: entry for key, entry in entries.items() if not is_parent_only(key)}
