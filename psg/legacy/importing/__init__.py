"""Turning parsed legacy exports into published pages.

``files.LegacyImporter`` walks the exports and reports; ``news`` and
``publications`` create or update one item's page. docs/legacy-import.md sets
out the rules for matching items again, merging and editors' changes.
"""
