"""Members' public pages: joining at /join/, self-service at /membership/."""

from django.urls import include, path

urlpatterns = [
    path("join/", include("psg.members.join.urls")),
    path("membership/", include("psg.members.account.urls")),
]
