from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Region, Series, Topic


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "slug", "capital"]
    search_fields = ["name", "aliases"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name", "aliases"]


class SeriesViewSet(SnippetViewSet):
    model = Series
    icon = "list-ol"
    list_display = ["name", "slug", "region"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (RegionViewSet, TopicViewSet, SeriesViewSet)


register_snippet(TaxonomyGroup)
