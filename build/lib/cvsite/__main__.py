"""`python -m cvsite`, the same as the `cvsite` command."""

from cvsite.cli.main import main

main()
