"""The membership secretary's desk: the members list, a member's page,
recording payments, consents and Gift Aid, erasure."""

import datetime
from decimal import Decimal

import pytest

from django.urls import reverse
from django.utils import timezone

from psg.members.models import (
    Consent,
    ErasureLog,
    GiftAidDeclaration,
    Member,
    PaymentMethod,
)

from .factories import (
    ConsentFactory,
    GiftAidDeclarationFactory,
    MemberFactory,
    PaymentFactory,
    membership_type,
    secretary_user,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 15)


@pytest.fixture
def desk(client):
    client.force_login(secretary_user())
    return client


def listed(response):
    """The members in a list page, in order."""
    return [member.name for member in response.context["object_list"]]


def member_form_data(member, **changes):
    data = {
        "name": member.name,
        "organisation": member.organisation,
        "email": member.email,
        "telephone": member.telephone,
        "country": member.country.code or "",
        "membership_type": member.membership_type.pk,
        "payment_method": member.payment_method,
        "payment_reference": member.payment_reference,
        "status": member.status,
        "joined": member.joined.isoformat(),
        "current_period_end": (
            member.current_period_end.isoformat() if member.current_period_end else ""
        ),
        "notes": member.notes,
    }
    if member.bulletin_consent:
        data["bulletin_consent"] = "on"
    if member.events_consent:
        data["events_consent"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# The renewal rules (Member.record_payment) ------------------------------------


def test_a_first_payment_starts_a_year_from_the_payment_date():
    member = MemberFactory()
    payment = member.record_payment(Decimal("25"), TODAY, PaymentMethod.CHEQUE)
    assert (payment.period_start, payment.period_end) == (
        TODAY,
        datetime.date(2027, 3, 14),
    )
    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE
    assert member.current_period_end == datetime.date(2027, 3, 14)
    assert payment.reference == member.payment_reference


def test_a_renewal_while_current_extends_from_the_old_end():
    member = MemberFactory(
        status=Member.Status.ACTIVE, current_period_end=datetime.date(2026, 4, 30)
    )
    payment = member.record_payment(Decimal("25"), TODAY, PaymentMethod.CHEQUE)
    assert payment.period_start == datetime.date(2026, 5, 1)
    assert member.current_period_end == datetime.date(2027, 4, 30)


def test_a_payment_after_a_lapse_starts_afresh():
    member = MemberFactory(
        status=Member.Status.LAPSED, current_period_end=datetime.date(2025, 12, 31)
    )
    payment = member.record_payment(Decimal("25"), TODAY, PaymentMethod.CHEQUE)
    assert payment.period_start == TODAY
    assert member.current_period_end == datetime.date(2027, 3, 14)
    assert member.status == Member.Status.ACTIVE


# Recording a payment from the member's page -----------------------------------


def test_the_payment_form_offers_today_the_fee_and_the_members_reference(desk):
    member = MemberFactory(
        membership_type=membership_type("Organisation"),
        payment_method=PaymentMethod.BANK_TRANSFER,
    )
    response = desk.get(reverse("desk_members:record_payment", args=[member.pk]))
    assert response.status_code == 200
    initial = response.context["form"].initial
    assert initial["date"] == timezone.localdate()
    assert initial["amount"] == Decimal("60.00")
    assert initial["reference"] == member.payment_reference
    assert initial["method"] == PaymentMethod.BANK_TRANSFER


def test_recording_a_payment_activates_the_membership(desk, secretary=None):
    member = MemberFactory()
    url = reverse("desk_members:record_payment", args=[member.pk])
    response = desk.post(
        url,
        {
            "version": desk.get(url).context["form"].initial["version"],
            "date": "2026-03-15",
            "amount": "25.00",
            "method": PaymentMethod.CHEQUE,
            "reference": "Cheque 000123",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse(
        "desk_members:edit", args=[member.pk]
    )
    assert "the membership runs to 14 March 2027" in response.content.decode()
    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE
    assert member.current_period_end == datetime.date(2027, 3, 14)
    payment = member.payments.get()
    assert payment.reference == "Cheque 000123"
    assert payment.recorded_by.username == "secretary"
    # The payment shows on the member's page.
    page = desk.get(reverse("desk_members:edit", args=[member.pk])).content.decode()
    assert "Cheque 000123" in page
    assert "15 Mar 2026 – 14 Mar 2027" in page


def test_a_payment_dated_in_the_future_is_refused(desk):
    member = MemberFactory()
    response = desk.post(
        reverse("desk_members:record_payment", args=[member.pk]),
        {
            "date": (timezone.localdate() + datetime.timedelta(days=2)).isoformat(),
            "amount": "25.00",
            "method": PaymentMethod.CHEQUE,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["date"]
    assert not member.payments.exists()


# The members list: search, filters, sorting ------------------------------------


@pytest.fixture
def members():
    today = timezone.localdate()
    return {
        "ana": MemberFactory(
            name="Ana Flores",
            email="ana@example.org",
            postcode="SW1A 1AA",
            status=Member.Status.ACTIVE,
            joined=datetime.date(2020, 5, 1),
            current_period_end=today + datetime.timedelta(days=10),
            bulletin_consent=True,
        ),
        "bruno": MemberFactory(
            name="Bruno Paz",
            organisation="Lima Solidarity Network",
            email="info@limanet.example",
            membership_type=membership_type("Organisation"),
            status=Member.Status.ACTIVE,
            joined=datetime.date(2022, 1, 10),
            current_period_end=today + datetime.timedelta(days=200),
            events_consent=True,
        ),
        "carla": MemberFactory(
            name="Carla Rojas",
            email="carla@example.org",
            payment_reference="PSG-CARLA2",
            status=Member.Status.LAPSED,
            joined=datetime.date(2019, 9, 3),
            current_period_end=today - datetime.timedelta(days=90),
        ),
        "dario": MemberFactory(
            name="Dario Vega",
            email="dario@example.org",
            membership_type=membership_type("Concession"),
            status=Member.Status.AWAITING_PAYMENT,
            joined=datetime.date(2026, 1, 2),
        ),
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("flores", ["Ana Flores"]),
        ("solidarity", ["Bruno Paz"]),
        ("CARLA@EXAMPLE", ["Carla Rojas"]),
        ("sw1a", ["Ana Flores"]),
        ("psg-carla2", ["Carla Rojas"]),
        ("example.org", ["Ana Flores", "Carla Rojas", "Dario Vega"]),
    ],
)
def test_search_finds_members_by_name_organisation_email_postcode_reference(
    desk, members, query, expected
):
    response = desk.get(reverse("desk_members:index"), {"q": query})
    assert listed(response) == expected


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"status": "active"}, ["Ana Flores", "Bruno Paz"]),
        ({"status": "lapsed"}, ["Carla Rojas"]),
        ({"membership_type": "Organisation"}, ["Bruno Paz"]),
        ({"renewal_due_within": "30"}, ["Ana Flores"]),
        ({"renewal_due_within": "365"}, ["Ana Flores", "Bruno Paz"]),
        ({"bulletin_consent": "true"}, ["Ana Flores"]),
        ({"events_consent": "true"}, ["Bruno Paz"]),
        ({"events_consent": "false", "status": "active"}, ["Ana Flores"]),
        ({"gift_aid": "true"}, ["Dario Vega"]),
        ({"gift_aid": "false"}, ["Ana Flores", "Bruno Paz", "Carla Rojas"]),
    ],
)
def test_filters_narrow_the_list(desk, members, filters, expected):
    GiftAidDeclarationFactory(member=members["dario"])
    GiftAidDeclarationFactory(member=members["carla"], cancelled_at=timezone.now())
    if "membership_type" in filters:
        filters["membership_type"] = membership_type(filters["membership_type"]).pk
    response = desk.get(reverse("desk_members:index"), filters)
    assert listed(response) == expected


