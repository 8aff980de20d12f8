"""Manage my membership, at /membership/."""

from django.urls import path

from psg.members.account import views

urlpatterns = [
    path("", views.home, name="membership-home"),
    path("sign-in/", views.sign_in, name="membership-sign-in"),
    path("sign-in/sent/", views.sign_in_sent, name="membership-sign-in-sent"),
    path(
        "sign-in/<str:token>/", views.sign_in_confirm, name="membership-sign-in-confirm"
    ),
    path("details/", views.edit, name="membership-edit"),
    path("email-choices/", views.consents, name="membership-consents"),
    path("download/", views.download, name="membership-download"),
    path("cancel/", views.cancel, name="membership-cancel"),
    path("erase/", views.erase, name="membership-erase"),
    path("sign-out/", views.sign_out, name="membership-sign-out"),
]
