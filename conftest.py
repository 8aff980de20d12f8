"""Fixtures shared by every app's tests."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.core.cache import caches
from django.test import Client

from wagtail.models import Site

from psg.core import catalogue, structure
from psg.events.tests.factories import EventIndexPageFactory
from psg.news.tests.factories import NewsIndexPageFactory
from psg.publications.tests.factories import PublicationIndexPageFactory
from psg.staff.sessions import is_staff


def pytest_configure(config):
    """Compile a catalogue whose .po changed since `make install` compiled it.

    Tests that render Spanish would otherwise read a stale .mo, or none.
    """
    catalogue.compile_stale()


@pytest.fixture
def site(db):
    """The default site, whose root is the home page the migrations create."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def publication_index(home_page):
    return PublicationIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def database_tasks(settings):
    """The production task backend: tasks wait in the database for a worker
    (see ``psg.core.tests.task_queue``)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def fresh_caches():
    """Every test starts and ends with empty caches (in memory under the test
    settings): what one test cached (a page, the site's chrome, a rate
    count) is not served to the next, whose database rolled it back."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def fresh_site_chrome():
    """Each test reads the chrome it made: a rolled-back test sends no signal
    to say the chrome it left behind is gone (psg.core.chrome)."""
    structure.forget()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Keep files the tests upload out of var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def force_login_passes_two_factor(monkeypatch):
    """``client.force_login(user)`` signs a staff member in as if they had
    also entered a code from their app (psg.staff), so tests of the admin
    reach the admin. psg/staff/tests sign in with ``client.post`` to the
    login page to see the second step."""
    force_login = Client.force_login

    def force_login_with_device(self, user, backend=None):
        force_login(self, user, backend)
        if is_staff(user):
            device, _ = TOTPDevice.objects.get_or_create(
                user=user, confirmed=True, defaults={"name": "test"}
            )
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login_with_device)


class _CollectingHandler:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802

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
def start_smtp_server(settings):
    """Starts a real SMTP server (aiosmtpd) with a given handler on a free local
    port, and sends the site's email through it; stopped after the test.

    ``start_smtp_server(handler, **options)`` returns the server's controller;
    ``options`` go to aiosmtpd (``enable_SMTPUTF8=False``: a server without
    SMTPUTF8).
    """

    controllers = []

    def start(handler, **options):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
        controller.start()
        controllers.append(controller)
        settings.EMAIL_BACKEND = "psg.core.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        return controller

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def smtp_server(start_smtp_server):
    """A real SMTP server (aiosmtpd) on a free local port; email goes through it.

    ``smtp_server.messages`` lists what it received: each an envelope sender,
    recipients and the parsed ``email.message.EmailMessage``.
    """
    handler = _CollectingHandler()
    controller = start_smtp_server(handler)
    controller.messages = handler.messages
    return controller
