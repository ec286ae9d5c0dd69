module github.com/tkowalczyk/site

go 1.19

require github.com/wowchemy/wowchemy-hugo-themes/modules/wowchemy/v5 v5.8.1
