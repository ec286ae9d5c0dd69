"""Counts in messages as a person writes them (cvsite/wording.py)."""

from __future__ import annotations

import pytest

from cvsite.wording import plural


@pytest.mark.parametrize(
    ("count", "noun", "written"),
    [
        (0, "problem", "0 problems"),
        (1, "problem", "1 problem"),
        (2, "problem", "2 problems"),
        (1, "entry", "1 entry"),
        (12, "entry", "12 entries"),
        (1, "required option", "1 required option"),
        (3, "required option", "3 required options"),
    ],
)
def test_plural(count, noun, written):
    assert plural(count, noun) == written
