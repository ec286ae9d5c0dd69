"""The `cv-entry` directive: one CV entry (institution, role, dates, place, bullets).

One node, two renderings: HTML (a grid that puts dates and place on the right, stacked on a
phone) and LaTeX (the `cvsiteentry` environment of cvsite.sty, with dates flush right).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.text import TextTranslator

from cvsite.pdf import pdf_scripts
from cvsite.variants.selection import read_tags
from cvsite.wording import plural

logger = logging.getLogger(__name__)

FIELDS = ("institution", "role", "dates", "place")
# The entry's heading. Dates are optional: an award, a language or a membership may have none,
# and an import keeps what the source gives rather than inventing one.
REQUIRED = {"institution": "National University of Singapore"}


class cv_entry(nodes.General, nodes.Element):
    """The fields as attributes, the bullets as children (lower case, as docutils names nodes)."""


class CVEntryDirective(SphinxDirective):
    has_content = True
    # `:tags:` say which CV variants show the entry (cvsite/variants/selection.py).
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **{field: directives.unchanged_required for field in FIELDS},
        "tags": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        missing = [name for name in REQUIRED if not self.options.get(name, "").strip()]
        if missing:
            fixes = "; ".join(f'":{name}: {REQUIRED[name]}"' for name in missing)
            raise self.error(
                f"cv-entry is missing {plural(len(missing), 'required option')}: "
                f"{', '.join(missing)}; "
                f"add a line such as {fixes} at the top of the directive."
            )
        node = cv_entry(**{field: self.options.get(field, "").strip() for field in FIELDS})
        node["tags"] = read_tags(self.options.get("tags", ""))
        self.set_source_info(node)
        node += self.parse_content_to_nodes()
        return [node, *lift_nested_entries(node)]


def lift_nested_entries(entry: cv_entry) -> list[cv_entry]:
    """The entries parsed inside this one, taken out to follow it, each reported.

    An entry inside another is always a slip: a missing closing `:::` makes the next entry
    part of this one's content. The first found is the one right after this entry; any
    after it were reported by that one's own directive, which lifted them to follow it.
    """
    nested = list(entry.findall(cv_entry, include_self=False))
    for node in nested:
        node.parent.remove(node)
    if nested:
        logger.warning(
            f"this cv-entry is inside the cv-entry of line {entry.line}, which lacks its "
            "closing ':::'; add a line ':::' at the end of that entry, before this one",
            location=nested[0],
            type="cvsite",
            subtype="nested_entry",
        )
    return nested


# HTML ----------------------------------------------------------------------------------------


def visit_cv_entry_html(self: HTML5Translator, node: cv_entry) -> None:
    # The institution is a heading one level below the section it sits in, so that screen
    # readers can jump from entry to entry.
    level = min(self.section_level + 1, 6)
    self.body.append('<div class="cv-entry">\n<div class="cv-entry-head">\n')
    self.body.append(
        f'<h{level} class="cv-entry-institution">{self.encode(node["institution"])}</h{level}>\n'
    )
    for field in ("dates", "role", "place"):
        if node[field]:
            self.body.append(f'<p class="cv-entry-{field}">{self.encode(node[field])}</p>\n')
    self.body.append("</div>\n")


def depart_cv_entry_html(self: HTML5Translator, node: cv_entry) -> None:
    self.body.append("</div>\n")


# LaTeX ---------------------------------------------------------------------------------------


def visit_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    # The fields are attributes, not text nodes, so they get their font switches here.
    fonts = self.config.cv_pdf_fonts
    fields = "".join(
        "{" + pdf_scripts.latex_text(node[field], fonts, self.encode) + "}" for field in FIELDS
    )
    self.body.append(f"\n\\begin{{cvsiteentry}}{fields}\n")


def depart_cv_entry_latex(self: LaTeXTranslator, node: cv_entry) -> None:
    self.body.append("\\end{cvsiteentry}\n")


# Plain text (for `-b text` and the search index) ----------------------------------------------


def visit_cv_entry_text(self: TextTranslator, node: cv_entry) -> None:
    head = " | ".join(node[field] for field in FIELDS if node[field])
    self.new_state(0)
    self.add_text(head)
    self.end_state()


def depart_cv_entry_text(self: TextTranslator, node: cv_entry) -> None:
    pass


def setup(app: Sphinx) -> None:
    app.add_node(
        cv_entry,
        html=(visit_cv_entry_html, depart_cv_entry_html),
        latex=(visit_cv_entry_latex, depart_cv_entry_latex),
        text=(visit_cv_entry_text, depart_cv_entry_text),
    )
    app.add_directive("cv-entry", CVEntryDirective)
