"""Helpers the tests share: invented exports, the prune command (in this process or a child), and
driving the app."""
