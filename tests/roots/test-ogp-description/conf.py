# A site that asks sphinxext-opengraph to describe the pages that give no description.
extensions = ["cvsite"]
cv_owner = "Ida Quill"
html_baseurl = "https://example.org/ida/"
ogp_enable_meta_description = True
