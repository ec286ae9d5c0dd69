"""The content invariants every site checks, shared by this repository's suite and the sites
that `cvsite new` makes: what the sources state (source_facts, which gathers source_pages and
source_publications), how built text is compared with them (comparable_text), the built site
(built_site), the checks themselves (site_content) and a pytest plugin that builds a site once
(plugin). None of them imports cvsite's engine: they are the independent oracle.
"""
