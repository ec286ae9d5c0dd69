"""Page limits that are checked: a PDF over its limit fails `make pdf` with one message (its
pages, the limit, the sections taking the most room with how much each takes); within it, the
build says how many pages it made. One PDF build of a three-page CV, then `make pdf` again with a
lower limit (LaTeX has nothing to redo)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, build_once
from docutils import nodes
from sphinx import addnodes

from cvsite.pdf import page_room

SITE = REPO / "tests" / "roots" / "test-page-limit"  # an invented CV of three pages
TEX = "ilse-varga-moreau-cv.tex"
MESSAGE = re.compile(
    r"make pdf: the CV has 3 pages, over its limit of 2 \(cv_pdf_page_limit\); the sections "
    r"taking the most room: (?P<sections>.+) — shorten or leave out some of them"
)
SECTION = re.compile(r"(?P<title>.+?) (?P<room>\d+\.\d)(?: pages)?")


def make_pdf(site: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "cvsite.cli.make_pdf"], cwd=site,
                            capture_output=True, text=True, check=False)  # fmt: skip
    return {"returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """(the site's folder, {"within": make pdf at the limit 3, "over": then at 2})."""

    def build(folder: Path) -> dict:
        site = shutil.copytree(SITE, folder / "site")
        within = make_pdf(site)
        conf = site / "conf.py"
        conf.write_text(conf.read_text().replace("page_limit = 3", "page_limit = 2"))
        return {"within": within, "over": make_pdf(site)}

    folder, outcome = build_once(tmp_path_factory, "page-limit", build)
    return folder / "site", outcome


def test_within_its_limit_the_build_says_how_many_pages_it_made(builds):
    _, outcome = builds
    within = outcome["within"]
    assert within["returncode"] == 0, within["stderr"][-3000:]
    assert re.search(
        r"^make pdf: wrote _build/pdf/ilse-varga-moreau-cv\.pdf \(3 pages, \d+\.\d s\)$",
        within["stdout"],
        re.MULTILINE,
    ), within["stdout"]


def sections_of(message: str) -> list[tuple[str, float]]:
    match = MESSAGE.fullmatch(message)
    assert match, message
    return [
        (found["title"], float(found["room"]))
        for found in map(SECTION.fullmatch, match["sections"].split(", "))
        if found
    ]


def test_over_its_limit_the_build_fails_with_pages_limit_and_the_biggest_sections(builds):
    _, outcome = builds
    over = outcome["over"]
    assert over["returncode"] == 1, over["stdout"][-2000:]
    assert "Traceback" not in over["stderr"]
    message = over["stderr"].strip().splitlines()[-1]
    sections = sections_of(message)
    # The three biggest pages of the four, biggest first: "Research experience 1.0 pages, ..."
    assert [title for title, _ in sections] == ["Research experience", "Publications", "Education"]
    assert re.search(r"Research experience \d\.\d pages, Publications \d\.\d, ", message)
    rooms = [room for _, room in sections]
    assert rooms == sorted(rooms, reverse=True)
    assert 0.8 <= rooms[0] <= 1.2  # six entries of four lines each: about a page
    assert 2.0 <= sum(rooms) <= 3.0  # with the header and Teaching, three pages
    assert "wrote" not in over["stdout"]


def heading_tops(pdf: Path, words: tuple[str, ...]) -> dict[str, tuple[int, float]]:
    """(page, top in bp) of the first word of each heading, from pdftotext's boxes."""
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout  # fmt: skip
    found = {}
    for number, page in enumerate(boxes.split("<page ")[1:], 1):
        for top, word in re.findall(r'yMin="([\d.]+)"[^>]*>([^<]*)</word>', page):
            if word in words and word not in found:
                found[word] = (number, float(top))
    return found


def test_a_pages_room_is_where_the_next_heading_begins(builds):
    """Research experience's room is the text height from its heading down to the next."""
    site, _ = builds
    tex = site / "_build" / "latex" / TEX
    height_sp, marks = page_room.read_room(tex.with_suffix(".room").read_text(encoding="utf-8"))
    room = page_room.room_of_pages(height_sp, marks)
    # Headings are set in small capitals, which extract as capitals.
    tops = heading_tops(tex.with_suffix(".pdf"), ("RESEARCH", "PUBLICATIONS"))
    (page, top), (next_page, next_top) = tops["RESEARCH"], tops["PUBLICATIONS"]
    height_bp = height_sp / 65536 * 72 / 72.27
    assert room["experience"] == pytest.approx(
        next_page - page + (next_top - top) / height_bp, abs=0.02
    )
    assert set(room) == {"education", "experience", "publications", "teaching"}


def test_the_message_names_at_most_three_sections_and_none_too_small_to_show():
    facts = {"label": "the variant 'short'", "page_limit": 1,
             "setting": "cv_variants['short']['page_limit']",
             "titles": {"a": "Awards", "b": "Books", "c": "Courses", "d": "Data"}}  # fmt: skip
    room = {"a": 0.04, "b": 1.26, "c": 0.3, "d": 0.61}
    assert page_room.limit_message(facts, 2, room) == (
        "make pdf: the variant 'short' has 2 pages, over its limit of 1 "
        "(cv_variants['short']['page_limit']); the sections taking the most room: Books 1.3 "
        "pages, Data 0.6, Courses 0.3 — shorten or leave out some of them"
    )
    assert page_room.page_count("Output written on cv.xdv (1 page, 5 bytes).") == 1


def test_a_page_included_from_another_hands_the_room_back_at_its_end():
    inner = addnodes.start_of_file(docname="talks/2024")
    outer = addnodes.start_of_file("", nodes.section("", inner), docname="talks")
    tree = nodes.section("", outer, addnodes.start_of_file(docname="skills"))
    page_room.mark_pages(tree)
    marked = [re.fullmatch(r"\\cvsitepagestart\{\\detokenize\{(.*)\}\}\n", raw.astext())
              for raw in tree.findall(nodes.raw)]  # fmt: skip
    assert all(marked)
    assert [found[1] for found in marked if found] == [
        "talks", "talks/2024", "talks", "", "skills", ""
    ]  # fmt: skip
