"""The navbar in one row: how many sections show before "More" follows what is in the bar.

A tiny site with eight long section names (tests/roots/test-navbar-fit), built with the
engine's two contact icons, with ten profile icons, and with its own header_links_before_dropdown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, build_in_process
from test_browser import HEADER, header_faults, open_page

ROOT = REPO / "tests" / "roots" / "test-navbar-fit"
SECTIONS = [
    "Education", "Research experience", "Teaching experience", "Selected publications",
    "Invited talks", "Academic service", "Awards and honours", "Skills",
]  # fmt: skip
TEN_ICONS = [
    {"name": f"Profile {n}", "url": f"https://example.org/{n}", "icon": "fa-solid fa-house"}
    for n in range(10)
]
OPTIONS = {
    "two icons": {},
    "ten icons": {"icon_links": TEN_ICONS},
    "own setting": {"header_links_before_dropdown": 3},
}


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each build's home page."""
    homes = {}
    for name, options in OPTIONS.items():
        result = build_in_process(ROOT, tmp_path_factory.mktemp("navbar-fit"),
                                  html_theme_options=options)  # fmt: skip
        assert result.returncode == 0, result.stderr
        homes[name] = result.html / "index.html"
    return homes


def navbar(home: Path) -> tuple[list[str], list[str]]:
    """The sections in the row and in "More", of the navbar a narrow window shows."""
    nav = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").select_one(
        ".navbar-header-items nav"
    )
    row = [a.get_text(strip=True) for a in nav.select("li.nav-item > a.nav-link")]
    more = [a.get_text(strip=True) for a in nav.select(".dropdown-menu a")]
    return row, more


def test_the_sections_that_do_not_fit_are_in_more_in_their_order(homes):
    row, more = navbar(homes["two icons"])
    assert row and more
    assert row + more == SECTIONS


def test_more_icons_leave_room_for_fewer_sections(homes):
    assert 0 < len(navbar(homes["ten icons"])[0]) < len(navbar(homes["two icons"])[0])


def test_the_site_s_own_setting_wins_and_its_navbar_is_the_theme_s(homes):
    page = BeautifulSoup(homes["own setting"].read_text(encoding="utf-8"), "html.parser")
    assert navbar(homes["own setting"]) == (SECTIONS[:3], SECTIONS[3:])
    assert len(page.select(".navbar-header-items nav")) == 1
    assert not page.select("nav[class^=cv-navbar]")


def test_ten_icons_and_long_names_hold_in_one_row_and_wider_windows_show_more(browser, homes):
    context, page = open_page(browser, homes["ten icons"].as_uri())
    faults, row = [], {}
    for width in (960, 1280, 1920):
        page.set_viewport_size({"width": width, "height": 900})
        header = page.evaluate(HEADER)
        faults += header_faults(header, width)
        row[width] = header["row"]
    context.close()
    assert faults == []
    assert 0 < row[960] < row[1280] <= row[1920] < len(SECTIONS)
