"""CV variants: other CVs from the same sources (a short CV, a publication list), each a PDF
of its own, chosen by rules that the site's lists can use too.

declared.py reads and checks `cv_variants`; selection.py holds the rules (an entry's tags, a
publication's year, kind, mark and keywords), once; pdf_variant.py narrows a variant's LaTeX
build to what its rules select; links.py lists the public variants on the site.
"""
