"""The bulletin's public pages: the archive at /bulletin/, subscribing."""

from django.urls import path

from . import views
from .subscribe import views as subscribe_views

urlpatterns = [
    # Subscribing and unsubscribing (psg.bulletin.subscribe.views).
    path("subscribe/", subscribe_views.subscribe, name="bulletin-subscribe"),
    path(
        "subscribe/sent/",
        subscribe_views.subscribe_sent,
        name="bulletin-subscribe-sent",
    ),
    path(
        "subscribe/confirm/<str:token>/",
        subscribe_views.subscribe_confirm,
        name="bulletin-subscribe-confirm",
    ),
    path(
        "subscribe/done/",
        subscribe_views.subscribe_done,
        name="bulletin-subscribe-done",
    ),
    path(
        "unsubscribe/<str:token>/",
        subscribe_views.unsubscribe,
        name="bulletin-unsubscribe",
    ),
    # The archive (psg.bulletin.views); after the fixed addresses above, as a
    # series slug could otherwise shadow them.
    path("", views.archive_index, name="bulletin-archive"),
    path(
        "<slug:series>/<int:number>/",
        views.edition_detail,
        name="bulletin-edition",
    ),
    path(
        "<slug:series>/<int:number>.pdf",
        views.edition_pdf,
        name="bulletin-edition-pdf",
    ),
    # The Spanish edition of the same number (psg.bulletin.spanish).
    path(
        "<slug:series>/<int:number>/es/",
        views.edition_detail,
        {"language": "es"},
        name="bulletin-edition-es",
    ),
    path(
        "<slug:series>/<int:number>/es.pdf",
        views.edition_pdf,
        {"language": "es"},
        name="bulletin-edition-pdf-es",
    ),
]
