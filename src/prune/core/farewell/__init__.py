"""Farewell messages: one template engine for one contact or many, the tones, the follow-through."""
