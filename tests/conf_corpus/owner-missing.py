cv_owner = ""
