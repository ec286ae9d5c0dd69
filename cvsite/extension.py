"""Wires the cvsite modules into Sphinx; each concern lives in its own module."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config

from . import (
    __version__,
    bib_check,
    bib_style,
    citation_reuse,
    cv_entry,
    formatting_cache,
    garbage_collection,
    generator,
    hints,
    icons,
    owner_names,
    page_weight,
    paper_pages,
    pdf_cv,
    pdf_link,
    pdf_scripts,
    publication_list,
    search_engines,
    settings,
    site_theme,
    sitemap,
    source_folder,
    strict_rebuilds,
)


def register_bib_style(app: Sphinx, config: Config) -> None:
    bib_style.register(owner_names.OwnerNames.from_config(config))


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(citation_reuse.CiteDomainReusingCitations, override=True)
    garbage_collection.install()
    app.connect("config-inited", garbage_collection.pause_for_environment_load, priority=999)
    app.connect("builder-inited", garbage_collection.resume, priority=1)
    app.connect("build-finished", garbage_collection.unfreeze, priority=999)
    hints.install(app)
    strict_rebuilds.install(app)
    app.connect("builder-inited", strict_rebuilds.note_build_start, priority=1)
    app.connect("env-get-outdated", strict_rebuilds.reread_after_warnings)
    # Last, after every handler that may warn.
    app.connect("build-finished", strict_rebuilds.note_build_end, priority=1000)
    settings.register(app)
    # Before the settings (priority 400): a build of the wrong folder says only that.
    app.connect("config-inited", source_folder.check, priority=300)
    app.connect("config-inited", settings.check, priority=400)
    app.connect("config-inited", site_theme.apply_defaults)
    app.connect("config-inited", register_bib_style)
    app.connect("config-inited", pdf_cv.apply_defaults)
    app.connect("config-inited", generator.name_pdf_creator, priority=550)
    # Before paper_pages (priority 500) renders its prototype, so paper pages carry it too.
    app.connect("html-page-context", generator.add_generator_tag, priority=400)
    # After site_theme (priority 500) has settled html_baseurl.
    app.connect("config-inited", search_engines.apply_defaults, priority=600)
    app.connect("html-page-context", search_engines.add_person)
    app.connect("html-page-context", search_engines.describe_search_page)
    # After sphinxext-opengraph (priority 500) has written its tags.
    app.connect("html-page-context", search_engines.use_page_description_for_previews, priority=600)
    app.connect("build-finished", search_engines.write_robots_txt)
    sitemap.register(app)
    app.connect("doctree-read", site_theme.require_meta_description)

    app.add_node(cv_entry.cv_entry, **cv_entry.VISITORS)
    app.add_directive("cv-entry", cv_entry.CVEntryDirective)

    app.connect("config-inited", publication_list.set_bibtex_ids)
    # After the cv_* settings are checked (400), before the environment compares the settings
    # with the last build's: it may point bibtex_bibfiles at a normalised copy.
    app.connect("config-inited", bib_check.check_for_build, priority=450)
    app.add_node(publication_list.publication_list, **publication_list.VISITORS)
    app.add_directive("publication-list", publication_list.PublicationListDirective)
    # Before Sphinx's table-of-contents collector (priority 500) sees the sections.
    app.connect("doctree-read", publication_list.drop_empty_lists, priority=400)
    app.add_post_transform(publication_list.FinishPublicationLists)
    app.add_post_transform(publication_list.AddBibTeXControls)
    app.connect("env-check-consistency", publication_list.check_every_entry_listed)

    app.connect("builder-inited", formatting_cache.attach, priority=550)
    app.connect("env-get-outdated", formatting_cache.reread_when_restyled)
    app.connect("env-merge-info", formatting_cache.merge_from_worker)
    app.connect("build-finished", formatting_cache.detach)
    # After sphinxcontrib-bibtex (priority 500) has formatted its lists.
    app.connect("env-updated", formatting_cache.report, priority=900)

    app.add_directive("selected-publications", paper_pages.SelectedPublicationsDirective)
    app.add_post_transform(paper_pages.LinkSelectedTitles)
    for node, visitors in paper_pages.VISITORS.items():
        app.add_node(node, **visitors)
    app.connect("html-page-context", paper_pages.add_prototype_placeholders)
    app.connect("html-page-context", paper_pages.start_making_pages)
    app.connect("html-collect-pages", paper_pages.write_pages)

    # The PDF in every script: runs the main font lacks switch font (LaTeX only).
    app.add_node(pdf_scripts.script_run, **pdf_scripts.VISITORS)
    app.add_post_transform(pdf_scripts.WrapScriptRuns)

    app.add_node(pdf_link.pdf_link, **pdf_link.VISITORS)
    app.add_directive("cv-pdf-link", pdf_link.PDFLinkDirective)
    # After site_theme (priority 500) has put the PDF link in the navbar.
    app.connect("config-inited", pdf_link.decide_link, priority=600)
    app.connect("builder-inited", pdf_link.say_when_unlinked)
    app.connect("html-page-context", pdf_link.add_navbar_context)
    app.connect("build-finished", pdf_link.copy_pdf_into_site)

    # After pydata-sphinx-theme (priority 500) has dropped its stylesheet from css_files.
    app.connect("html-page-context", page_weight.trim_page_assets, priority=600)
    app.connect("build-finished", page_weight.slim_theme_stylesheet)
    app.connect("builder-inited", icons.note_build_start)
    app.connect("build-finished", icons.inline_icons_in_site)

    app.add_css_file("cvsite.css")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
