cv_owner_variants = "Z. Zheng"
