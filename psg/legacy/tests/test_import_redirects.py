"""The legacy addresses an import learns become Wagtail redirects."""

from wagtail.contrib.redirects.models import Redirect

from psg.legacy.models import LegacyItem
from psg.news.models import NewsPage

from .conftest import VARIANTS, body


def test_legacy_article_addresses_become_wagtail_redirects(import_files):
    output = import_files(VARIANTS / "article-123.txt", VARIANTS / "exported_page.txt")
    strike = NewsPage.objects.get(title="Strike in Cajamarca ends")
    floods = NewsPage.objects.get(title="Floods in Loreto")
    redirects = Redirect.objects.order_by("old_path")
    assert [
        (r.old_path, r.redirect_page_id, r.is_permanent, r.site_id) for r in redirects
    ] == [
        ("/article-123.html", strike.pk, True, None),
        ("/news-article-45.html", floods.pk, True, None),
    ]
    # The header line is not content.
    assert "perusupportgroup" not in " ".join(body(floods))
    assert LegacyItem.objects.get(page=floods).legacy_paths == ["/news-article-45.html"]
    assert "Legacy addresses redirected: 2 new" in output


def test_a_redirect_an_editor_changed_is_left_alone(import_files, home_page):
    import_files(VARIANTS / "article-123.txt")
    redirect = Redirect.objects.get()
    redirect.redirect_page = None
    redirect.redirect_link = "https://example.org/strike"
    redirect.save()
    output = import_files(VARIANTS / "article-123.txt")
    redirect.refresh_from_db()
    assert redirect.redirect_link == "https://example.org/strike"
    assert Redirect.objects.count() == 1
    assert "Problems: 0" in output


def test_an_address_already_redirecting_elsewhere_is_reported(import_files, home_page):
    Redirect.objects.create(old_path="/article-123.html", redirect_page=home_page)
    output = import_files(VARIANTS / "article-123.txt")
    assert Redirect.objects.get().redirect_page_id == home_page.pk
    assert (
        'article-123.txt, "Strike in Cajamarca ends": /article-123.html already '
        "redirects elsewhere: left as it is"
    ) in output
