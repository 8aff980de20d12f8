from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from psg.staff.admin_views import LockoutViewSet


@hooks.register("register_admin_viewset")
def register_lockouts():
    return LockoutViewSet("sign_in_lockouts")


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("staff-two-factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Your authenticator app and recovery codes."),
    }
