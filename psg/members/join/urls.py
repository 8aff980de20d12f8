"""Joining, at /join/ (see psg.members.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.join, name="join"),
    path("sent/", views.sent, name="join-sent"),
    path("confirm/<str:token>/", views.confirm, name="join-confirm"),
    path("done/<str:token>/", views.done, name="join-done"),
]
