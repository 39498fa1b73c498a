"""Invitations still waiting: who asked to connect and was not let in, whom the user asked.

pending.py   which invitations in Invitations.csv are still pending, and whose they are
flags.py     what to look at in an incoming one: no note, a note like a pitch, a bare name
listing.py   the pending invitations of a snapshot with their decisions (accept / ignore /
             withdraw), stale outgoing ones marked withdraw, connections accepted by themselves
verdicts.py  the same three questions and the same rule as the contacts, read as accept/ignore
"""
