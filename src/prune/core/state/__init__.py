"""State: the SQLite store of snapshots, decisions and farewells, imports, and changes."""
