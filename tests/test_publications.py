"""The publication lists against the .bib files they come from, for each site."""

from __future__ import annotations

import json
import re

from conftest import text_of
from sphinx.search.en import SearchEnglish

from cvsite.testing.source_publications import listed_order, name_key


def items(site):
    return site.page("publications.html").select(".cv-publications ol > li")


def test_every_entry_is_shown_once_in_the_list_of_its_kind(academic):
    page = academic.site.page("publications.html")
    assert sorted(li["id"] for li in items(academic.site)) == sorted(
        publication.key for publication in academic.sources.publications
    )
    for publication in academic.sources.publications:
        assert page.select(f".cv-publications-{publication.kind} ol > li#{publication.key}")


def test_lists_are_numbered_from_one_and_newest_first(academic):
    page = academic.site.page("publications.html")
    for listing in page.select(".cv-publications"):
        kind = next(c[16:] for c in listing["class"] if c.startswith("cv-publications-"))
        assert listing.select_one("ol")["start"] == "1"
        shown = [li["id"] for li in listing.select("ol > li")]
        assert shown == [p.key for p in listed_order(academic.sources.publications, kind)]


def test_each_entry_shows_title_authors_venue_year_and_award(academic):
    page = academic.site.page("publications.html")
    for publication in academic.sources.publications:
        reference = page.select_one(f"li#{publication.key} > p")
        text = text_of(reference)
        assert text_of(reference.select_one(".cv-pub-title")) == publication.title
        assert publication.author_line in text, publication.key
        # Venue and year: each bold, in a span of its own (one bold run when adjacent).
        venue = [text_of(span) for span in reference.select("strong .cv-venue")]
        year = [text_of(span) for span in reference.select("strong .cv-year")]
        if publication.venue:
            years = [publication.year] if publication.year else []
            assert (venue, year) == ([publication.venue], years), publication.key
        elif publication.arxiv:  # a preprint's venue is its arXiv id, linked
            label = f"arXiv:{publication.arxiv}" + (
                f", {publication.year}" if publication.year else ""
            )
            assert label in [text_of(a) for a in reference.find_all("a")], publication.key
        awards = [text_of(award) for award in reference.select(".cv-award")]
        assert awards == ([publication.award] if publication.award else []), publication.key


def test_each_entry_shows_the_volume_issue_and_pages_it_has_and_no_others(academic):
    page = academic.site.page("publications.html")
    for publication in academic.sources.publications:
        text = text_of(page.select_one(f"li#{publication.key} > p"))
        after_authors = text.split(publication.author_line, 1)[-1]
        shown = re.findall(r"(?<!\w)(?:vol|no|pp?)\. [^,]+", after_authors)
        assert shown == list(publication.details), publication.key


def test_the_owner_is_bold_in_every_entry_they_wrote(academic):
    owners = academic.sources.owner_names
    page = academic.site.page("publications.html")
    written = 0
    for publication in academic.sources.publications:
        names = [name for name in publication.authors if name_key(name) in owners]
        bold = [
            text_of(strong).removesuffix("*")
            for strong in page.select(f"li#{publication.key} > p strong")
        ]
        assert [name for name in bold if name_key(name) in owners] == names, publication.key
        written += bool(names)
    assert written  # the owner wrote at least one entry, or the check proves nothing


def test_equal_contribution_marks_and_one_legend_per_list(academic):
    page = academic.site.page("publications.html")
    for publication in academic.sources.publications:
        reference = page.select_one(f"li#{publication.key} > p")
        marks = len(reference.select(".cv-equal"))
        shown = [
            name for name in publication.authors if name_key(name) in publication.equal_contributors
        ]
        assert marks == len(shown), publication.key
    kinds = {p.kind for p in academic.sources.publications if p.equal_contributors}
    assert [text_of(p) for p in page.select(".cv-legend")] == [
        "* denotes equal contribution."
    ] * len(kinds)
    for kind in kinds:
        assert page.select_one(f".cv-publications-{kind} > .cv-legend") is not None


def test_links_only_where_the_data_holds_them(academic):
    page = academic.site.page("publications.html")
    for publication in academic.sources.publications:
        links = [
            a["href"]
            for a in page.select(f"li#{publication.key} > p a[href]")
            if a["href"].startswith(("https://", "http://"))
        ]
        assert sorted(set(links)) == sorted(publication.links), publication.key
        assert len(links) == len(publication.links), publication.key  # each link once


def test_bibtex_control_holds_clean_bibtex(academic):
    for publication in academic.sources.publications:
        details = academic.site.page("publications.html").select_one(
            f"li#{publication.key} details.cv-bibtex"
        )
        assert text_of(details.summary) == "BibTeX"
        source = details.pre.get_text()
        assert source.startswith(f"@{publication.entry_type}{{{publication.key},")
        assert f"title = {{{publication.raw_title}}}" in source, publication.key
        for field in ("award", "equal_contribution", "venue_short", "selected"):
            assert not re.search(rf"^\s*{field}\s*=", source, re.MULTILINE), publication.key


def test_the_bib_file_is_downloadable(academic):
    [bib] = academic.sources.bib_files
    link = academic.site.page("publications.html").select_one(f"a.download[href$='{bib.name}']")
    assert (academic.site.html / link["href"]).read_bytes() == bib.read_bytes()


def test_search_finds_entries_by_their_text_not_by_bibtex_field_names(academic):
    """The BibTeX controls stay out of the search index: "booktitle" would match every entry."""
    script = (academic.site.html / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1 : script.rindex(")")])
    publications_page = index["docnames"].index("publications")
    on_that_page = {
        term
        for terms in (index["terms"], index["titleterms"])
        for term, pages in terms.items()
        if publications_page in (pages if isinstance(pages, list) else [pages])
    }
    english = SearchEnglish({})  # how Sphinx splits, filters and stems the words it indexes
    for publication in academic.sources.publications:
        for word in english.split(publication.title):
            # Its English index drops letters outside ASCII (Über is indexed as "ber").
            if english.word_filter(word) and len(word) > 2 and word.isascii():
                stems = {english.stem(word), word, word.casefold()}
                assert stems & on_that_page, f"{publication.key}: {word!r} is not indexed"
    bibtex_words = {"booktitl", "inproceed", "eprint", "archiveprefix", "equal_contribut"}
    assert not bibtex_words & set(index["terms"])
