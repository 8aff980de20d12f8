"""What the members app tells the apps above it (docs/decisions/0004).

Members sits below the bulletin and never imports it: the bulletin connects
to these in its AppConfig.ready. Receivers run at once, inside the sender's
transaction when it has one (an erasure always does).
"""

from django.dispatch import Signal

# A consent decision was recorded (Member.record_consent), whether or not it
# changed the member's flag. Arguments: member, consent.
consent_recorded = Signal()

# A member's email address changed (Member.save: the member's own details
# form, the desk, a CSV import). Arguments: member, old, new (both
# normalised). Not sent for an erasure, which has member_erasing.
email_changed = Signal()

# A member's personal data is being erased (psg.members.erasure), before their
# own row is blanked. Arguments: member. Each receiver deletes what its app
# holds about the member and returns {model: [primary keys deleted]}, whose
# admin log entries the erasure then scrubs.
member_erasing = Signal()

# A member's subject-access copy is being made (psg.members.subject_access).
# Arguments: member. Each receiver returns (section name, [row dicts]): what
# its app holds about the member.
subject_access_requested = Signal()
