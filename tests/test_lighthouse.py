"""Lighthouse 12, mobile preset, on every page: 100 for accessibility, best practices and
SEO; performance 100 is the goal and below 97 fails. The median of three runs counts."""

from __future__ import annotations

import pytest
from lighthouse_runner import measure
from test_browser import BUDGET, PAGES


@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_scores_and_weight(served_site, name):
    scores = measure(served_site + name)
    assert scores["accessibility"] == scores["best-practices"] == scores["seo"] == 100, scores
    assert scores["performance"] >= 97, scores
    most_bytes, most_requests = BUDGET.get(name, BUDGET["default"])
    assert scores["bytes"] <= most_bytes and scores["requests"] <= most_requests, scores
