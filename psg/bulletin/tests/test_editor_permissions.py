import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from psg.core.permissions import EDITORS_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("editor", password="x" * 12)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return user


def test_editors_compose_editions(client, editor):
    assert editor.has_perm("bulletin.add_edition")
    assert editor.has_perm("bulletin.change_edition")
    admin_home = client.get("/admin/").content.decode()
    assert "Editions" in admin_home


def test_editors_never_see_subscribers(client, editor):
    assert not editor.has_perm("bulletin.view_subscriber")
    response = client.get(reverse("bulletin_subscribers:index"))
    assert response.status_code in (302, 403)
