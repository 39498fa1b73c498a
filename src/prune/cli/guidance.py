"""What `prune` tells a person who has nothing to work on yet, worded once for every command."""

from __future__ import annotations

GET_EXPORT_HELP = """\
prune has no export yet. To get one from LinkedIn:
  1. Open linkedin.com › Me › Settings & Privacy › Data privacy › Get a copy of your data.
  2. Tick "Connections" for a quick download (minutes), or ask for the larger archive to
     also get messages, endorsements and invitations (up to 24 hours).
  3. Download the zip from the e-mail LinkedIn sends (the link lasts 72 hours).
  4. Run: prune path/to/the-export.zip
To look around first with invented people, run: prune demo"""

NO_DISCONNECTS_YET = (
    "No connection is marked disconnect yet: review first (run `prune`), then come back."
)

NOTHING_TO_EXPORT = "nothing to export yet: import your LinkedIn data first (prune import PATH)"
