import datetime

import factory
import wagtail_factories

from wagtail.documents.models import Document

from psg.publications.models import (
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
)


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Resources"
    slug = "publications"

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Report {n}")
    date = factory.Sequence(
        lambda n: datetime.date(2010, 1, 1) + datetime.timedelta(days=30 * n)
    )
    summary = factory.LazyAttribute(lambda o: f"A summary of {o.title}.")
    kind = PublicationPage.Kind.REPORT

    class Meta:
        model = PublicationPage


class DocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = Document


class PublicationFileFactory(factory.django.DjangoModelFactory):
    publication = factory.SubFactory(PublicationPageFactory)
    document = factory.SubFactory(DocumentFactory)
    language = PublicationFile.Language.ENGLISH

    class Meta:
        model = PublicationFile
