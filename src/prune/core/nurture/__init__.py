"""After the pruning: keeping in touch with the people the user kept.

tiers.py     close / known / kept from the answers, and how often each is due (Cadences)
listing.py   the kept contacts, least recently in touch first, with when each falls due
calendar.py  the same as an RFC 5545 calendar: one reminder per contact, a stable UID each
"""
