"""Signing in to /membership/ by emailed link, and who may see what there."""

import re
import time

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from psg.core.permissions import EDITORS_GROUP, SECRETARY_GROUP
from psg.members import tokens
from psg.members.account import session
from psg.members.account.emails import signin_token
from psg.members.erasure import erase_member
from psg.members.models import Member
from psg.members.tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("membership-sign-in")
HOME = reverse("membership-home")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(site):
    return MemberFactory(
        name="Ñahui Quispe Mamani",
        email="Nahui.Quispe+psg@example.org",
        status=Member.Status.ACTIVE,
    )


def sign_in(client, member):
    """Sign ``client`` in as ``member`` the way a member does: the link's button."""
    response = client.post(
        reverse("membership-sign-in-confirm", args=[signin_token(member)])
    )
    assert response.status_code == 302
    assert response["Location"] == HOME
    return response


def link_in(message):
    text = message.get_body(("plain",)).get_content()
    [link] = re.findall(r"http://testserver(/membership/sign-in/[^/\s]+/)", text)
    return link


def assert_not_cached(response):
    cache_control = response["Cache-Control"]
    for directive in ("no-cache", "no-store", "must-revalidate", "private"):
        assert directive in cache_control


# Asking for a link ----------------------------------------------------------


def test_sign_in_page_has_a_labelled_email_field(client, site):
    response = client.get(SIGN_IN)

    assert response.status_code == 200
    assert_not_cached(response)
    html = response.content.decode()
    assert '<label for="id_email">Your email address' in html
    assert 'aria-describedby="id_email_helptext"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_whole_sign_in_by_email_link(client, member, smtp_server):
    # Any case of the address finds the member.
    response = client.post(SIGN_IN, {"email": " NAHUI.QUISPE+PSG@EXAMPLE.ORG "})
    assert response.status_code == 302
    assert response["Location"] == reverse("membership-sign-in-sent")

    [received] = smtp_server.messages
    assert received["to"] == ["Nahui.Quispe+psg@example.org"]
    message = received["message"]
    assert message["Subject"] == (
        "Your link to manage your Peru Support Group membership"
    )
    link = link_in(message)
    html = message.get_body(("html",)).get_content()
    assert f'href="http://testserver{link}"' in html
    assert "Dear Ñahui Quispe Mamani," in message.get_body(("plain",)).get_content()

    # Opening the link (as a mail scanner would) does not sign in.
    page = client.get(link)
    assert page.status_code == 200
    assert_not_cached(page)
    assert page["Referrer-Policy"] == "no-referrer"
    assert b'<button type="submit">Sign in</button>' in page.content
    assert b"Quispe" not in page.content
    assert client.get(HOME)["Location"] == SIGN_IN

    # A session planted beforehand (session fixation) is not the one signed in.
    planted = client.session
    planted["seen"] = True
    planted.save()
    response = client.post(link)
    assert response["Location"] == HOME
    assert client.cookies["sessionid"].value != planted.session_key
    assert not planted.exists(planted.session_key)

    home = client.get(HOME)
    assert home.status_code == 200
    assert_not_cached(home)
    assert "Ñahui Quispe Mamani" in home.content.decode()

    # The link works once.
    client.post(reverse("membership-sign-out"))
    again = client.post(link)
    assert again.status_code == 400
    assert b"This link does not work" in again.content
    assert client.get(HOME)["Location"] == SIGN_IN


def test_same_answer_whether_or_not_the_address_is_a_member(
    client, member, smtp_server
):
    known = client.post(SIGN_IN, {"email": member.email}, follow=True)
    unknown = client.post(SIGN_IN, {"email": "nobody@example.org"}, follow=True)

    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert [m["to"] for m in smtp_server.messages] == [[member.email]]


def test_a_link_reaches_an_idn_address(client, smtp_server, site):
    MemberFactory(name="Quispe Mamani", email="quispe@perú.example")

    client.post(SIGN_IN, {"email": "Quispe@Perú.Example"})

    [received] = smtp_server.messages
    # The domain goes over SMTP in its ASCII (punycode) form.
    assert received["to"] == ["quispe@xn--per-boa.example"]
    assert link_in(received["message"])


def test_no_link_for_an_erased_member(client, smtp_server, site):
    erased = MemberFactory(email="gone@example.org")
    erase_member(erased, "member")

    response = client.post(SIGN_IN, {"email": "gone@example.org"})
    client.post(SIGN_IN, {"email": f"erased-{erased.pk}@invalid"})

    assert response["Location"] == reverse("membership-sign-in-sent")
    assert smtp_server.messages == []


