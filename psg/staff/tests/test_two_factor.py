"""Staff sign in with a password and then a code; nothing opens before it.

Every user who can open the Wagtail admin (the membership secretary, editors,
whoever may send the bulletin, superusers) enrols an authenticator app on
their first sign-in and enters a code, or a recovery code, on every one.
"""

import io
import re

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.core.management import call_command
from django.urls import reverse

from psg.staff.tests.helpers import (
    CODES,
    ENROL,
    VERIFY,
    bulletin_sender,
    code_after,
    code_for,
    editor,
    enrolled,
    secret_on_page,
    secretary,
    sign_in,
    superuser,
    throttle_passes,
)

pytestmark = pytest.mark.django_db

STAFF = {
    "superuser": superuser,
    "secretary": secretary,
    "editor": editor,
    "bulletin sender": bulletin_sender,
}


def admin_pages():
    return [
        "/admin/",
        "/admin/pages/",
        reverse("desk_members:index"),
        "/admin/users/",
        reverse("sign_in_lockouts:index"),
        reverse("staff-two-factor"),
        CODES,
    ]


def goes_to(response, path):
    return response.status_code == 302 and response["Location"].startswith(path)


@pytest.mark.parametrize("make_user", STAFF.values(), ids=STAFF.keys())
def test_staff_without_a_device_can_open_no_page_but_enrolling(client, site, make_user):
    user = make_user()
    assert goes_to(sign_in(client, user), "/admin/")
    for path in [*admin_pages(), "/"]:
        response = client.get(path)
        assert goes_to(response, ENROL), path
    assert client.get(ENROL).status_code == 200


@pytest.mark.parametrize("make_user", STAFF.values(), ids=STAFF.keys())
def test_staff_with_a_device_must_enter_a_code_first(client, site, make_user):
    user = make_user()
    enrolled(user)
    sign_in(client, user)
    for path in [*admin_pages(), "/", ENROL]:
        response = client.get(path)
        assert goes_to(response, VERIFY), path


def test_the_secretary_reaches_member_data_only_after_the_code(client):
    user = secretary()
    device = enrolled(user)
    members = reverse("desk_members:index")
    sign_in(client, user)
    response = client.get(members)
    assert goes_to(response, VERIFY)
    verify_url = response["Location"]

    response = client.post(verify_url, {"code": "000000", "next": members})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert goes_to(client.get(members), VERIFY)

    # Straight after a wrong code even the right one must wait a moment.
    response = client.post(verify_url, {"code": code_for(device), "next": members})
    assert "Too many wrong codes. Wait" in response.content.decode()
    throttle_passes(user)
    response = client.post(verify_url, {"code": code_for(device), "next": members})
    assert goes_to(response, members)
    assert client.get(members).status_code == 200


def test_enrolling_shows_a_qr_code_and_the_secret_then_recovery_codes_once(client):
    user = secretary()
    sign_in(client, user)
    page = client.get(ENROL).content.decode()
    assert "<svg" in page
    secret = secret_on_page(page)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert secret == device.config_url.split("secret=")[1].split("&")[0]

    response = client.post(ENROL, {"code": "123"})
    assert response.status_code == 200
    assert "That code does not match" in response.content.decode()
    assert 'value="123"' in response.content.decode()  # what they typed stays

    throttle_passes(user)
    response = client.post(ENROL, {"code": code_for(device)})
    assert goes_to(response, CODES)
    device.refresh_from_db()
    assert device.confirmed

    page = client.get(CODES).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", page)
    assert len(codes) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    )
    download = client.get(reverse("staff-recovery-codes-download"))
    assert download["Content-Disposition"].startswith("attachment;")
    assert all(code in download.content.decode() for code in codes)

    response = client.post(reverse("staff-recovery-codes-done"))
    assert goes_to(response, "/admin/")
    assert client.get("/admin/").status_code == 200
    # Shown once: the codes page now sends them to their two-factor page.
    assert goes_to(client.get(CODES), reverse("staff-two-factor"))


def test_signing_in_again_needs_a_code_and_a_recovery_code_works_once(client):
    user = secretary()
    device = enrolled(user)
    sign_in(client, user)
    client.post(VERIFY, {"code": code_for(device)})
    client.post(reverse("staff-two-factor"))  # new recovery codes
    codes = client.session["psg_staff_new_recovery_codes"]
    client.post("/admin/logout/")

    sign_in(client, user)
    assert goes_to(client.get("/admin/"), VERIFY)
    response = client.post(VERIFY, {"code": codes[0].upper()})
    assert goes_to(response, "/admin/")
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")

    sign_in(client, user)
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200
    assert goes_to(client.get("/admin/"), VERIFY)
    throttle_passes(user)
    response = client.post(VERIFY, {"code": code_after(device)})
    assert goes_to(response, "/admin/")
    assert StaticToken.objects.filter(device__user=user).count() == 9


def test_a_code_from_the_app_works_once(client):
    user = editor()
    device = enrolled(user)
    code = code_for(device)
    sign_in(client, user)
    assert goes_to(client.post(VERIFY, {"code": code}), "/admin/")
    client.post("/admin/logout/")
    sign_in(client, user)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert goes_to(client.get("/admin/"), VERIFY)


def test_the_next_address_must_be_on_this_site(client):
    user = editor()
    device = enrolled(user)
    sign_in(client, user)
    response = client.post(
        VERIFY, {"code": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_anonymous_visitors_and_members_are_not_affected(client, site):
    response = client.get("/admin/")
    assert goes_to(response, "/admin/login/")
    assert goes_to(client.get(ENROL), "/admin/login/")
    response = client.get("/")
    assert response.status_code == 200
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    assert client.get(reverse("membership-sign-in")).status_code == 200


def test_resetting_a_lost_phone_sends_them_to_enrol_again(client):
    user = editor()
    enrolled(user)
    call_command("reset_two_factor", "editor", stdout=io.StringIO())
    sign_in(client, user)
    assert goes_to(client.get("/admin/"), ENROL)
