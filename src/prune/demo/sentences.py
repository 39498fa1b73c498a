"""What people write in the sample: message sentences, recommendation lines, invitation notes.

The owner's lines and the contacts' lines are drawn from the same lists; who says what follows
from the contact's affinity (see messages.py).
"""

from __future__ import annotations

# Sentences for messages. Owner lines are written by Robin, the others by contacts.
SMALL_TALK = (
    "Great to see you at the meetup last week.",
    "How did the move go?",
    "Thanks for the intro, I really appreciated it.",
    "Let me know when you're back in town.",
    "Happy new job! I hope the first weeks are kind to you.",
    "Coffee on Thursday?",
    "Sure, 10:30 works for me.",
    "Ha, that's exactly what I thought.",
    "Congrats on the launch!",
    "Sorry for the slow reply, it has been a week.",
    "Yes please!",
    "That sounds great.",
    "Thanks!",
    "Talk soon.",
    'Did you ever finish that "weekend project" of yours?',
    "No rush, whenever suits you.",
    "I owe you one.",
    "The kids say hi 🙂",
    "Merci, à bientôt !",
    "Deal. I'll book the room.",
    "Running ten minutes late, sorry!",
    "Saw this and thought of you.",
    "How are things at the new place?",
    "Happy birthday! 🎂",
    "Let's not wait another year, ok?",
)
WORK_TALK = (
    "We're hiring a data engineer, do you know anyone good?",
    "Could you review the proposal draft by Friday?",
    "Attaching the updated timeline; the milestones moved by two weeks.",
    "The client signed, so we start on the 4th.",
    "Quick question about the pricing model: do you have five minutes?",
    "I've put your name forward for the panel.",
    "Let's sync after the quarterly review.",
    "Happy to give a reference, just send me the details.",
    "Sending you the notes from our call.",
    "Can you share the deck when you get a chance?",
    "I'll be in Rotterdam in March, are you around?",
    "Budget got approved, finally.",
)
PITCHES = (
    "I help teams like yours cut cloud costs by 30%.",
    "Would you be open to a quick 15-minute call next week?",
    "I noticed we share an interest in operations and thought I'd reach out.",
    "Our platform automates onboarding, end to end.",
    "Are you the right person to talk to about tooling?",
    "Just following up on my last message.",
    "I have a role that might interest you: remote, senior, great team.",
    "Bumping this to the top of your inbox!",
)
BRUSH_OFFS = (
    "Thanks, but not right now.",
    "Not a fit for us at the moment, good luck!",
    "Thanks for connecting!",
    "Appreciate it, I'll pass.",
    "Nice to meet you here.",
)
GROUP_TITLES = ("Offsite planning", "Book club 📚", "Alumni, class of 2014", "", "Hackathon team")
RECOMMENDATION_LINES = (
    "{name} is the person you want in the room when a plan has to become real.",
    "I worked with {name} for three years and never once saw a deadline slip quietly.",
    "{name} asks the question everyone else was avoiding, kindly.",
    'Our team still uses the "one page rule" {name} introduced.',
    "Calm under pressure, generous with credit, and relentless about the details.",
    "Any team would be lucky to have {name}.",
    "{name} turned a messy process into something people actually enjoy using.",
)
INVITE_NOTES = (
    "Hi, we met at the product meetup, great talk!",
    "Loved your post on planning, would be glad to connect.",
    "Hello, I'm building a team in Lisbon and would like to stay in touch.",
    'Hi! A friend said I should "definitely" talk to you.',
)
