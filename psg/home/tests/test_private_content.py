"""Private content never shows on public pages, nor by a file's address.

See docs/security.md, "Private content".
"""

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from psg.news.models import RelatedItem
from psg.news.tests.factories import NewsPageFactory
from psg.publications.tests.factories import PublicationPageFactory
from psg.standard_pages.tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def test_a_featured_publication_in_a_private_section_is_not_shown(
    client, home_page, publication_index
):
    PublicationPageFactory(parent=publication_index, title="Public report")
    private = PublicationPageFactory(parent=publication_index, title="Board papers")
    restrict(private)
    home_page.featured_publication = private
    home_page.save_revision().publish()

    response = client.get("/")

    assert response.context["featured_publication"].title == "Public report"
    assert "Board papers" not in response.content.decode()
    assert private.url not in response.content.decode()


def test_a_related_page_in_a_private_section_is_not_shown(client, news_index):
    page = NewsPageFactory(parent=news_index)
    shown = NewsPageFactory(parent=news_index, title="Shown related")
    private_section = StandardPageFactory(
        parent=news_index.get_parent(), title="Members only", slug="members-only"
    )
    hidden = StandardPageFactory(
        parent=private_section, title="Minutes of the board", slug="minutes"
    )
    restrict(private_section)
    page.related_items = [RelatedItem(page=shown), RelatedItem(page=hidden)]
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert "Shown related" in html
    assert "Minutes of the board" not in html
    assert "/members-only/minutes/" not in html


@pytest.fixture
def private_document():
    collection = Collection.get_first_root_node().add_child(name="Board")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Board members"))
    document = Document(title="Board minutes", collection=collection)
    document.file.save("board-minutes.pdf", ContentFile(b"%PDF-1.4 secret\n%%EOF\n"))
    return document


def test_a_private_document_is_refused_by_the_document_view(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code in (302, 403)
    assert b"secret" not in b"".join(getattr(response, "streaming_content", [b""]))


def test_a_private_document_is_refused_by_its_file_address(client, private_document):
    # The file's own address under MEDIA_URL bypasses the document view's
    # checks: it is not served at all.
    response = client.get(f"/media/{private_document.file.name}")
    assert response.status_code == 404
