# An invented academic with eight sections of long names; tests/test_navbar_fit.py adds icons.
extensions = ["cvsite"]
cv_owner = "Ida Featherstone"
cv_email = "ida@example.org"
cv_homepage = "https://ida-featherstone.example.org"
