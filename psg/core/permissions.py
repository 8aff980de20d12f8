"""The groups the site's permissions are given to."""

# Wagtail's own groups of people who write for the site.
EDITOR_GROUPS = ("Editors", "Moderators")
