import factory
import wagtail_factories

from wagtail.search.index import insert_or_update_object

from psg.taxonomy.models import (
    Region,
    RegionIndexPage,
    Series,
    Topic,
    TopicIndexPage,
)


class SeriesFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Letter from Somewhere {n}")
    slug = factory.Sequence(lambda n: f"letter-from-somewhere-{n}")

    class Meta:
        model = Series
        django_get_or_create = ("slug",)


def region(slug):
    """One of the regions the migrations load, e.g. region("cajamarca")."""
    return Region.objects.in_language().get(slug=slug)


def topic(slug):
    return Topic.objects.in_language().get(slug=slug)


class RegionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Regions"
    slug = "regions"

    class Meta:
        model = RegionIndexPage


class TopicIndexPageFactory(wagtail_factories.PageFactory):
    title = "Topics"
    slug = "topics"

    class Meta:
        model = TopicIndexPage


def carrying(page, regions=(), topics=()):
    """Give ``page`` these regions and topics (slugs) and save it."""
    page.regions.add(*[region(slug) for slug in regions])
    page.topics.add(*[topic(slug) for slug in topics])
    page.save()
    # Tests run tasks at once, so the search index was updated while saving,
    # before the relations were written (a task worker runs after the
    # transaction): index the page again, with its regions and topics.
    insert_or_update_object(page)
    return page
