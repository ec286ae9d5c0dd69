"""`python -m cvsite`, the same as the `cvsite` command."""

from .cli import main

main()
