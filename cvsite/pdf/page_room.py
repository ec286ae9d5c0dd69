"""Page limits that are checked: how many pages the PDF made, and which pages of the site take
the room, so that a CV over its limit fails with what to cut (never a smaller font).

In the LaTeX build, `MarkPageRoom` puts `\\cvsitepagestart{<docname>}` where each page of the
site begins in the assembled document, and where it ends the name of the page it was included
from (empty at the top level). cvsite.sty records, as each PDF page is shipped out, the PDF page
and height of every mark in `<jobname>.room`:

    textheight 49413992
    mark 1 49879571 education
    mark 2 40575401

(sp, measured from the paper's foot). At the end of the build `<jobname>.pages.json` beside it
holds the pages' titles and the limit (`cvsite.variants.declared.current(config)`). After
latexmk, `over_limit` reads these and the log and gives the one message `make pdf` fails with.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from cvsite.variants.declared import current

OUTPUT_WRITTEN = re.compile(r"^Output written on .*\((\d+) pages?", re.MULTILINE)
SHOWN = 3  # the sections a message names, biggest first
CUT = "shorten or leave out some of them"


def mark(name: str) -> nodes.raw:
    # Docnames are file paths (letters, digits, - _ / .); \detokenize keeps _ and the like.
    return nodes.raw("", rf"\cvsitepagestart{{\detokenize{{{name}}}}}" + "\n", format="latex")


class MarkPageRoom(SphinxPostTransform):
    """A mark where each included page begins, and where it ends (its includer's name)."""

    builders = ("latex",)
    default_priority = 950  # last: nothing added after it lands outside the marks

    def run(self, **kwargs: Any) -> None:
        mark_pages(self.document)


def mark_pages(document: nodes.Node) -> None:
    """Marks at both ends of every included page; a page included from another (a nested
    toctree) hands the room back to it at its end."""
    for included in list(document.findall(addnodes.start_of_file)):
        includer = included.parent
        while includer is not None and not isinstance(includer, addnodes.start_of_file):
            includer = includer.parent
        included.insert(0, mark(included["docname"]))
        included.append(mark(includer["docname"] if includer is not None else ""))


def limit_setting(config: Any) -> tuple[str, str]:
    """What the PDF is called in a message, and the setting that holds its limit."""
    variant = current(config)
    if variant.is_full:
        return "the CV", "cv_pdf_page_limit"
    return f"the variant {variant.name!r}", f"cv_variants[{variant.name!r}]['page_limit']"


def write_titles(app: Sphinx, exception: Exception | None) -> None:
    """`<jobname>.pages.json` for each .tex of the LaTeX build: titles and limit."""
    if exception is not None or app.builder.name != "latex":
        return
    label, setting = limit_setting(app.config)
    facts = {
        "label": label,
        "page_limit": current(app.config).page_limit,
        "setting": setting,
        "titles": {name: title.astext() for name, title in app.env.titles.items()},
    }
    for entry in app.config.latex_documents:
        target = Path(app.builder.outdir, entry[1]).with_suffix(".pages.json")
        target.write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")


# -- After latexmk: the page count, each page's room, the message -------------------------------


@dataclass(frozen=True)
class Mark:
    page: int
    y: int  # sp from the paper's foot
    name: str  # the site's page from here on; "" none


def page_count(log_text: str) -> int:
    """The pages LaTeX wrote ("Output written on x.xdv (3 pages, ..."), 0 if none."""
    found = OUTPUT_WRITTEN.findall(log_text)
    return int(found[-1]) if found else 0


def read_room(text: str) -> tuple[int, list[Mark]]:
    """(\\textheight, the marks in document order) of a .room file."""
    height, marks = 0, []
    for line in text.splitlines():
        word, _, rest = line.partition(" ")
        if word == "textheight":
            height = int(rest)
        elif word == "mark":
            page, y, name = [*rest.split(" ", 2), ""][:3]
            marks.append(Mark(int(page), int(y), name))
    return height, marks


def room_of_pages(height: int, marks: list[Mark]) -> dict[str, float]:
    """Each site page's room in PDF pages (heights of text area), from one mark to the next:
    the pages between, plus the height from the first down to the second."""
    room: dict[str, float] = {}
    if height <= 0:
        return room
    for here, following in pairwise(marks):
        if here.name:
            taken = following.page - here.page + (here.y - following.y) / height
            room[here.name] = room.get(here.name, 0.0) + taken
    return room


def pages_of(tex: Path) -> int:
    """The pages of the PDF LaTeX made of `tex`, from its log (0: none written)."""
    log = tex.with_suffix(".log")
    return page_count(log.read_text(encoding="utf-8", errors="replace")) if log.exists() else 0


def over_limit(tex: Path) -> tuple[int, str]:
    """(pages the PDF of `tex` has, the message when they are over its limit, else "")."""
    pages = pages_of(tex)
    facts_file = tex.with_suffix(".pages.json")
    if not facts_file.exists():
        return pages, ""
    facts = json.loads(facts_file.read_text(encoding="utf-8"))
    limit = facts["page_limit"]
    if not limit or pages <= limit:
        return pages, ""
    room_file = tex.with_suffix(".room")
    marks = read_room(room_file.read_text(encoding="utf-8")) if room_file.exists() else (0, [])
    return pages, limit_message(facts, pages, room_of_pages(*marks))


def limit_message(facts: dict, pages: int, room: dict[str, float]) -> str:
    head = (
        f"make pdf: {facts['label']} has {pages} pages, over its limit of "
        f"{facts['page_limit']} ({facts['setting']})"
    )
    biggest = sorted(room.items(), key=lambda item: -item[1])[:SHOWN]
    shown = [(facts["titles"].get(name, name), f"{taken:.1f}") for name, taken in biggest]
    shown = [(title, figure) for title, figure in shown if figure != "0.0"]
    if not shown:
        return f"{head}; shorten or leave out some of its pages"
    listed = ", ".join(
        f"{title} {figure}{' pages' if number == 0 else ''}"
        for number, (title, figure) in enumerate(shown)
    )
    return f"{head}; the sections taking the most room: {listed} — {CUT}"


def setup(app: Sphinx) -> None:
    app.add_post_transform(MarkPageRoom)
    app.connect("build-finished", write_titles)
