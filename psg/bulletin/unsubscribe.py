"""Every bulletin message's way out: a personal link and the headers mail
programs use to offer an Unsubscribe button (RFC 2369, RFC 8058 one-click).

The sending code adds ``unsubscribe_headers(subscriber)`` to each message and
puts ``unsubscribe_url(subscriber)`` in its footer.
"""

from django.urls import reverse

from psg.members.join.applications import absolute_url


def unsubscribe_url(subscriber):
    """The subscriber's personal unsubscribe link (absolute)."""
    return absolute_url(
        reverse("bulletin-unsubscribe", args=[subscriber.unsubscribe_token])
    )


def unsubscribe_headers(subscriber):
    """List-Unsubscribe and List-Unsubscribe-Post headers for one message."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
