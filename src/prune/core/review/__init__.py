"""Reviewing contacts: the three-question rules, the orders and the review session."""
