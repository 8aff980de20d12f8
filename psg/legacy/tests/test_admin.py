"""Settings → Imported legacy items: editors see what the importer did;
nobody adds, changes or deletes those records in the admin."""

import pytest

from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse

from psg.legacy.models import LegacyItem
from psg.members.tests.factories import editor_user, secretary_user

from .conftest import ARTICLE_WATER, NEWS_LISTING, PUBLICATIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(import_files):
    import_files(NEWS_LISTING, ARTICLE_WATER)
    return LegacyItem.objects.exclude(page=None).order_by("pk").first()


def text(response):
    return " ".join(response.content.decode().split())


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_may_view_the_imported_items(group):
    permissions = Group.objects.get(name=group).permissions
    assert permissions.filter(codename="view_legacyitem").exists()
    for codename in ("add_legacyitem", "change_legacyitem", "delete_legacyitem"):
        assert not permissions.filter(codename=codename).exists()


def test_an_editor_lists_searches_and_inspects_the_imported_items(client, imported):
    client.force_login(editor_user())
    listing = client.get(reverse("legacy_items:index"))
    assert listing.status_code == 200
    assert imported.title in text(listing)
    # No button to add one, no link to edit one.
    assert reverse("legacy_items:index") + "add/" not in listing.content.decode()
    found = client.get(reverse("legacy_items:index"), {"q": imported.title[:20]})
    assert imported.title in text(found)
    missing = client.get(reverse("legacy_items:index"), {"q": "no such title"})
    assert imported.title not in text(missing)

    page = client.get(reverse("legacy_items:inspect", args=[imported.pk]))
    assert page.status_code == 200
    body = text(page)
    assert imported.title in body
    for path in imported.legacy_paths:
        assert path in body

    # The settings menu leads there.
    home = client.get("/admin/").content.decode()
    assert reverse("legacy_items:index") in home


def test_the_list_filters_by_kind(client, imported, import_files):
    import_files(PUBLICATIONS)
    publication = LegacyItem.objects.filter(kind=LegacyItem.Kind.PUBLICATION).first()
    client.force_login(editor_user())
    news = text(client.get(reverse("legacy_items:index"), {"kind": "news"}))
    assert imported.title in news
    assert publication.title not in news


def test_nobody_adds_changes_or_deletes_them_in_the_admin(admin_client, imported):
    for name in ("add", "edit", "delete", "copy", "history", "usage"):
        with pytest.raises(NoReverseMatch):
            reverse(f"legacy_items:{name}", args=[imported.pk])
    base = reverse("legacy_items:index")
    for path in ("add/", f"edit/{imported.pk}/", f"delete/{imported.pk}/"):
        assert admin_client.get(base + path).status_code == 404
        assert admin_client.post(base + path, {"title": "x"}).status_code == 404
    assert LegacyItem.objects.get(pk=imported.pk).title == imported.title


@pytest.mark.parametrize("who", ["secretary", "anonymous"])
def test_others_are_refused(client, imported, who):
    if who == "secretary":
        client.force_login(secretary_user())
    for url in (
        reverse("legacy_items:index"),
        reverse("legacy_items:inspect", args=[imported.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        location = response["Location"]
        if who == "anonymous":
            assert location.startswith("/admin/login/")
        else:
            assert location == "/admin/"
    if who == "secretary":
        home = client.get("/admin/").content.decode()
        assert reverse("legacy_items:index") not in home
