"""`cvsite import`: another tool's site or file read into one model (model.py), written as a
site that `cvsite new` would make (site_writer.py), with a report of every value left out.

One reader per format (alfolio, rendercv, jsonresume, academicpages, hugoblox), each a
`read(source, report) -> ImportedSite`; formats.py recognises which one a source is. The rules
the readers share live once each: dates.py (a date read, or kept as written), markup.py (HTML
and Markdown in values to MyST, nothing that would run), samples.py (a template's sample
content), profile_links.py (a profile's kind from its address).
"""
