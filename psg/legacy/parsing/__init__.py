"""Reading the legacy site's text exports: pure functions over text, no database.

``exports.parse_export`` tells an article page from a news listing and the
publications listing and hands it to ``articles`` or ``listings``; ``dates``
reads the date lines. docs/legacy-import.md shows each shape.
"""
