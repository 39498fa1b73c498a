"""`python -m prune` runs the same command as `prune`."""

from prune.cli.main import main

raise SystemExit(main())
