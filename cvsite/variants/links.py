"""The public variants' PDFs on the site: `{cv-pdf-variants}` lists them (the navbar and the
home page's button keep the full CV), each copied next to index.html as the full CV is
(web/pdf_link.py). Only a PDF that `make pdf` wrote is linked, never a missing file."""

from __future__ import annotations

import shutil
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from cvsite import handler_order as order
from cvsite.variants.declared import Variant, declared, file_stem

CONTEXT = "cv_pdf_variants"  # html_context: [(file name, title)] of the linked variants


class pdf_variants(nodes.General, nodes.Element):
    """Filled when writing HTML, with the variants whose PDF is there; LaTeX leaves it out."""


class PDFVariantsDirective(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        node = pdf_variants()
        self.set_source_info(node)
        return [node]


def pdf_file_name(config: Config, variant: Variant) -> str:
    return f"{file_stem(config, variant)}.pdf"


def built_pdf(app: Sphinx, variant: Variant) -> Path:
    return Path(app.confdir, app.config.cv_pdf_dir, pdf_file_name(app.config, variant))


def decide_links(app: Sphinx, config: Config) -> None:
    """The public variants whose PDF is built; a setting of the HTML build, so that Sphinx
    writes the pages again when one comes or goes."""
    public = [v for v in declared(config) if v.public and not v.is_full]
    config.html_context[CONTEXT] = [
        (pdf_file_name(config, v), v.title) for v in public if built_pdf(app, v).is_file()
    ]


def visit_pdf_variants_html(self, node: pdf_variants) -> None:
    linked = self.builder.config.html_context.get(CONTEXT, [])
    if linked:
        here = self.builder.get_target_uri(self.builder.current_docname)
        links = " · ".join(
            f'<a href="{relative_uri(here, file_name)}">{self.encode(title)} (PDF)</a>'
            for file_name, title in linked
        )
        self.body.append(f'<p class="cv-pdf-variants">Also: {links}</p>\n')
    raise nodes.SkipNode


def skip(self, node: pdf_variants) -> None:
    raise nodes.SkipNode


def copy_into_site(app: Sphinx, exception: Exception | None) -> None:
    if exception or app.builder.format != "html":
        return
    for variant in declared(app.config):
        if variant.is_full:
            continue
        in_site = Path(app.outdir, pdf_file_name(app.config, variant))
        if (pdf_file_name(app.config, variant), variant.title) in app.config.html_context.get(
            CONTEXT, []
        ):
            shutil.copyfile(built_pdf(app, variant), in_site)
        else:
            in_site.unlink(missing_ok=True)


def setup(app: Sphinx) -> None:
    app.add_node(
        pdf_variants, html=(visit_pdf_variants_html, None), latex=(skip, None), text=(skip, None)
    )
    app.add_directive("cv-pdf-variants", PDFVariantsDirective)
    app.connect("config-inited", decide_links, priority=order.READ_FINAL_SETTINGS)
    app.connect("build-finished", copy_into_site)
