"""Every fact a page's source states appears on its built page, in the source's order.

The checks are cvsite's content invariants (cvsite/testing/site_content.py), the same that a
site made with `cvsite new` runs; here the `academic` fixture runs each once for the reference
site and once for the invented second academic of tests/sites/.
"""

from cvsite.testing.site_content import *  # noqa: F403
