import pytest

from django.core.cache import cache
from django.core.management import CommandError, call_command

from wagtail.models import Site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches the sites' addresses; a test here changes them, and its
    rollback would leave the next test on this worker the cached new one."""
    yield
    cache.clear()


def test_sets_the_site_address_and_canonical_links_follow(client, site, settings):
    settings.ALLOWED_HOSTS = ["psg.example.org"]
    call_command("configure_site", base_url="https://psg.example.org")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("psg.example.org", 443)
    html = client.get("/", HTTP_HOST="psg.example.org").content.decode()
    assert '<link rel="canonical" href="https://psg.example.org/">' in html


def test_rejects_a_bad_address(site):
    with pytest.raises(CommandError, match="Not an http"):
        call_command("configure_site", base_url="ftp://nowhere")
    assert Site.objects.get(pk=site.pk).hostname == "localhost"
