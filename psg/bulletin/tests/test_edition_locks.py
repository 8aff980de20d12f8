"""Locks around the send permission: an edition being sent or sent cannot be
changed; only those who may send mark an edition archived (which publishes
it); a series someone receives, or with editions, is not deleted. For an
editor without the send permission, a moderator (with it), the membership
secretary and an anonymous visitor (docs/bulletin.md, "Locks")."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from psg.bulletin.models import (
    BulletinSeries,
    Edition,
    EditionLocked,
    SeriesInUse,
)
from psg.bulletin.tests.factories import (
    BulletinSeriesFactory,
    EditionFactory,
    EditionItemFactory,
)
from psg.bulletin.tests.subscriber_factories import SubscriberFactory
from psg.core.permissions import EDITORS_GROUP, MODERATORS_GROUP
from psg.members.tests.factories import secretary_user
from psg.news.tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

ROLES = ["editor", "moderator", "secretary", "anonymous"]


def user_in(group_name):
    user = get_user_model().objects.create_user(group_name.lower(), password="x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def as_role(client):
    def sign_in(role):
        user = {
            "editor": lambda: user_in(EDITORS_GROUP),
            "moderator": lambda: user_in(MODERATORS_GROUP),
            "secretary": secretary_user,
            "anonymous": lambda: None,
        }[role]()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


def text(response):
    return " ".join(response.content.decode().split())


def refused_or_login(response, role):
    """Those without the right never reach the page: the admin's login for
    an anonymous visitor, its refusal for the secretary."""
    assert response.status_code in (302, 403)
    if role == "anonymous":
        assert "/login/" in response["Location"]


@pytest.fixture
def sent_edition(news_index):
    series = BulletinSeries.objects.get(slug="update")
    edition = EditionFactory(
        series=series,
        number=series.next_number(),
        introduction="<p>The text as sent.</p>",
        status=Edition.Status.SENT,
    )
    EditionItemFactory(edition=edition, page=NewsPageFactory(parent=news_index))
    return edition


def edit_data(edition, introduction="The text as sent.", **changes):
    return nested_form_data(
        {
            "series": edition.series_id,
            "number": edition.number,
            "date": edition.date.isoformat(),
            "introduction": rich_text(introduction),
            "items": inline_formset([], initial=0),
            **changes,
        }
    )


@pytest.mark.parametrize("status", [Edition.Status.SENDING, Edition.Status.SENT])
@pytest.mark.parametrize("role", ROLES)
def test_an_edition_being_sent_or_sent_cannot_be_edited(
    as_role, role, status, sent_edition
):
    Edition.objects.filter(pk=sent_edition.pk).update(status=status)
    client = as_role(role)
    edit = reverse("bulletin_editions:edit", args=[sent_edition.pk])

    for response in (
        client.get(edit),
        client.post(edit, edit_data(sent_edition)),
        client.post(reverse("bulletin_editions:compose", args=[sent_edition.pk])),
        client.post(reverse("bulletin_editions:delete", args=[sent_edition.pk])),
    ):
        if role in ("editor", "moderator"):
            assert response.status_code == 302
            assert response["Location"] == reverse(
                "bulletin_editions:sending", args=[sent_edition.pk]
            )
        else:
            refused_or_login(response, role)
    if role in ("editor", "moderator"):
        page = text(
            client.get(reverse("bulletin_editions:sending", args=[sent_edition.pk]))
        )
        assert "can no longer be changed" in page

    sent_edition.refresh_from_db()
    assert sent_edition.introduction == "<p>The text as sent.</p>"
    assert sent_edition.items.count() == 1
    assert sent_edition.status == status


def test_the_model_refuses_to_change_a_sent_edition(sent_edition):
    sent_edition.introduction = "<p>Changed after sending.</p>"
    with pytest.raises(EditionLocked):
        sent_edition.save()
    with pytest.raises(EditionLocked):
        sent_edition.compose_from_latest()
    with pytest.raises(Exception, match="can no longer be changed"):
        sent_edition.full_clean()
    sent_edition.refresh_from_db()
    assert sent_edition.introduction == "<p>The text as sent.</p>"


def test_a_draft_is_still_edited(as_role, sent_edition):
    Edition.objects.filter(pk=sent_edition.pk).update(status=Edition.Status.DRAFT)
    client = as_role("editor")
    response = client.post(
        reverse("bulletin_editions:edit", args=[sent_edition.pk]),
        edit_data(sent_edition, introduction="New words"),
    )
    assert response.status_code == 302
    sent_edition.refresh_from_db()
    assert "New words" in sent_edition.introduction


@pytest.mark.parametrize(("role", "archived"), [("editor", False), ("moderator", True)])
def test_only_those_who_may_send_mark_an_edition_archived(
    as_role, role, archived, news_index
):
    """An archived edition is published without being sent."""
    series = BulletinSeries.objects.get(slug="update")
    client = as_role(role)
    draft = EditionFactory(series=series, number=series.next_number())

    client.post(
        reverse("bulletin_editions:edit", args=[draft.pk]),
        edit_data(draft, is_legacy="on"),
    )

    draft.refresh_from_db()
    assert draft.is_legacy is archived
    assert Edition.objects.published().filter(pk=draft.pk).exists() is archived
    page = client.get(reverse("bulletin_editions:add"))
    assert ("disabled" in text(page).split('name="is_legacy"')[1][:200]) is not archived


@pytest.mark.parametrize("role", ["secretary", "anonymous"])
def test_others_cannot_archive_either(as_role, role):
    series = BulletinSeries.objects.get(slug="update")
    draft = EditionFactory(series=series, number=series.next_number())
    response = as_role(role).post(
        reverse("bulletin_editions:edit", args=[draft.pk]),
        edit_data(draft, is_legacy="on"),
    )
    refused_or_login(response, role)
    draft.refresh_from_db()
    assert not draft.is_legacy


@pytest.mark.parametrize("role", ROLES)
def test_a_series_someone_receives_is_not_deleted(as_role, role):
    series = BulletinSeriesFactory(name="Alerts", slug="alerts", is_open=True)
    SubscriberFactory(series=[series])
    client = as_role(role)
    delete = reverse("bulletin_series:delete", args=[series.pk])

    get, post = client.get(delete), client.post(delete)

    if role in ("editor", "moderator"):
        assert post["Location"] == reverse("bulletin_series:edit", args=[series.pk])
        assert "cannot be deleted" in text(client.get(post["Location"]))
        assert get.status_code == 302
    else:
        refused_or_login(post, role)
    assert BulletinSeries.objects.filter(pk=series.pk).exists()
    assert series.subscriptions.count() == 1


def test_the_model_refuses_to_delete_a_series_in_use():
    series = BulletinSeriesFactory(name="Alerts", slug="alerts")
    SubscriberFactory(series=[series])
    with pytest.raises(SeriesInUse):
        series.delete()
    assert BulletinSeries.objects.filter(pk=series.pk).exists()


def test_an_unused_series_is_deleted_by_an_editor(as_role):
    series = BulletinSeriesFactory(name="Alerts", slug="alerts")
    client = as_role("editor")
    client.post(reverse("bulletin_series:delete", args=[series.pk]))
    assert not BulletinSeries.objects.filter(pk=series.pk).exists()
