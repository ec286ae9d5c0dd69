"""Every fact of the CV appears on the page that carries its section, and nothing is lost."""

from __future__ import annotations

import cv_facts
import pytest
from conftest import text_of

CV = cv_facts.load()


def page_text(site, page: str) -> str:
    return text_of(site.page(page).select_one("article.bd-article"))


def test_the_cv_parser_found_every_section():
    # Guards the tests below: a parser that found nothing would make them pass vacuously.
    assert [len(CV.entries[s]) for s in CV.entries] == [2, 2, 1]
    assert (len(CV.publications), len(CV.preprints)) == (8, 4)
    assert len(CV.interests) == 2 and sum(map(len, CV.skills.values())) == 10


def test_research_interests(site):
    text = page_text(site, "research-interests.html")
    for interest in CV.interests:
        assert interest in text


@pytest.mark.parametrize("section", list(CV.entries))
def test_cv_entries_appear_with_every_field(site, section):
    soup = site.page(cv_facts.SECTION_PAGES[section])
    entries = soup.select(".cv-entry")
    assert len(entries) == len(CV.entries[section])
    for html_entry, cv_entry in zip(entries, CV.entries[section], strict=True):
        head = html_entry.select_one(".cv-entry-head")
        assert text_of(head.select_one(".cv-entry-institution")) == cv_entry.institution
        assert text_of(head.select_one(".cv-entry-dates")) == cv_entry.dates
        assert text_of(head.select_one(".cv-entry-role")) == cv_entry.role
        assert text_of(head.select_one(".cv-entry-place")) == cv_entry.place
        bullets = [text_of(li) for li in html_entry.select(":scope > ul > li")]
        assert bullets == cv_entry.bullets


def test_home_page_has_name_position_and_contact(site):
    text = page_text(site, "index.html")
    assert site.page("index.html").find("h1").get_text(strip=True).startswith(CV.name)
    assert "Ph.D. student" in text and "National University of Singapore" in text
    assert "HPC-AI Lab" in text and "Prof. Yang You" in text
    assert CV.email in text and CV.homepage in text


def test_skills(site):
    skills = site.page("skills.html").select_one("article dl")
    shown = {text_of(dt): text_of(dd) for dt, dd in zip(skills("dt"), skills("dd"), strict=True)}
    assert shown == {label: ", ".join(items) for label, items in CV.skills.items()}


@pytest.mark.parametrize("kind", ["publications", "preprints"])
def test_publications_title_authors_venue_in_cv_order(site, kind):
    papers = getattr(CV, kind)
    listing = site.page("publications.html").select_one(
        ".cv-publications-" + ("peer-reviewed" if kind == "publications" else "preprints")
    )
    items = listing.select("ol > li")
    assert listing.select_one("ol")["start"] == "1"
    assert len(items) == len(papers)
    for item, paper in zip(items, papers, strict=True):
        assert text_of(item.select_one(".cv-pub-title")) == paper.title
        assert ", ".join(paper.authors) in text_of(item)
        if paper.venue:
            # The CV writes "Neurips"; the site uses the venue's own spelling "NeurIPS".
            venue = [text_of(s) for s in item.find_all("strong") if paper.venue[-4:] in s.text]
            assert [v.casefold() for v in venue] == [paper.venue.casefold()]
        if paper.award:
            assert text_of(item.select_one(".cv-award")) == paper.award
        if paper.arxiv:
            assert f"arXiv:{paper.arxiv}" in text_of(item)
