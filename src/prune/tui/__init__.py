"""The Textual interface: thin screens and widgets over `prune.core`."""
