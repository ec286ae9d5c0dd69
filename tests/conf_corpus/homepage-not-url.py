cv_homepage = "zhengzangw.github.io"
