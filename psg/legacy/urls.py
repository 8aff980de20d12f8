"""The legacy site's addresses (included before Wagtail's catch-all)."""

from django.urls import re_path

from . import views

app_name = "legacy"

urlpatterns = [
    re_path(r"^(?:news|articles)\.php$", views.news_listing, name="news_listing"),
    re_path(
        r"^(?P<prefix>news-article|article)-(?P<number>\d{1,12})\.html$",
        views.article,
        name="article",
    ),
]
