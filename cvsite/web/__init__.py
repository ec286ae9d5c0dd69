"""The web layer: the theme set up for a CV, its icons and weight, sitemap and search engines."""

from __future__ import annotations

from sphinx.application import Sphinx

# Asked by the web layer, answered by other concerns: sitemaps besides sitemap.xml (each
# handler returns a path relative to the site, or None).
EXTRA_SITEMAPS = "cvsite-extra-sitemaps"


def setup(app: Sphinx) -> None:
    # Imported here, not above: importing one module of this package loads no other.
    from cvsite.web import (
        generator,
        page_weight,
        pdf_link,
        search_engines,
        site_theme,
        sitemap,
    )

    app.add_event(EXTRA_SITEMAPS)
    app.connect("config-inited", site_theme.apply_defaults)
    app.connect("config-inited", generator.name_pdf_creator, priority=550)
    # Before paper_pages (priority 500) renders its prototype, so paper pages carry it too.
    app.connect("html-page-context", generator.add_generator_tag, priority=400)
    # After site_theme (priority 500) has settled html_baseurl.
    app.connect("config-inited", search_engines.apply_defaults, priority=600)
    app.connect("html-page-context", search_engines.add_person)
    app.connect("html-page-context", search_engines.describe_search_page)
    # Before sphinxext-opengraph (priority 500) writes its tags from the page's metadata.
    app.connect("html-page-context", search_engines.use_page_description_for_previews, priority=400)
    app.connect("build-finished", search_engines.write_robots_txt)
    sitemap.register(app)
    app.connect("doctree-read", site_theme.require_meta_description)

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
    app.add_css_file("cvsite.css")
