"""What `prune doctor` reports: facts checked on this machine, for a bug report or a fix.

`environment` looks at the programs and the terminal, `storage` at the data dir and the state
file; `collect.diagnose` puts them together. Nothing here imports Textual or changes any file.
"""
