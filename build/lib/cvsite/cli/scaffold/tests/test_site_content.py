"""cvsite's content invariants, on this site: every fact of docs/, refs.bib and conf.py is on
the built pages, in the sources' order (cvsite.testing.site_content). Tests of your own go in
other files of this folder; an upgrade of cvsite brings new invariants with it."""

from cvsite.testing.site_content import *  # noqa: F403
