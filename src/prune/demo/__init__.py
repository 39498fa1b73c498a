"""An invented LinkedIn data export, written deterministically from a seed.

`prune demo`, the tests and the benchmarks need an export that behaves like a real one (quoting,
hidden members, duplicate names, percent-encoded URLs, the 2026 messages file with newlines in
fields) without shipping anyone's data. Every person, company and sentence here is made up, and
the same arguments always give byte-identical files, so tests and timings can be compared.

The data tells one story: each contact gets an affinity once (close, acquaintance or stranger)
and the messages, endorsements, recommendations and invitations all follow from it.

Where things are:
    archive.py      write_sample_export: every file, then the zip or the folder
    population.py   everyone in Connections.csv, awkward cases forced in
    people.py       one invented person: the seeded random source, name, job, affinity, slug
    connections.py  Connections.csv
    messages.py     messages.csv
    side_files.py   Invitations, Endorsements, Recommendations, Profile and Positions
    owner.py        the fixed owner of the export and their career
    vocabulary.py   names, companies, job titles and skills to draw from
    sentences.py    what people write: messages, recommendations, invitation notes
    formatting.py   CSV quoting and the date formats of each file
    dates.py        the export day and random moments before it
"""

from prune.demo.archive import EXPORT_NAME, write_sample_export
from prune.demo.dates import EXPORT_DATE

__all__ = ["EXPORT_DATE", "EXPORT_NAME", "write_sample_export"]
