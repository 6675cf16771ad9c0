"""``python -m persnews``: the same as the ``persnews`` command."""

from persnews.cli import main

raise SystemExit(main())
