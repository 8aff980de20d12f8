"""Who may reach the membership secretary's desk: every admin URL that shows or
changes member data, for anonymous visitors, editors, the membership
secretary and a superuser."""

import pytest

from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.admin.search import admin_search_areas

from psg.core.permissions import SECRETARY_GROUP
from psg.members.groups import create_membership_secretary_group
from psg.members.models import ErasureLog, JoinApplication

from .factories import (
    GiftAidDeclarationFactory,
    MemberFactory,
    PaymentFactory,
    editor_user,
    secretary_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    member = MemberFactory(name="Rosa Quispe", email="rosa@example.org")
    return {
        "member": member,
        "declaration": GiftAidDeclarationFactory(member=member),
        "payment": PaymentFactory(member=member),
        "application": JoinApplication.objects.create(
            email="applicant@example.org", data={"name": "Applicant"}
        ),
        "erasure": ErasureLog.objects.create(member_number=99, requested_by="member"),
    }


def desk_urls(records):
    member = records["member"].pk
    return [
        reverse("desk_members:index"),
        reverse("desk_members:index_results"),
        reverse("desk_members:add"),
        reverse("desk_members:edit", args=[member]),
        reverse("desk_members:delete", args=[member]),
        reverse("desk_members:history", args=[member]),
        reverse("desk_members:usage", args=[member]),
        reverse("desk_members:record_payment", args=[member]),
        reverse("desk_members:gift_aid", args=[member]),
        reverse(
            "desk_members:cancel_gift_aid", args=[member, records["declaration"].pk]
        ),
        reverse("desk_members:erase", args=[member]),
        reverse("desk_members:import"),
        reverse("desk_members:index") + "?export=csv",
        reverse("desk_dashboard:index"),
        reverse("desk_payments:index"),
        reverse("desk_payments:edit", args=[records["payment"].pk]),
        reverse("desk_payments:delete", args=[records["payment"].pk]),
        reverse("desk_membership_types:index"),
        reverse("desk_membership_types:add"),
        reverse(
            "desk_membership_types:edit", args=[records["member"].membership_type.pk]
        ),
        reverse("desk_join_applications:index"),
        reverse("desk_join_applications:inspect", args=[records["application"].pk]),
        reverse("desk_erasures:index"),
        reverse("desk_erasures:inspect", args=[records["erasure"].pk]),
    ]


def test_the_urls_are_under_admin_membership(records):
    assert all(url.startswith("/admin/membership/") for url in desk_urls(records))


def test_anonymous_visitors_are_sent_to_sign_in(client, records):
    for url in desk_urls(records):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


def assert_refused(response, url):
    """Wagtail answers a refused admin request by sending the user to the admin
    home page with a message ("Sorry, you do not have permission…")."""
    if response.status_code == 302:
        assert response["Location"] == "/admin/", url
    else:
        assert response.status_code == 403, url
    assert b"Rosa Quispe" not in response.content, url


def test_editors_are_refused_everywhere(client, records):
    client.force_login(editor_user())
    for url in desk_urls(records):
        assert_refused(client.get(url), url)


def test_editors_cannot_change_member_data_by_posting(client, records):
    client.force_login(editor_user())
    member = records["member"]
    for url in [
        reverse("desk_members:edit", args=[member.pk]),
        reverse("desk_members:record_payment", args=[member.pk]),
        reverse("desk_members:erase", args=[member.pk]),
        reverse("desk_members:delete", args=[member.pk]),
    ]:
        assert_refused(client.post(url, {"amount": "25", "name": "X"}), url)
    member.refresh_from_db()
    assert member.name == "Rosa Quispe"
    assert member.payments.count() == 1


@pytest.mark.parametrize("who", ["secretary", "superuser"])
def test_the_secretary_and_superusers_reach_every_page(
    client, records, admin_user, who
):
    client.force_login(secretary_user() if who == "secretary" else admin_user)
    for url in desk_urls(records):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert response.redirect_chain in ([], [(url.replace("delete", "erase"), 302)])


def test_the_membership_menu_shows_only_to_those_who_may_see_members(
    client, admin_user
):
    client.force_login(editor_user())
    assert b'"membership"' not in client.get("/admin/").content
    for user in [secretary_user(), admin_user]:
        client.force_login(user)
        home = client.get("/admin/").content.decode()
        assert '"name": "membership"' in home
        assert "Membership" in home


def test_the_admin_home_panel_shows_only_to_the_secretary(client, admin_user):
    MemberFactory(status="active")
    client.force_login(editor_user())
    assert b"Membership dashboard" not in client.get("/admin/").content
    client.force_login(secretary_user())
    assert b"Membership dashboard" in client.get("/admin/").content


def test_the_admin_search_has_no_members_area():
    names = {area.name for area in admin_search_areas.registered_search_areas}
    assert names.isdisjoint({"members", "member", "membership"})


def test_the_admin_search_never_lists_members(client, admin_user):
    MemberFactory(name="Zacarias Huaman", email="zacarias@example.org")
    for user in [editor_user(), admin_user]:
        client.force_login(user)
        response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Zacarias"})
        assert response.status_code == 200
        assert b"Zacarias Huaman" not in response.content
        assert b"zacarias@example.org" not in response.content


def test_editors_do_not_see_members_in_the_site_history(client):
    secretary = secretary_user()
    client.force_login(secretary)
    member = MemberFactory(name="Tupac Mamani")
    data = {
        "name": "Tupac Mamani Condori",
        "email": member.email,
        "country": "GB",
        "membership_type": member.membership_type.pk,
        "payment_method": member.payment_method,
        "payment_reference": member.payment_reference,
        "status": member.status,
        "joined": member.joined.isoformat(),
    }
    response = client.post(reverse("desk_members:edit", args=[member.pk]), data)
    assert response.status_code == 302
    assert b"Tupac" in client.get("/admin/reports/site-history/").content
    client.force_login(editor_user())
    assert b"Tupac" not in client.get("/admin/reports/site-history/").content


def test_the_secretary_group_is_made_once_with_every_members_permission():
    config = apps.get_app_config("members")
    create_membership_secretary_group(sender=config, app_config=config)
    create_membership_secretary_group(sender=config, app_config=config)
    group = Group.objects.get(name=SECRETARY_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "add_member",
        "change_member",
        "delete_member",
        "view_member",
        "export_member",
        "import_member",
        "add_payment",
        "change_payment",
        "add_giftaiddeclaration",
        "change_giftaiddeclaration",
        "view_joinapplication",
        "view_erasurelog",
        "change_membershipsettings",
    } <= codenames
    assert Group.objects.filter(name=SECRETARY_GROUP).count() == 1
    editors = set(
        Group.objects.get(name="Editors").permissions.values_list(
            "content_type__app_label", flat=True
        )
    )
    assert "members" not in editors


def test_deleting_a_member_means_erasing_their_data(client, records):
    client.force_login(secretary_user())
    member = records["member"]
    response = client.get(reverse("desk_members:delete", args=[member.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("desk_members:erase", args=[member.pk])
    member.refresh_from_db()
    assert member.erased_at is None
