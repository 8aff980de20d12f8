"""A payment form sent twice (a double click, the browser's back button and
send again) records one payment (docs/security.md, "Other checks")."""

import re

import pytest

from django.urls import reverse

from psg.members.models import Member, Payment, PaymentMethod
from psg.members.tests.factories import MemberFactory
from psg.members.tests.test_desk import desk  # noqa: F401

pytestmark = pytest.mark.django_db


def shown_form(desk, member):  # noqa: F811
    """The fields of the payment form as the page shows them."""
    url = reverse("desk_members:record_payment", args=[member.pk])
    html = desk.get(url).content.decode()
    hidden = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', html))
    hidden.pop("csrfmiddlewaretoken", None)
    return url, {
        **hidden,
        "date": "2026-03-15",
        "amount": "25.00",
        "method": PaymentMethod.CHEQUE,
        "reference": "Cheque 000123",
    }


def test_the_same_payment_form_sent_twice_records_one_payment(desk):  # noqa: F811
    member = MemberFactory()
    url, data = shown_form(desk, member)

    first = desk.post(url, data, follow=True)
    second = desk.post(url, data, follow=True)

    assert Payment.objects.filter(member=member).count() == 1
    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE
    assert "the membership runs to 14 March 2027" in first.content.decode()
    assert "nothing more was recorded" in second.content.decode()


def test_a_second_payment_from_a_fresh_form_is_recorded(desk):  # noqa: F811
    member = MemberFactory()
    url, data = shown_form(desk, member)
    desk.post(url, data)
    url, data = shown_form(desk, member)
    desk.post(url, {**data, "reference": "Cheque 000124"})
    assert Payment.objects.filter(member=member).count() == 2
