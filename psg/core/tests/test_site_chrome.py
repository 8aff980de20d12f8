import pytest

from psg.core.models import (
    FooterLink,
    MenuItem,
    NavigationSettings,
    OrganisationSettings,
    SidebarPromo,
    SocialLink,
)
from psg.standard_pages.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def chrome(site, home_page):
    aims = StandardPageFactory(parent=home_page, title="Aims", slug="aims")
    organisation = OrganisationSettings.for_site(site)
    organisation.charity_number = "1234567"
    organisation.address = "PO Box 1\nLondon"
    organisation.tagline = "Human rights and democracy in Peru"
    organisation.save()
    navigation = NavigationSettings.for_site(site)
    navigation.menu_items = [
        MenuItem(label="News", link_url="/news/"),
        MenuItem(label="Aims", link_page=aims),
    ]
    navigation.footer_links = [FooterLink(label="Privacy", link_url="/privacy/")]
    navigation.social_links = [SocialLink(network="x", url="https://x.com/psg")]
    navigation.promos = [
        SidebarPromo(
            title="PSG Aims",
            text="We promote inclusion.",
            link_page=aims,
            link_label="Read more",
        ),
        SidebarPromo(
            title="Why join the PSG?",
            text="- Keep up to date\n- Support our work",
            link_url="/join/",
            link_label="Become a member",
        ),
    ]
    navigation.save()
    return aims


def test_every_page_carries_menu_sidebar_and_footer(client, chrome):
    for url in ("/", chrome.url):
        html = client.get(url).content.decode()
        assert '<a href="/news/">News</a>' in html
        assert '<a href="/aims/" aria-current="page">Aims</a>' in html or url == "/"
        assert html.index("PSG Aims") < html.index("Why join the PSG?")
        assert "<li>Keep up to date</li><li>Support our work</li>" in html
        assert 'href="/join/">Become a member' in html
        assert "Registered charity number 1234567" in html
        assert "PO Box 1<br>London" in html
        assert 'href="https://x.com/psg"' in html


def test_promo_order_follows_the_editor(client, site, chrome):
    navigation = NavigationSettings.for_site(site)
    promos = list(navigation.promos.all())
    promos.reverse()
    for position, promo in enumerate(promos):
        promo.sort_order = position
        promo.save()
    html = client.get("/").content.decode()
    assert html.index("Why join the PSG?") < html.index("PSG Aims")


def test_user_text_in_settings_is_escaped(client, site, chrome):
    organisation = OrganisationSettings.for_site(site)
    organisation.name = "<script>alert(1)</script>"
    organisation.save()
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_anonymous_pages_are_cacheable(client, chrome):
    response = client.get("/")
    assert response.status_code == 200
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]


def test_signed_in_editors_pages_are_not_public(admin_client, chrome):
    response = admin_client.get("/")
    assert "public" not in response.get("Cache-Control", "")


def test_missing_page_has_a_helpful_404(client, chrome):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_every_page_has_title_description_and_canonical(client, chrome):
    html = client.get(chrome.url).content.decode()
    assert "<title>Aims | Peru Support Group</title>" in html
    assert '<meta name="description" content="An introduction.">' in html
    assert '<link rel="canonical" href="http://localhost/aims/">' in html
    home = client.get("/").content.decode()
    assert (
        '<meta name="description" content="Human rights and democracy in Peru">' in home
    )
