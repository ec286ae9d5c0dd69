# A site of the short form; tests/test_conf_defaults.py gives one theme option at a time.
extensions = ["cvsite"]
cv_owner = "Ida Quill"
cv_email = "ida@example.org"
cv_homepage = "https://ida-quill.example.org"
