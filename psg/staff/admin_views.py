"""Sign-in lockouts in the Wagtail admin: a list, and unlocking one.

Only users with axes' model permissions see it (superusers by default).
Unlocking deletes the attempts record of that username and address, which is
what `manage.py axes_reset_username` / `axes_reset_ip` do from a shell.
"""

from axes.models import AccessAttempt

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from psg.staff.lockouts import is_locked


class LockoutIndexView(generic.IndexView):
    page_title = _("Sign-in lockouts")

    def get_add_url(self):
        return None


class UnlockView(generic.DeleteView):
    page_title = _("Unlock")
    success_message = _("Unlocked: '%(object)s' can sign in again.")

    @property
    def confirmation_message(self):
        return _(
            "Lift the pause on signing in as '%(username)s' from %(address)s? "
            "Its count of wrong passwords starts again from zero."
        ) % {"username": self.object.username, "address": self.object.ip_address}


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView
    list_display = [
        Column("username", label=_("Username")),
        Column("ip_address", label=_("Address")),
        Column("failures_since_start", label=_("Wrong passwords")),
        Column("attempt_time", label=_("Last attempt")),
        BooleanColumn("locked", label=_("Locked"), accessor=is_locked),
    ]
    ordering = ["-attempt_time"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **kwargs,
            add_url_name=None,
            edit_url_name=None,
            history_url_name=None,
            usage_url_name=None,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("unlock/<int:pk>/", self.delete_view, name="delete"),
        ]
