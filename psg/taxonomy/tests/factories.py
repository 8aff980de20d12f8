import factory

from psg.taxonomy.models import Region, Series, Topic


class SeriesFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Letter from Somewhere {n}")
    slug = factory.Sequence(lambda n: f"letter-from-somewhere-{n}")

    class Meta:
        model = Series
        django_get_or_create = ("slug",)


def region(slug):
    """One of the regions the migrations load, e.g. region("cajamarca")."""
    return Region.objects.get(slug=slug)


def topic(slug):
    return Topic.objects.get(slug=slug)
