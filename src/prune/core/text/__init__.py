"""Text as people read it: folding case and accents."""
