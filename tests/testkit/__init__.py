"""Helpers the tests share: invented exports, the prune command, and driving the app."""
