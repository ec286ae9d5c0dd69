"""The publication lists of the real site, against refs.bib and the CV."""

from __future__ import annotations

import json
import re

import cv_facts
from conftest import REPO, text_of

from cvsite import bib_check

CV = cv_facts.load()
ENTRIES, _ = bib_check.check([REPO / "refs.bib"])


def all_items(site):
    return site.page("publications.html").select(".cv-publications ol > li")


def test_every_entry_of_refs_bib_is_shown_exactly_once(site):
    shown = [li["id"] for li in all_items(site)]
    assert sorted(shown) == sorted(entry.key for entry in ENTRIES)
    assert len(shown) == len(ENTRIES) == 12


def test_owner_in_bold_in_every_entry(site):
    for item in all_items(site):
        bold = [text_of(b).rstrip("*") for b in item.select("p strong")]
        assert CV.name in bold, item["id"]


def test_equal_contribution_marks_and_one_legend(site):
    page = site.page("publications.html")
    marked = [li["id"] for li in all_items(site) if li.select(".cv-equal")]
    assert marked == ["yue2021prototypical"]
    item = page.select_one("#yue2021prototypical")
    assert "Xiangyu Yue*, Zangwei Zheng*, Shanghang Zhang" in text_of(item.p)
    assert [text_of(p) for p in page.select(".cv-legend")] == ["* denotes equal contribution."]
    assert page.select_one(".cv-publications-peer-reviewed > .cv-legend") is not None


def test_awards_on_came_and_cowclip_only(site):
    awards = {
        li["id"]: text_of(li.select_one(".cv-award"))
        for li in all_items(site)
        if li.select(".cv-award")
    }
    assert awards == {
        "luo2023came": "Distinguished Paper Award (0.8%)",
        "zheng2023cowclip": "Distinguished Paper Award (0.1%)",
    }


def test_links_only_where_the_data_holds_them(site):
    links = {li["id"]: [a["href"] for a in li.select("p > a")] for li in all_items(site)}
    preprints = {f"https://arxiv.org/abs/{paper.arxiv}" for paper in CV.preprints}
    assert {href for hrefs in links.values() for href in hrefs} == preprints
    for item in site.page("publications.html").select(".cv-publications-preprints li"):
        assert len(item.select("p > a")) == 1


def test_bibtex_control_holds_clean_bibtex(site):
    for item in all_items(site):
        details = item.select_one("details.cv-bibtex")
        assert text_of(details.summary) == "BibTeX"
        source = details.pre.get_text()
        assert source.startswith("@") and f"{{{item['id']}," in source
        for field in ("award", "equal_contribution", "venue_short"):
            assert not re.search(rf"^\s*{field}\s*=", source, re.MULTILINE), item["id"]
    came = site.page("publications.html").select_one("#luo2023came details pre").get_text()
    assert "title = {{CAME}: Confidence-guided Adaptive Memory Efficient Optimization}" in came


def test_refs_bib_is_downloadable(site):
    link = site.page("publications.html").select_one("a.download[href$='refs.bib']")
    assert (site.html / link["href"]).read_bytes() == (REPO / "refs.bib").read_bytes()


def test_search_finds_entries_by_their_text_not_by_bibtex_field_names(site):
    """The BibTeX controls stay out of the search index: "booktitle" would match every entry."""
    script = (site.html / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(script[script.index("(") + 1 : script.rindex(")")])["terms"]
    assert {"cowclip", "infobatch", "neurip"} <= set(terms)  # titles and venues, stemmed
    assert not {"booktitl", "inproceed", "eprint", "archiveprefix"} & set(terms)
