"""Admin viewsets shared by the apps."""

from django.urls import path

from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet


class ReadOnlyIndexView(generic.IndexView):
    """A list whose rows open the inspect view; nothing to add or edit."""

    any_permission_required = ["add", "change", "delete", "view"]

    def get_add_url(self):
        return None


class ReadOnlyModelViewSet(ModelViewSet):
    """A list and a page for each record; no adding, editing or deleting."""

    add_to_reference_index = False
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = ReadOnlyIndexView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **kwargs,
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]
