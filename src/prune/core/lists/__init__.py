"""Lists a user takes away: which contacts, in which format, written whole or not at all."""
