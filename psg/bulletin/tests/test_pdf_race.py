"""Two first requests for an edition's PDF at once: both get the file, and
neither deletes the other's (the file is written under a temporary name and
renamed into place)."""

import threading

import pytest

from django.core.files.storage import default_storage
from django.test import RequestFactory

from psg.bulletin import archive, pdf
from psg.bulletin.models import BulletinSeries, Edition
from psg.bulletin.tests.factories import EditionFactory, EditionItemFactory
from psg.news.tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_first_requests_both_get_the_pdf(
    news_index, monkeypatch, settings, tmp_path
):
    # A media folder of its own: other tests' PDFs would stand beside this one.
    settings.MEDIA_ROOT = tmp_path
    series = BulletinSeries.objects.get(slug="update")
    edition = EditionFactory(series=series, number=120, status=Edition.Status.SENT)
    EditionItemFactory(edition=edition, page=NewsPageFactory(parent=news_index))
    view = archive.edition_view(archive.editions_with_items().get(pk=edition.pk))
    request = RequestFactory().get("/bulletin/update/120.pdf")

    # Both requests render before either stores: the race as it happens when
    # two readers open a new edition's PDF at once.
    both_rendering = threading.Barrier(2, timeout=30)
    real_render = pdf.render_pdf

    def render_together(*args):
        content = real_render(*args)
        both_rendering.wait()
        return content

    monkeypatch.setattr(pdf, "render_pdf", render_together)
    names, errors = [], []

    def first_request():
        try:
            names.append(pdf.edition_pdf(view, request))
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=first_request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert errors == []
    assert len(set(names)) == 1
    [name] = set(names)
    with default_storage.open(name, "rb") as stored:
        assert stored.read(5) == b"%PDF-"
    _, files = default_storage.listdir(pdf.PDF_DIRECTORY)
    assert [f"{pdf.PDF_DIRECTORY}/{filename}" for filename in files] == [name]
