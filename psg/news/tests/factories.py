import datetime

import factory
import wagtail_factories

from psg.news.models import Author, NewsIndexPage, NewsPage


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Author {n}")

    class Meta:
        model = Author


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "All news"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    date = factory.Sequence(
        lambda n: datetime.date(2019, 1, 1) + datetime.timedelta(days=n)
    )
    teaser = factory.LazyAttribute(lambda o: f"What happened in {o.title}.")
    kind = NewsPage.Kind.NEWS

    class Meta:
        model = NewsPage
