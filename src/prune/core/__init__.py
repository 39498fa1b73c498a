"""The Textual-free heart of prune: reading exports, state, rules, messages and lists.

Nothing in this package may import Textual, so it can be tested and scripted without a terminal.
"""
