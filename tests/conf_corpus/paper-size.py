cv_pdf_paper = "legal"
