"""Formatted entries kept between builds, so that a build formats only the entries that changed.

sphinxcontrib-bibtex formats every entry of every list on every build (in its env-updated
handler, twice with tooltips), and each paper page formats its entry once more. Formatting is
a pure function of the entry, our style's code and the owner's names, so the rich text is kept
in Sphinx's environment (pickled with it, merged back from `-j` workers) under the entry's
content. A change to the style's code, to this module or to the owner's names starts an
empty cache. The warnings that formatting an entry gave are kept with its text and given again
by each build that does not format it (kept_warnings.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pybtex
from pybtex.database import BibliographyData, Entry, Person
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from cvsite import handler_order as order
from cvsite.code_digest import package_digest
from cvsite.publications.cite_domain import cite_domain
from cvsite.publications.record import crossref_parent
from cvsite.rendering import bib_style
from cvsite.speed import kept_warnings
from cvsite.wording import plural

logger = logging.getLogger(__name__)
ENV_ATTRIBUTE = "cvsite_formatting_cache"


def person_parts(person: Person) -> tuple:
    return (
        tuple(person.first_names),
        tuple(person.middle_names),
        tuple(person.prelast_names),
        tuple(person.last_names),
        tuple(person.lineage_names),
    )


def entry_content(entry: Entry) -> tuple:
    persons = tuple(
        (role, tuple(person_parts(person) for person in people))
        for role, people in entry.persons.items()
    )
    return (entry.key, entry.type, tuple(entry.fields.items()), persons)


def entry_fingerprint(entry: Entry) -> str:
    """A digest of everything of an entry that formatting can read: the entry, and the parent
    its `crossref` names, whose fields fill in its own (record.crossref_parent).

    A digest rather than the values themselves: the cache is pickled with the environment,
    and a short string per entry loads faster than a copy of every field and name.
    """
    parent = crossref_parent(entry) if "crossref" in entry.fields else None
    content = (entry_content(entry), entry_content(parent) if parent is not None else None)
    return hashlib.sha256(repr(content).encode()).hexdigest()[:32]


def style_fingerprint(owner_spellings: Sequence[str], not_owner: Sequence[str] = ()) -> str:
    """Changes when cvsite's code (the style, the record, this cache, how owner names match),
    the owner's names (cv_owner, its variants, cv_not_owner), or pybtex change (a cache pickled
    by other code of ours is never reused)."""
    digest = hashlib.sha256(package_digest().encode())
    digest.update(repr((tuple(owner_spellings), tuple(not_owner), pybtex.__version__)).encode())
    return digest.hexdigest()[:16]


@dataclass
class FormattingCache:
    style: str
    texts: dict[str, Text] = field(default_factory=dict)
    formatted: set[str] = field(default_factory=set)  # keys formatted by this build
    # fingerprint -> (key, the warnings that formatting the entry gave), for the few that warn
    warnings: dict[str, tuple[str, list[kept_warnings.KeptWarning]]] = field(default_factory=dict)
    # The last build's entries and their fingerprints. Pickled with the environment, they are
    # the very Entry objects that sphinxcontrib-bibtex restores, so a build that did not
    # re-read the .bib files finds each entry's fingerprint without computing it.
    known: list[tuple[Entry, str]] = field(default_factory=list, repr=False)
    # The parsed .bib data those entries came from (sphinxcontrib-bibtex's, pickled with it).
    source: BibliographyData | None = field(default=None, repr=False)
    # This build's fingerprints, by id of the Entry object (which lives as long as the build);
    # made from `known` when first needed (a build where nothing changed needs none).
    fingerprints: dict[int, tuple[Entry, str]] | None = field(default=None, repr=False)
    # Set when this cache replaced one of another style: every page is read again.
    restyled: bool = False

    def __getstate__(self) -> dict:
        return {**self.__dict__, "fingerprints": None, "restyled": False}

    def start_build(self) -> None:
        self.formatted = set()
        self.fingerprints = None

    def fingerprint(self, entry: Entry) -> str:
        if self.fingerprints is None:
            self.fingerprints = {id(known): (known, key) for known, key in self.known}
        found = self.fingerprints.get(id(entry))
        if found is None or found[0] is not entry:
            found = self.fingerprints[id(entry)] = (entry, entry_fingerprint(entry))
        return found[1]

    def digest(self, entry: Entry) -> str:
        """Changes when the entry or the style changes."""
        return f"{self.style}-{self.fingerprint(entry)}"

    def text(self, entry: Entry, format_text: Callable[[Entry], Text]) -> Text:
        key = self.fingerprint(entry)
        text = self.texts.get(key)
        if text is None:
            with kept_warnings.capture() as warned:
                text = self.texts[key] = format_text(entry)
            self.formatted.add(entry.key)
            if warned:
                self.warnings[key] = (entry.key, warned)
        return text

    def warn_again(self) -> None:
        """Give the kept warnings of the entries this build did not format (once each)."""
        for key, warned in self.warnings.values():
            if key not in self.formatted:
                kept_warnings.emit_again(warned)

    def keep_only(self, data: BibliographyData) -> None:
        """Forget entries that left the .bib files or changed, so the cache stays their size."""
        if data is self.source and not self.formatted:
            return  # the same parsed files as last time, and nothing new
        self.known = [(entry, self.fingerprint(entry)) for entry in data.entries.values()]
        self.source = data
        current = {key for _, key in self.known}
        self.texts = {key: text for key, text in self.texts.items() if key in current}
        self.warnings = {key: kept for key, kept in self.warnings.items() if key in current}


def cache_of(env: BuildEnvironment) -> FormattingCache | None:
    return getattr(env, ENV_ATTRIBUTE, None)


def attach(app: Sphinx) -> None:
    """builder-inited: reuse the cache of the last build when the style is the same."""
    config = app.config
    style = style_fingerprint([config.cv_owner, *config.cv_owner_variants], config.cv_not_owner)
    cache = cache_of(app.env)
    if cache is None or cache.style != style:
        # An environment of earlier builds, with another style or none: its pages show
        # entries formatted otherwise.
        restyled = bool(app.env.all_docs)
        cache = FormattingCache(style, restyled=restyled)
        setattr(app.env, ENV_ATTRIBUTE, cache)
    cache.start_build()
    find_plugin("pybtex.style.formatting", bib_style.STYLE_NAME).cache = cache


def reread_when_restyled(app: Sphinx, env: BuildEnvironment, added, changed, removed):
    """env-get-outdated: after a change of style, read every page again.

    Pages show entries formatted when they were read (selected publications) or written
    (the lists), so both must happen again; reading them also gets the environment, with the
    new cache, saved. A change of style is rare (an upgrade of this package, another owner
    name), and reading a site's few pages is cheap next to formatting its .bib.
    """
    cache = cache_of(env)
    return sorted(env.found_docs - added) if cache is not None and cache.restyled else []


def detach(app: Sphinx, exception: Exception | None) -> None:
    """build-finished: let go of the cache, which dies with the environment, not at exit."""
    cache = cache_of(app.env)
    if cache is not None:
        cache.fingerprints = None
    find_plugin("pybtex.style.formatting", bib_style.STYLE_NAME).cache = None


def merge_from_worker(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment):
    """env-merge-info: entries a `-j` reader process formatted come back with its env."""
    ours, theirs = cache_of(env), cache_of(other)
    if ours is not None and theirs is not None and theirs.style == ours.style:
        ours.texts.update(theirs.texts)
        ours.warnings.update(theirs.warnings)
        ours.formatted |= theirs.formatted


def report(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-updated, after sphinxcontrib-bibtex has formatted its lists: say what was formatted."""
    cache = cache_of(env)
    if cache is not None:
        data = cite_domain(env).bibdata.data
        cache.keep_only(data)
        cache.warn_again()
        formatted, total = len(cache.formatted), len(data.entries)
        reused = (" (all unchanged since the last build)" if formatted == 0 < total
                  else " (the others were unchanged since the last build)" if formatted < total
                  else "")  # fmt: skip
        logger.info(f"cvsite: formatted {formatted} of {plural(total, '.bib entry')}{reused}")
    return []


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", attach, priority=order.ATTACH_FORMATTING_CACHE)
    app.connect("env-get-outdated", reread_when_restyled)
    app.connect("env-merge-info", merge_from_worker)
    app.connect("build-finished", detach)
    app.connect("env-updated", report, priority=order.REPORT_FORMATTED)
