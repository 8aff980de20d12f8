from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from .admin.editions import BulletinSeriesViewSet, EditionViewSet
from .admin.subscribers import SubscriberViewSet


class BulletinViewSetGroup(ViewSetGroup):
    """The admin's "Bulletin" menu."""

    menu_label = _("Bulletin")
    menu_icon = "mail"
    items = (EditionViewSet, BulletinSeriesViewSet, SubscriberViewSet)


@hooks.register("register_admin_viewset")
def register_bulletin_viewsets():
    return BulletinViewSetGroup()
