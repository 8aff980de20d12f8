"""What each worker keeps between requests (psg.core.structure, chrome and
routing) is never what a reader sees after an editor changed it."""

import pytest

from django.core.cache import cache
from django.urls import reverse

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import querydict_from_html

from psg.core import structure
from psg.core.models import MenuItem, NavigationSettings, OrganisationSettings
from psg.news.models import RelatedItem
from psg.news.tests.factories import NewsPageFactory
from psg.standard_pages.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def aims(site, home_page):
    page = StandardPageFactory(parent=home_page, title="Aims", slug="aims")
    navigation = NavigationSettings.for_site(site)
    navigation.menu_items = [
        MenuItem(label="News", link_url="/news/"),
        MenuItem(label="Our aims", link_page=page),
    ]
    navigation.save()
    return page


def settings_form(admin_client, model_name, site):
    url = reverse("wagtailsettings:edit", args=["core", model_name, site.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    return url, querydict_from_html(response.content.decode(), form_id="w-editor-form")


def test_an_editor_renaming_the_organisation_is_seen_on_the_next_page(
    client, admin_client, site, aims
):
    assert "<title>Aims | Peru Support Group</title>" in client.get(aims.url).text
    url, data = settings_form(admin_client, "organisationsettings", site)
    data["name"] = "Peru Support Group UK"
    data["charity_number"] = "1234567"
    assert admin_client.post(url, data).status_code == 302
    html = client.get(aims.url).content.decode()
    assert "<title>Aims | Peru Support Group UK</title>" in html
    assert "Registered charity number 1234567" in html


def test_an_editor_changing_the_menu_is_seen_on_the_next_page(
    client, admin_client, site, aims
):
    assert '<a href="/aims/">Our aims</a>' in client.get("/").content.decode()
    url, data = settings_form(admin_client, "navigationsettings", site)
    data["menu_items-1-label"] = "What we want"
    data["footer_links-TOTAL_FORMS"] = "1"
    data.update(
        {
            "footer_links-0-label": "Privacy",
            "footer_links-0-link_url": "/privacy/",
            "footer_links-0-language": "en-gb",
            "footer_links-0-ORDER": "1",
        }
    )
    assert admin_client.post(url, data).status_code == 302
    html = client.get("/").content.decode()
    assert '<a href="/aims/">What we want</a>' in html
    assert "Our aims" not in html
    assert '<li><a href="/privacy/">Privacy</a></li>' in html


def test_a_linked_page_renamed_and_published_moves_its_menu_link(client, aims):
    assert '<a href="/aims/">Our aims</a>' in client.get("/").content.decode()
    aims.slug = "our-aims"
    aims.save_revision().publish()
    html = client.get("/").content.decode()
    assert '<a href="/our-aims/">Our aims</a>' in html


def test_a_change_sets_a_new_version_for_every_worker_on_commit(
    site, django_capture_on_commit_callbacks
):
    before = structure.version()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        organisation = OrganisationSettings.for_site(site)
        organisation.name = "PSG"
        organisation.save()
        MenuItem.objects.create(
            settings=NavigationSettings.for_site(site), label="A", link_url="/a/"
        )
    assert len(callbacks) == 1  # one new version for the whole transaction
    assert structure.version() != before


def test_a_worker_reads_the_chrome_again_when_another_worker_changed_it(
    client, site, aims
):
    OrganisationSettings.for_site(site)
    assert "Peru Support Group" in client.get("/").content.decode()
    # Another worker's change: this worker sees no signal, only the version.
    changed = OrganisationSettings.objects.filter(site=site)
    assert changed.update(name="Changed elsewhere") == 1
    assert "Changed elsewhere" not in client.get("/").content.decode()
    cache.set(structure.VERSION_KEYS[structure.CONTENT], "set by another worker")
    assert "Changed elsewhere" in client.get("/").content.decode()


def test_a_remembered_address_follows_a_renamed_page(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Water in Puno", slug="water")
    for _ in range(2):  # the second view comes from the worker's memory
        assert client.get("/news/water/").status_code == 200
    page.slug = "water-in-puno"
    page.save_revision().publish()
    assert client.get("/news/water/").status_code == 404
    assert "Water in Puno" in client.get("/news/water-in-puno/").content.decode()


def test_a_remembered_address_of_an_unpublished_page_is_gone(client, news_index):
    page = NewsPageFactory(parent=news_index, slug="gone")
    client.get("/news/gone/")
    assert client.get("/news/gone/").status_code == 200
    page.unpublish()
    assert client.get("/news/gone/").status_code == 404


def test_a_page_made_private_after_its_views_asks_for_sign_in(client, news_index):
    page = NewsPageFactory(parent=news_index, title="Members only", slug="private")
    client.get("/news/private/")
    assert client.get("/news/private/").status_code == 200
    PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/news/private/")
    assert response.status_code == 302
    assert page.title not in response.content.decode()


def test_related_pages_leave_out_private_ones(client, news_index, home_page):
    private = StandardPageFactory(parent=home_page, title="Private related")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    shown = NewsPageFactory(parent=news_index, title="Public related")
    page = NewsPageFactory(parent=news_index)
    page.related_items = [RelatedItem(page=private), RelatedItem(page=shown)]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Public related" in html
    assert "Private related" not in html


@pytest.fixture
def fresh_cache():
    """Wagtail caches the sites' root paths; the rollback of a test that adds
    a Site would leave the next test on this worker with two sites."""
    yield
    cache.clear()


def test_each_request_host_gets_its_own_site(
    client, site, home_page, settings, fresh_cache
):
    settings.ALLOWED_HOSTS = ["localhost", "other.example.org"]
    other_root = StandardPageFactory(parent=home_page, title="Other site home")
    site.__class__.objects.create(
        hostname="other.example.org", port=80, root_page=other_root
    )
    assert "Other site home" in client.get("/", HTTP_HOST="other.example.org").text
    assert "Other site home" not in client.get("/", HTTP_HOST="localhost").text
