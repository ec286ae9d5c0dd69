"""Lighthouse 12, mobile preset: best practices and SEO 100, performance at least 97 (100 is the
goal). A page that misses the bar in one run gets the median of three.

One page of each kind the site has: the home page, the publication lists, a section page of
CV entries, the search page and a paper page (the other section pages and paper pages are the
same templates with other content). A Lighthouse run costs seconds a page, alone on the
machine; `make lighthouse` measures every page.

Accessibility and weight are not asked of Lighthouse: axe-core checks every page but the
paper pages (and the first and last of those) in four modes, and the browser tests count every
page's bytes and requests (tests/test_browser.py). These tests
run after the rest of the suite, alone on the machine (`make test`), since a busy processor
lowers the performance score.
"""

from __future__ import annotations

import pytest
from lighthouse_runner import BAR, measure
from test_browser import PAPER_PAGES

pytestmark = pytest.mark.lighthouse
MEASURED = sorted(["index.html", "publications.html", "education.html", "search.html",
                   PAPER_PAGES[0]])  # fmt: skip


@pytest.fixture(scope="module")
def scores(served_site) -> dict[str, dict]:
    results = measure([served_site + name for name in MEASURED])
    return {url.removeprefix(served_site): result for url, result in results.items()}


def test_every_page_chosen_was_measured(scores):
    assert sorted(scores) == MEASURED


@pytest.mark.parametrize("name", MEASURED)
def test_lighthouse_scores(scores, name):
    below = {category: scores[name][category] for category, least in BAR.items()
             if scores[name][category] < least}  # fmt: skip
    assert below == {}, scores[name]
