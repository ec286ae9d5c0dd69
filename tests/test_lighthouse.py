"""Lighthouse 12, mobile preset: best practices and SEO 100, performance at least 97 (100 is the
goal). A page that misses the bar in one run gets the median of three.

The pages of tests/test_browser.CHECKED: every page but the paper pages, and of those the first
and the last (every paper page is the same prototype with another entry in it). A Lighthouse
run costs seconds a page, alone on the machine.

Accessibility and weight are not asked of Lighthouse: axe-core checks the same pages in four
modes and the browser tests count its bytes and requests (tests/test_browser.py). These tests
run after the rest of the suite, alone on the machine (`make test`), since a busy processor
lowers the performance score.
"""

from __future__ import annotations

import pytest
from lighthouse_runner import BAR, measure
from test_browser import CHECKED as MEASURED

pytestmark = pytest.mark.lighthouse


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