def test_a_bad_address_is_shown_again_with_the_error_beside_it(client, site):
    response = client.post(SIGN_IN, {"email": "not an address"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="not an address"' in html
    assert 'id="id_email_error"' in html
    assert "Enter an email address in the correct format" in html
    assert 'aria-invalid="true"' in html


def test_asking_too_often_for_one_address_is_rate_limited(
    client, member, settings, smtp_server
):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "signin-email": "2/h"}

    answers = [
        client.post(SIGN_IN, {"email": member.email.upper()}).status_code
        for _ in range(3)
    ]

    assert answers == [302, 302, 429]
    assert len(smtp_server.messages) == 2


def test_asking_too_often_from_one_address_is_rate_limited(client, site, settings):
    settings.PSG_RATE_LIMITS = {**settings.PSG_RATE_LIMITS, "signin-ip": "3/h"}

    answers = [
        client.post(SIGN_IN, {"email": f"person{n}@example.org"}).status_code
        for n in range(4)
    ]
    unknown_after = client.post(SIGN_IN, {"email": "another@example.org"})

    assert answers == [302, 302, 302, 429]
    assert unknown_after.status_code == 429
    assert b"Too many attempts" in unknown_after.content
    assert unknown_after["Retry-After"]


# The link -------------------------------------------------------------------


def test_an_expired_link_says_so_and_does_not_sign_in(
    client, member, settings, monkeypatch
):
    real_time = time.time
    with monkeypatch.context() as patch:
        patch.setattr(
            time, "time", lambda: real_time() - settings.PSG_SIGNIN_LINK_MAX_AGE - 5
        )
        token = signin_token(member)
    url = reverse("membership-sign-in-confirm", args=[token])

    page = client.get(url)
    posted = client.post(url)

    assert page.status_code == posted.status_code == 400
    assert b"This link has expired" in posted.content
    assert client.get(HOME)["Location"] == SIGN_IN


def test_tampered_links_do_not_sign_in(client, member, site):
    other = MemberFactory(name="Rosa Huamán")
    token = signin_token(member)
    payload = signing.TimestampSigner(salt=tokens.SIGNIN_SALT).unsign_object(token)
    forged = [
        token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature altered
        # Another member's number in a payload signed with the wrong key.
        signing.TimestampSigner(key="not-the-key", salt=tokens.SIGNIN_SALT).sign_object(
            {**payload, "m": other.pk}
        ),
        # A genuine signature for another purpose (a join confirmation link).
        tokens.make_token(tokens.JOIN_SALT, {**payload, "m": other.pk}),
        # Genuinely signed, but the fingerprint belongs to another member.
        tokens.make_token(tokens.SIGNIN_SALT, {**payload, "m": other.pk}),
        tokens.make_token(tokens.SIGNIN_SALT, {"m": member.pk}),
        tokens.make_token(tokens.SIGNIN_SALT, ["not", "a", "dict"]),
        "nonsense",
    ]

    for token in forged:
        url = reverse("membership-sign-in-confirm", args=[token])
        response = client.post(url)
        assert response.status_code == 400, token
        assert b"This link does not work" in response.content
    assert client.get(HOME)["Location"] == SIGN_IN


def test_a_link_stops_working_when_the_email_changes(client, member):
    token = signin_token(member)
    member.email = "new.address@example.org"
    member.save()

    response = client.post(reverse("membership-sign-in-confirm", args=[token]))

    assert response.status_code == 400


def test_a_link_for_a_member_erased_since_does_not_work(client, member):
    token = signin_token(member)
    erase_member(member, "secretary")

    response = client.post(reverse("membership-sign-in-confirm", args=[token]))

    assert response.status_code == 400


# The session ----------------------------------------------------------------


def test_the_session_ends_after_an_hour_idle(client, member):
    sign_in(client, member)
    assert client.get(HOME).status_code == 200

    store = client.session
    store[session.EXPIRES_KEY] = time.time() - 1
    store.save()

    assert client.get(HOME)["Location"] == SIGN_IN
    assert session.MEMBER_KEY not in client.session


def test_activity_keeps_the_session_alive(client, member):
    sign_in(client, member)
    store = client.session
    store[session.EXPIRES_KEY] = time.time() + 60
    store.save()

    client.get(HOME)

    expires = client.session[session.EXPIRES_KEY]
    assert expires > time.time() + session.IDLE_SECONDS - 60


def test_signing_out_needs_a_post(client, member):
    sign_in(client, member)

    page = client.get(reverse("membership-sign-out"))
    assert page.status_code == 200
    assert client.get(HOME).status_code == 200

    response = client.post(reverse("membership-sign-out"), follow=True)
    assert response.redirect_chain[-1][0] == SIGN_IN
    assert b"You have signed out." in response.content
    assert client.get(HOME)["Location"] == SIGN_IN


def test_a_signed_in_member_asking_for_a_link_goes_home(client, member):
    sign_in(client, member)

    assert client.get(SIGN_IN)["Location"] == HOME


def test_posts_need_the_csrf_token(member, site):
    strict = Client(enforce_csrf_checks=True)
    link = reverse("membership-sign-in-confirm", args=[signin_token(member)])
    strict.get(link)
    assert strict.post(link).status_code == 403  # the sign-in button too
    csrf = strict.cookies["csrftoken"].value
    assert strict.post(link, {"csrfmiddlewaretoken": csrf}).status_code == 302
    assert strict.get(HOME).status_code == 200

    for name, data in HARMFUL_POSTS.items():
        response = strict.post(reverse(name), data)
        assert response.status_code == 403, name

    assert strict.get(HOME).status_code == 200
    member.refresh_from_db()
    assert member.name == "Ñahui Quispe Mamani"


# Who may see what -----------------------------------------------------------

MEMBER_PAGES = [
    ("membership-home", ""),
    ("membership-edit", ""),
    ("membership-consents", ""),
    ("membership-download", ""),
    ("membership-download", "?format=json"),
    ("membership-download", "?format=csv"),
    ("membership-cancel", ""),
    ("membership-erase", ""),
    ("membership-sign-out", ""),
]

HARMFUL_POSTS = {
    "membership-edit": {"name": "Hijacked", "email": "hijack@example.org"},
    "membership-consents": {"bulletin": "on", "events": "on"},
    "membership-cancel": {"confirm": "on"},
    "membership-erase": {"confirm": "on"},
    "membership-sign-out": {},
}


@pytest.fixture
def superuser_client(client, site):
    admin = get_user_model().objects.create_superuser(
        "admin", "admin@example.org", "a-long-test-password"
    )
    client.force_login(admin)
    return client


@pytest.fixture
def editor_client(client, site):
    editor = get_user_model().objects.create_user(
        "editor", "editor@example.org", "a-long-test-password", is_staff=True
    )
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    return client


@pytest.fixture
def secretary_client(client, site):
    secretary = get_user_model().objects.create_user(
        "secretary", "secretary@example.org", "a-long-test-password", is_staff=True
    )
    secretary.groups.add(Group.objects.get(name=SECRETARY_GROUP))
    client.force_login(secretary)
    return client


@pytest.mark.parametrize("who", ["anonymous", "superuser", "editor", "secretary"])
@pytest.mark.parametrize(("name", "query"), MEMBER_PAGES)
def test_only_a_signed_in_member_gets_in(
    request, client, member, who, name, query, smtp_server
):
    if who != "anonymous":
        client = request.getfixturevalue(f"{who}_client")
    url = reverse(name) + query

    get = client.get(url)
    post = client.post(url, HARMFUL_POSTS.get(name, {}))

    for response in (get, post):
        assert response.status_code == 302
        assert response["Location"] == SIGN_IN
        assert_not_cached(response)
    member.refresh_from_db()
    assert member.name == "Ñahui Quispe Mamani"
    assert member.status == Member.Status.ACTIVE
    assert member.erased_at is None
    assert not member.consents.exists()


@pytest.mark.parametrize(("name", "query"), MEMBER_PAGES)
def test_a_member_never_sees_another_members_data(client, member, name, query):
    other = MemberFactory(
        name="Rosa Huamán Ccori",
        email="rosa@example.org",
        telephone="+51 84 123456",
        payment_reference="PSG-ROSA22",
    )
    sign_in(client, other)

    tampered = f"member={member.pk}&id={member.pk}&pk={member.pk}"
    url = reverse(name) + (f"{query}&{tampered}" if query else f"?{tampered}")
    response = client.get(url)

    assert response.status_code == 200
    body = response.content.decode()
    for mine in ("Ñahui", "Quispe", "Nahui.Quispe", member.payment_reference):
        assert mine not in body
    if query:  # the downloads: the signed-in member's own data
        assert "Rosa Huamán Ccori" in body
        assert "rosa@example.org" in body


def test_tampered_post_ids_change_only_the_signed_in_member(client, member):
    other = MemberFactory(name="Rosa Huamán Ccori", email="rosa@example.org")
    sign_in(client, other)

    client.post(
        reverse("membership-edit"),
        {
            "id": member.pk,
            "pk": member.pk,
            "member": member.pk,
            "name": "Rosa H. Ccori",
            "email": "rosa@example.org",
            "country": "PE",
        },
    )
    client.post(reverse("membership-consents"), {"member": member.pk, "bulletin": "on"})
    client.post(reverse("membership-cancel"), {"member": member.pk, "confirm": "on"})

    member.refresh_from_db()
    other.refresh_from_db()
    assert member.name == "Ñahui Quispe Mamani"
    assert member.status == Member.Status.ACTIVE
    assert not member.consents.exists()
    assert other.name == "Rosa H. Ccori"
    assert other.bulletin_consent is True
    assert other.status == Member.Status.CANCELLED


def test_another_members_session_cookie_is_theirs_alone(client, member, site):
    other = MemberFactory(name="Rosa Huamán Ccori", email="rosa@example.org")
    sign_in(client, other)
    mine = Client()
    sign_in(mine, member)

    assert "Rosa" in client.get(HOME).content.decode()
    assert "Rosa" not in mine.get(HOME).content.decode()
    assert "Ñahui" in mine.get(HOME).content.decode()
