"""Evidence from the side files: readers, matching to contacts, tallies, scores and their cache."""
