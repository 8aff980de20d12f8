"""Fixtures shared by every app's tests."""

import pytest

from wagtail.models import Site


@pytest.fixture
def site(db):
    """The default site, whose root is the home page the migrations create."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Keep files the tests upload out of var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"
    return settings.MEDIA_ROOT


class _CollectingHandler:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append(
            {
                "from": envelope.mail_from,
                "to": list(envelope.rcpt_tos),
                "message": message,
            }
        )
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free local port; email goes through it.

    ``smtp_server.messages`` lists what it received: each an envelope sender,
    recipients and the parsed ``email.message.EmailMessage``.
    """
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = _CollectingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    controller.messages = handler.messages
    yield controller
    controller.stop()
