"""The PDF CV's layouts: the same LaTeX from the same nodes, drawn by a different style file.

    classic   cvsite.sty           the header centred, entries on two lines, a title line per paper
    compact   cvsite-compact.sty   for page limits: narrower margins and spacing, an entry's
                                   institution, role and place on one line, each paper's title
                                   run in with its authors (the body stays 10 pt)
    modern    cvsite-modern.sty    a tinted band across the top with the name, position, contact
                                   line, profiles and cv_keywords; coloured section rules

`cv_pdf_layout` chooses the full CV's, `cv_variants[...]["layout"]` a variant's
(cvsite/variants/declared.py). Each style file but cvsite.sty loads cvsite.sty and redefines
only what differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

LATEX_FOLDER = Path(__file__).parent / "latex"
# Sphinx's colours (sphinxsetup keys), the same in every layout: black headings and inner links,
# dark blue outer links.
COLOURS = "TitleColor=black, InnerLinkColor=black, OuterLinkColor={rgb}{0.0,0.25,0.55}"


@dataclass(frozen=True)
class Layout:
    package: str  # the style file's name without .sty, for \usepackage
    margins: str  # sphinxsetup's margins (Sphinx passes them to geometry)

    @property
    def style_file(self) -> Path:
        return LATEX_FOLDER / f"{self.package}.sty"


LAYOUTS = {
    "classic": Layout("cvsite", "hmargin=1.8cm, vmargin=1.6cm"),
    "compact": Layout("cvsite-compact", "hmargin=1.3cm, vmargin=1.1cm"),
    "modern": Layout("cvsite-modern", "hmargin=1.8cm, vmargin=1.5cm"),
}
DEFAULT = "classic"


def style_files() -> list[Path]:
    """Every layout's style file (each but cvsite.sty loads cvsite.sty): all go to the LaTeX
    folder, whichever the build uses."""
    return [layout.style_file for layout in LAYOUTS.values()]


def latex_elements_for(layout: str) -> dict[str, str]:
    """The latex_elements that a layout sets: `sphinxsetup` (margins and colours) and the
    `preamble`'s \\usepackage line. An unknown name (conf.py's checks report it) gets classic."""
    chosen = LAYOUTS.get(layout, LAYOUTS[DEFAULT])
    return {
        "sphinxsetup": f"{chosen.margins}, {COLOURS}",
        "preamble": rf"\usepackage{{{chosen.package}}}",
    }
