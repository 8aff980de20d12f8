"""/api/v1/: mounted in psg.urls before Wagtail's catch-all."""

from rest_framework.routers import SimpleRouter

from django.urls import path, re_path

from . import reference, views

app_name = "api"

router = SimpleRouter()
router.register("news", views.NewsViewSet, basename="news")
router.register("publications", views.PublicationViewSet, basename="publications")
router.register("events", views.EventViewSet, basename="events")
router.register("regions", views.RegionViewSet, basename="regions")
router.register("topics", views.TopicViewSet, basename="topics")
router.register("series", views.SeriesViewSet, basename="series")

urlpatterns = [
    path("", views.RootView.as_view(), name="root"),
    path("schema/", views.SchemaView.as_view(), name="schema"),
    path("docs/", reference.api_reference, name="docs"),
    *router.urls,
    re_path(r"^.*$", views.not_found),
]