@pytest.mark.parametrize(
    "ordering, expected",
    [
        ("name", ["Ana Flores", "Bruno Paz", "Carla Rojas", "Dario Vega"]),
        ("-name", ["Dario Vega", "Carla Rojas", "Bruno Paz", "Ana Flores"]),
        ("joined", ["Carla Rojas", "Ana Flores", "Bruno Paz", "Dario Vega"]),
        ("-joined", ["Dario Vega", "Bruno Paz", "Ana Flores", "Carla Rojas"]),
        ("current_period_end", ["Carla Rojas", "Ana Flores", "Bruno Paz"]),
        ("status", ["Ana Flores", "Bruno Paz", "Dario Vega", "Carla Rojas"]),
    ],
)
def test_the_list_sorts_by_name_joined_period_end_and_status(
    desk, members, ordering, expected
):
    response = desk.get(reverse("desk_members:index"), {"ordering": ordering})
    names = listed(response)
    if ordering == "current_period_end":
        # Where members without an end go depends on the database.
        names = [name for name in names if name != "Dario Vega"]
    assert names == expected


def test_the_list_query_count_does_not_grow_with_members(
    desk, members, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        desk.get(reverse("desk_members:index"))
    MemberFactory.create_batch(10)
    with django_assert_max_num_queries(20):
        desk.get(reverse("desk_members:index"))


# A member's page ---------------------------------------------------------------


def test_changing_a_consent_on_the_members_page_records_it(desk):
    member = MemberFactory()
    response = desk.post(
        reverse("desk_members:edit", args=[member.pk]),
        member_form_data(member, bulletin_consent="on"),
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.bulletin_consent is True
    consent = member.consents.get()
    assert consent.kind == Consent.Kind.BULLETIN
    assert consent.given is True
    assert consent.source == Consent.Source.SECRETARY
    assert consent.wording == "Send me the PSG bulletin by email."
    assert consent.wording_version == "2026-1"
    # Saving again without a change records nothing more.
    desk.post(
        reverse("desk_members:edit", args=[member.pk]),
        member_form_data(member, notes="Phoned"),
    )
    assert member.consents.count() == 1


def test_adding_a_member_records_the_consents_given(desk):
    template = MemberFactory.build(name="Elena Quispe", email="elena@example.org")
    template.membership_type = membership_type()
    response = desk.post(
        reverse("desk_members:add"), member_form_data(template, events_consent="on")
    )
    assert response.status_code == 302
    member = Member.objects.get(email="elena@example.org")
    assert member.events_consent is True
    assert [(c.kind, c.given) for c in member.consents.all()] == [("events", True)]


def test_the_consent_history_shows_read_only_on_the_members_page(desk):
    member = MemberFactory()
    ConsentFactory(
        member=member,
        given=True,
        wording_version="2025-2",
        recorded_at=timezone.make_aware(datetime.datetime(2025, 6, 1, 10, 30)),
    )
    ConsentFactory(
        member=member,
        given=False,
        source=Consent.Source.UNSUBSCRIBE,
        wording_version="2026-1",
        recorded_at=timezone.make_aware(datetime.datetime(2026, 2, 1, 9, 0)),
    )
    page = desk.get(reverse("desk_members:edit", args=[member.pk])).content.decode()
    assert "1 Jun 2025 10:30" in page
    assert "2025-2" in page
    assert "Unsubscribe link" in page
    assert "1 Feb 2026 09:00" in page
    assert 'name="consents' not in page  # nothing to edit


def test_the_secretary_records_and_cancels_a_gift_aid_declaration(desk):
    member = MemberFactory()
    response = desk.get(reverse("desk_members:gift_aid", args=[member.pk]))
    form = response.context["form"]
    assert form.initial["wording_version"] == "2026-1"
    assert form.initial["wording"].startswith("I want to Gift Aid")
    response = desk.post(
        reverse("desk_members:gift_aid", args=[member.pk]),
        {
            "declared_on": "2026-01-20",
            "wording_version": "2026-1",
            "wording": "I want to Gift Aid my subscription.",
        },
    )
    assert response.status_code == 302
    declaration = member.gift_aid_declaration
    assert declaration.declared_at.date() == datetime.date(2026, 1, 20)
    page = desk.get(reverse("desk_members:edit", args=[member.pk])).content.decode()
    assert "Declaration in force, made on 20 January 2026" in page

    cancel_url = reverse(
        "desk_members:cancel_gift_aid", args=[member.pk, declaration.pk]
    )
    assert cancel_url in page
    assert desk.get(cancel_url).status_code == 200
    assert desk.post(cancel_url).status_code == 302
    declaration.refresh_from_db()
    assert declaration.cancelled_at is not None
    assert member.gift_aid_declaration is None
    assert GiftAidDeclaration.objects.filter(member=member).count() == 1
    assert desk.get(cancel_url).status_code == 404


def test_member_data_is_shown_escaped(desk):
    script = "<script>alert('x')</script>"
    member = MemberFactory(
        name=script,
        organisation="<b>Bold</b> & Co",
        notes="<img src=x onerror=alert(1)>",
        status=Member.Status.ACTIVE,
        current_period_end=timezone.localdate() + datetime.timedelta(days=5),
    )
    PaymentFactory(member=member, reference="<i>ref</i>")
    pages = [
        desk.get(reverse("desk_members:index")),
        desk.get(reverse("desk_members:edit", args=[member.pk])),
        desk.get(reverse("desk_members:record_payment", args=[member.pk])),
        desk.get(reverse("desk_members:erase", args=[member.pk])),
        desk.get(reverse("desk_payments:index")),
        desk.get(reverse("desk_dashboard:index")),
        desk.get("/admin/"),
    ]
    for response in pages:
        html = response.content.decode()
        assert script not in html, response.request["PATH_INFO"]
        assert "<b>Bold</b>" not in html
        assert "<i>ref</i>" not in html
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html, (
            response.request["PATH_INFO"]
        )
    edit_page = pages[1].content.decode()
    assert "<img src=x" not in edit_page
    assert "&lt;img src=x onerror=alert(1)&gt;" in edit_page


def test_payments_list_shows_payments_of_erased_members_without_a_name(desk):
    PaymentFactory(member=MemberFactory(name="Fabiola Cruz"), reference="SO-1")
    PaymentFactory(member=None, reference="SO-2")
    response = desk.get(reverse("desk_payments:index"))
    html = response.content.decode()
    assert "Fabiola Cruz" in html
    assert "SO-2" in html
    assert reverse("desk_payments:index") + "new/" not in html


# Erasure -------------------------------------------------------------------------


def test_the_erase_action_asks_for_confirmation(desk):
    member = MemberFactory(name="Gloria Ramos")
    response = desk.get(reverse("desk_members:erase", args=[member.pk]))
    assert response.status_code == 200
    assert "cannot be undone" in response.content.decode()
    Member.objects.get(pk=member.pk)  # nothing happened yet


def test_erasing_from_the_desk_erases_the_member_for_the_secretary(desk):
    member = MemberFactory(name="Gloria Ramos", email="gloria@example.org")
    PaymentFactory(member=member)
    response = desk.post(reverse("desk_members:erase", args=[member.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("desk_members:index")
    html = response.content.decode()
    assert f"The personal data of member {member.pk} has been erased." in html
    assert "Gloria Ramos" not in html
    member.refresh_from_db()
    assert member.erased_at is not None
    assert ErasureLog.objects.get().requested_by == "secretary"
    # An erased member is no longer on the desk.
    assert desk.get(reverse("desk_members:edit", args=[member.pk])).status_code == 404
    assert desk.get(reverse("desk_members:erase", args=[member.pk])).status_code == 404
