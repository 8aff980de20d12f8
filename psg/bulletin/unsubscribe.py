"""Every bulletin message's way out: a personal link and the headers mail
programs use to offer an Unsubscribe button (RFC 2369, RFC 8058 one-click).

The sending code adds ``unsubscribe_headers(subscriber, series)`` to each
message and puts ``unsubscribe_url(subscriber, series)`` in its footer. The
link names the series the message belongs to: a one-click request leaves
that series, as RFC 8058 asks (the list the message came from), and the page
behind the link offers to keep the subscriber's other series.
"""

from urllib.parse import urlencode

from django.urls import reverse

from psg.core.addresses import absolute


def unsubscribe_url(subscriber, series=None):
    """The subscriber's personal unsubscribe link (absolute); with a series
    (a BulletinSeries or its slug), the link of that series' messages."""
    url = absolute(
        None, reverse("bulletin-unsubscribe", args=[subscriber.unsubscribe_token])
    )
    if series is None:
        return url
    slug = getattr(series, "slug", series)
    return f"{url}?{urlencode({'series': slug})}"


def unsubscribe_headers(subscriber, series=None):
    """List-Unsubscribe and List-Unsubscribe-Post headers for one message."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber, series)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
