"""Farewell messages: one template engine for one contact or many, the tones, the follow-through.

`template` parses the template language; `message` renders it for one contact and `batch` for a
polars frame, both from the same parts and the values of `values`. `tones` holds the built-in texts,
`settings` what a run renders with, `length` LinkedIn's limit, `followthrough` the list of
farewells to send and their status.
"""
