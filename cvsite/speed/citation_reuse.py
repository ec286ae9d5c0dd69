"""sphinxcontrib-bibtex's `cite` domain, reusing the last build's citations when it can.

On every build, even one where nothing changed, sphinxcontrib-bibtex re-derives its citations
(which entry goes in which list, in what order, formatted how) from every entry of the .bib
files: a tenth of a second at 2,000 entries, however well the formatting is cached. They
derive only from the pages' lists and citations, the parsed .bib files and the settings, and
they are kept in Sphinx's environment. So when no page was read or removed (Sphinx clears a
page's data from the domain before it reads it again), the .bib files were not read again,
and no setting they depend on changed, this domain keeps them as they are, and gives again
the warnings that deriving them gave (a duplicate citation or label, a missing field), so
that a failed build fails again when run again.
"""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.application import Sphinx
from sphinxcontrib.bibtex.domain import BibtexDomain

from cvsite.speed import formatting_cache, garbage_collection, kept_warnings

BASIS = "cvsite_citations_basis"  # in the domain's data, so it is pickled beside the citations
WARNINGS = "cvsite_citations_warnings"  # what deriving them gave, given again on reuse


class CiteDomainReusingCitations(BibtexDomain):
    def __init__(self, env) -> None:
        super().__init__(env)
        self.pages_changed = False

    def setup(self) -> None:
        super().setup()
        # Sphinx sets up the domains right after it has loaded the environment.
        garbage_collection.end_pause()

    def clear_doc(self, docname: str) -> None:
        self.pages_changed = True
        super().clear_doc(docname)

    def merge_domaindata(self, docnames, otherdata) -> None:
        self.pages_changed = True
        super().merge_domaindata(docnames, otherdata)

    def basis(self) -> tuple:
        """What the citations derive from, besides the pages."""
        settings = sorted(
            (item.name, repr(item.value))
            for item in self.env.config
            if item.name.startswith("bibtex_")
        )
        cache = formatting_cache.cache_of(self.env)
        # The parsed .bib data as an object: pickled with the basis, it is the same object
        # after the next load only if sphinxcontrib-bibtex did not parse the files again.
        return (self.bibdata, tuple(settings), cache.style if cache else None)

    def env_updated(self) -> Iterable[str]:
        basis, last = self.basis(), self.data.get(BASIS)
        if (
            not self.pages_changed
            and last is not None
            and last[0] is basis[0]
            and last[1:] == basis[1:]
        ):
            kept_warnings.emit_again(self.data.get(WARNINGS, []))
            return []
        with kept_warnings.capture() as warnings:
            updated = list(super().env_updated())
        self.data[BASIS], self.data[WARNINGS] = basis, warnings
        if not self.pages_changed:
            # A setting changed but no page was read: the pages with lists are out of date,
            # and naming them gets the environment, with this basis, saved.
            updated += sorted({key.docname for key in self.bibliographies})
        return updated


def setup(app: Sphinx) -> None:
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(CiteDomainReusingCitations, override=True)
