"""`python -m voorstel`: the same as the `voorstel` command."""

from voorstel.cli import main

main()
