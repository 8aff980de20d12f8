"""The groups the site's permissions are given to, by name."""

# Wagtail's own groups of people who write for the site.
EDITORS_GROUP = "Editors"
MODERATORS_GROUP = "Moderators"
EDITOR_GROUPS = (EDITORS_GROUP, MODERATORS_GROUP)
# The people who keep the membership register and the bulletin's subscribers.
SECRETARY_GROUP = "Membership secretary"
