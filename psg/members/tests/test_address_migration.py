"""Stored addresses normalised by the migration, and what it leaves for the
secretary: members who become one address are listed, never merged."""

import importlib
import io

import pytest

from django.apps import apps
from django.core.management import call_command

from psg.bulletin.models import Subscriber
from psg.members.models import JoinApplication, Member
from psg.members.tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

members_migration = importlib.import_module(
    "psg.members.migrations.0003_email_addresses_normalised"
)
bulletin_migration = importlib.import_module(
    "psg.bulletin.migrations.0006_email_addresses_normalised"
)


def store(model, pk, email):
    """Put an address in as old data had it, past every check."""
    model.objects.filter(pk=pk).update(email=email)


def test_the_migration_normalises_addresses_and_leaves_duplicates_alone():
    plain = MemberFactory(email="ana@example.org")
    twin = MemberFactory(email="twin@example.org")
    idn = MemberFactory(email="x@example.org")
    store(Member, twin.pk, "ANA@exa\u200bmple.org")  # the same as ana's
    store(Member, idn.pk, " José@Bücher.example ")
    application = JoinApplication.objects.create(email="a@b.org", data={})
    store(JoinApplication, application.pk, "new@EXAMPLE.org\u2060")
    subscriber = Subscriber.objects.create(email="s@example.org")
    store(Subscriber, subscriber.pk, "s@BÜCHER.example")

    members_migration.normalise_addresses(apps, None)
    bulletin_migration.normalise_addresses(apps, None)

    emails = dict(Member.objects.values_list("pk", "email"))
    assert emails[plain.pk] == "ana@example.org"
    assert emails[twin.pk] == "ANA@exa\u200bmple.org"  # left for the secretary
    assert emails[idn.pk] == "José@xn--bcher-kva.example"
    assert JoinApplication.objects.get().email == "new@example.org"
    assert Subscriber.objects.get().email == "s@xn--bcher-kva.example"

    out = io.StringIO()
    call_command("find_duplicate_members", stdout=out)
    report = out.getvalue()
    assert f"Same address: members {plain.pk}, {twin.pk}" in report
    assert "1 groups of members with the same address" in report


def test_the_report_lists_addresses_that_cannot_be_used():
    member = MemberFactory(name="Old Data", email="old@example.org")
    store(Member, member.pk, "old@ex\ue000ample.org")

    out = io.StringIO()
    call_command("find_duplicate_members", stdout=out)

    assert f"cannot be used for email: member {member.pk}: Old Data" in out.getvalue()
