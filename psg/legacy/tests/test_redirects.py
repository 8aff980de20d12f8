"""The legacy site's addresses redirect to the new pages."""

import pytest

from wagtail.contrib.redirects.models import Redirect

from psg.legacy.views import listing_page_number
from psg.news.models import NewsPage

from .conftest import VARIANTS


@pytest.mark.parametrize(
    ("position", "page"),
    [
        (None, 1),
        ("", 1),
        ("0", 1),
        ("9", 1),
        ("10", 2),
        ("25", 3),
        (" 30 ", 4),
        ("-5", 1),
        ("abc", 1),
        ("1e3", 1),
        ("10.5", 1),
        ("9" * 30, 1),
        ("٣", 1),
    ],
)
def test_listing_page_number(position, page):
    assert listing_page_number(position) == page


@pytest.mark.parametrize("script", ["news.php", "articles.php"])
@pytest.mark.parametrize(
    ("query", "target"),
    [
        ("?position=0", "/news/"),
        ("?position=10", "/news/?page=2"),
        ("?position=25", "/news/?page=3"),
        ("", "/news/"),
        ("?position=abc", "/news/"),
        ("?position=-5", "/news/"),
        ("?position=" + "9" * 40, "/news/"),
        ("?position=99999", "/news/?page=10000"),
        ("?position=%00", "/news/"),
        ("?position=1&position=20", "/news/?page=3"),
    ],
)
def test_legacy_listings_redirect_to_the_news_index_page(
    client, news_index, script, query, target
):
    response = client.get(f"/{script}{query}")
    assert response.status_code == 301
    assert response["Location"] == target


def test_legacy_listing_without_a_news_index_goes_home_for_now(client, home_page):
    response = client.get("/news.php?position=10")
    assert (response.status_code, response["Location"]) == (302, "/")


def test_known_articles_redirect_to_their_imported_page(
    client, news_index, import_files
):
    import_files(VARIANTS / "article-123.txt", VARIANTS / "exported_page.txt")
    strike = NewsPage.objects.get(title="Strike in Cajamarca ends")
    floods = NewsPage.objects.get(title="Floods in Loreto")
    assert strike.get_parent().pk == news_index.pk
    for path, page in [
        ("/article-123.html", strike),
        ("/article-0123.html", strike),
        ("/article-123.html?print=1", strike),
        ("/news-article-45.html", floods),
    ]:
        response = client.get(path)
        assert response.status_code == 301, path
        assert response["Location"] == page.url == f"/news/{page.slug}/"


@pytest.mark.parametrize(
    "path", ["/article-999.html", "/news-article-123.html", "/article-0.html"]
)
def test_unknown_articles_redirect_to_the_news_index(
    client, news_index, import_files, path
):
    import_files(VARIANTS / "article-123.txt")
    response = client.get(path)
    assert (response.status_code, response["Location"]) == (301, "/news/")


def test_the_stored_redirect_is_editable_in_wagtail(client, news_index, import_files):
    import_files(VARIANTS / "article-123.txt")
    redirect = Redirect.objects.get(old_path="/article-123.html")
    assert redirect.redirect_page.specific.title == "Strike in Cajamarca ends"
    assert redirect.is_permanent
    # An editor points it elsewhere, temporarily.
    redirect.redirect_page = None
    redirect.redirect_link = "https://example.org/conga"
    redirect.is_permanent = False
    redirect.save()
    response = client.get("/article-123.html")
    assert (response.status_code, response["Location"]) == (
        302,
        "https://example.org/conga",
    )


def test_a_redirect_to_an_unpublished_page_falls_back_to_the_index(
    client, news_index, import_files
):
    import_files(VARIANTS / "article-123.txt")
    NewsPage.objects.get().unpublish()
    response = client.get("/article-123.html")
    assert (response.status_code, response["Location"]) == (301, "/news/")


def test_an_editor_redirect_for_a_listing_address_wins(client, news_index):
    Redirect.objects.create(
        old_path="/news.php?position=40", redirect_link="https://example.org/2019"
    )
    response = client.get("/news.php?position=40")
    assert response["Location"] == "https://example.org/2019"
    assert client.get("/news.php?position=50")["Location"] == "/news/?page=6"


def test_odd_legacy_addresses_never_fail(client, news_index):
    assert client.get("/article-99999999999999999999999.html").status_code == 404
    assert client.get("/article-abc.html").status_code == 404
    assert client.post("/news.php?position=10").status_code == 405
    assert client.head("/news.php?position=10").status_code == 301
