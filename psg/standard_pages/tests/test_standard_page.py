import pytest

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from psg.home.models import HomePage
from psg.news.models import NewsIndexPage
from psg.standard_pages.models import StandardPage
from psg.standard_pages.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_standard_page_renders_intro_and_body(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Historical overview",
        introduction="Over the past century Peru has suffered autocratic governments.",
        body=[
            ("heading", {"text": "The internal armed conflict", "level": "h2"}),
            ("paragraph", "<p>Nearly 70,000 people died.</p>"),
            ("quote", {"text": "Never again.", "attribution": "CVR"}),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "<h1>Historical overview</h1>" in html
    assert "<h2>The internal armed conflict</h2>" in html
    assert "Nearly 70,000 people died." in html
    assert "<figcaption>CVR</figcaption>" in html
    assert 'aria-label="Breadcrumb"' in html


def test_standard_pages_nest(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    child = StandardPageFactory(parent=about, title="Trustees", slug="trustees")
    assert client.get("/about/trustees/").status_code == 200
    assert child.url == "/about/trustees/"


@pytest.mark.parametrize(
    ("parent", "allowed"),
    [(HomePage, True), (StandardPage, True), (NewsIndexPage, False)],
)
def test_standard_page_parents(parent, allowed):
    assert (parent in StandardPage.allowed_parent_page_models()) is allowed


def test_editor_creates_a_standard_page(admin_client, home_page):
    data = nested_form_data(
        {
            "title": "Privacy",
            "slug": "privacy",
            "introduction": "How we look after your data.",
            "body": streamfield([("paragraph", rich_text("<p>We keep little.</p>"))]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(
        f"/admin/pages/add/standard_pages/standardpage/{home_page.pk}/", data
    )
    assert response.status_code == 302
    assert "We keep little." in admin_client.get("/privacy/").content.decode()
