"""`python -m prune` runs the same command as `prune`."""

from prune.cli import main

raise SystemExit(main())
