"""The admin's bulletin series and editions: compose, preview, number."""

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from psg.bulletin import archive
from psg.bulletin.models import BulletinSeries, Edition
from psg.bulletin.spanish import make_spanish_edition
from psg.bulletin.views import render_edition
from psg.members.languages import in_language

from .sending import (
    SendConfirmView,
    SendEditionView,
    SendingProgressView,
    can_send,
)


class SeriesDeleteView(generic.DeleteView):
    """A series someone receives, or with editions, is not deleted, by
    anyone: deleting it would delete their subscriptions (docs/bulletin.md,
    "Locks"). Closing and deactivating it keep everything."""

    def dispatch(self, request, *args, **kwargs):
        series = BulletinSeries.objects.filter(pk=unquote(str(kwargs["pk"]))).first()
        if (
            series is not None
            and self.permission_policy.user_has_permission(request.user, "delete")
            and (reason := series.in_use())
        ):
            messages.error(request, reason)
            return redirect("bulletin_series:edit", quote(series.pk))
        return super().dispatch(request, *args, **kwargs)


class BulletinSeriesViewSet(ModelViewSet):
    model = BulletinSeries
    name = "bulletin_series"
    url_prefix = "bulletin/series"
    icon = "list-ul"
    menu_label = gettext_lazy("Series")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["name", "slug", "is_active"]
    ordering = "name"
    delete_view_class = SeriesDeleteView


class EditionCreateView(generic.CreateView):
    def get_initial_form_instance(self):
        """A new edition proposes the next number of the chosen series."""
        series = None
        if series_pk := self.request.GET.get("series", "").strip():
            series = BulletinSeries.objects.filter(pk=series_pk).first()
        if series is None:
            latest = Edition.objects.select_related("series").order_by("-pk").first()
            series = latest.series if latest else None
        if series is None:
            series = BulletinSeries.objects.filter(is_active=True).first()
        instance = Edition()
        if series is not None:
            instance.series = series
            instance.number = series.next_number()
        return instance

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        gate_archiving(form, self.request.user, self.permission_policy)
        if "series" in form.fields:
            form.fields["series"].queryset = BulletinSeries.objects.filter(
                is_active=True
            )
        if "number" in form.fields:
            form.fields["number"].help_text = next_numbers_help()
        return form


def gate_archiving(form, user, permission_policy):
    """Marking an edition archived publishes it without sending: only those
    who may send editions may tick it (docs/bulletin.md, "Locks")."""
    field = form.fields.get("is_legacy")
    if field is not None and not can_send(user, permission_policy):
        field.disabled = True
        field.help_text = _(
            "Publishes the edition in the archive without sending it; only "
            "those who may send editions can change this."
        )


def locked_refusal(request, edition):
    """Refuse a change to an edition being sent or sent: back to its
    sending progress, with a message saying why."""
    messages.error(request, edition.locked_message())
    return redirect("bulletin_editions:sending", quote(edition.pk))


def next_numbers_help():
    """ "Next numbers: Newsletter 1, Peru News 53, Update 120." """
    numbers = ", ".join(
        f"{series.name} {series.next_number()}"
        for series in BulletinSeries.objects.filter(is_active=True)
    )
    return _("Next numbers: %(numbers)s.") % {"numbers": numbers}


class LockedEditionMixin:
    """Edit and delete views refuse an edition being sent or sent (to those
    who may use them at all; the others get the admin's refusal)."""

    locked_action = "change"

    def dispatch(self, request, *args, **kwargs):
        edition = Edition.objects.filter(pk=unquote(str(kwargs["pk"]))).first()
        if (
            edition is not None
            and edition.is_locked
            and self.permission_policy.user_has_permission(
                request.user, self.locked_action
            )
        ):
            return locked_refusal(request, edition)
        return super().dispatch(request, *args, **kwargs)


class EditionDeleteView(LockedEditionMixin, generic.DeleteView):
    locked_action = "delete"


class EditionEditView(LockedEditionMixin, generic.EditView):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        gate_archiving(form, self.request.user, self.permission_policy)
        spanish_form(form, self.object)
        return form

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        buttons.append(
            Button(
                _("Preview"),
                url=reverse("bulletin_editions:preview", args=[quote(self.object.pk)]),
                icon_name="view",
                attrs={"target": "_blank", "rel": "noopener"},
                priority=5,
            )
        )
        buttons.extend(
            sending_buttons(
                self.object, Button, self.request.user, self.permission_policy
            )
        )
        return buttons

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["compose_url"] = reverse(
            "bulletin_editions:compose", args=[quote(self.object.pk)]
        )
        context.update(language_links(self.object, self.request.user))
        return context


def spanish_form(form, edition):
    """A Spanish edition keeps its English edition's series and number; only
    a Spanish one is marked ready to send (docs/bulletin.md)."""
    if edition.is_spanish:
        for name in ("series", "number"):
            if name in form.fields:
                form.fields[name].disabled = True
    else:
        form.fields.pop("is_ready", None)


def language_links(edition, user):
    """The edit page's links between an edition and its Spanish edition."""
    edit = "bulletin_editions:edit"
    if edition.is_spanish:
        english = edition.english_edition
        return {
            "english_edition": english,
            "english_edition_url": reverse(edit, args=[quote(english.pk)]),
        }
    spanish = Edition.objects.filter(english_edition=edition).first()
    if spanish is not None:
        return {
            "spanish_edition": spanish,
            "spanish_edition_url": reverse(edit, args=[quote(spanish.pk)]),
        }
    if edition.is_legacy or not user.has_perm("bulletin.add_edition"):
        return {}
    return {"spanish_url": reverse("bulletin_editions:spanish", args=[edition.pk])}


class EditionIndexView(generic.IndexView):
    def get_base_queryset(self):
        # The series column: one query for the page, not one a row.
        return super().get_base_queryset().select_related("series")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Preview"),
                url=reverse("bulletin_editions:preview", args=[quote(instance.pk)]),
                icon_name="view",
                priority=15,
            )
        )
        buttons.extend(
            sending_buttons(
                instance, MenuItem, self.request.user, self.permission_policy
            )
        )
        return buttons


def user_can_preview(user, permission_policy):
    """Editors, and those who see or send editions, may preview them."""
    return permission_policy.user_has_any_permission(
        user, ["add", "change", "view", "send"]
    )


def sending_buttons(edition, button_class, user, permission_policy):
    """ "Send…" for a draft (for those who may send it; "Send a test…" for
    those who may only edit it), "Sending progress" once it has begun."""
    if edition.is_legacy or (edition.is_spanish and edition.is_locked):
        # A Spanish edition's sending is its English edition's.
        return []
    sender = can_send(user, permission_policy)
    editor = permission_policy.user_has_permission(user, "change")
    if not (sender or editor):
        return []
    if edition.status == Edition.Status.DRAFT:
        label, name = (_("Send…"), "send") if sender else (_("Send a test…"), "send")
    else:
        label, name = _("Sending progress"), "sending"
    return [
        button_class(
            label,
            url=reverse(f"bulletin_editions:{name}", args=[quote(edition.pk)]),
            icon_name="mail",
            priority=16,
        )
    ]


class EditionViewSet(ModelViewSet):
    model = Edition
    name = "bulletin_editions"
    url_prefix = "bulletin/editions"
    icon = "mail"
    menu_label = gettext_lazy("Editions")
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = EditionIndexView
    add_view_class = EditionCreateView
    edit_view_class = EditionEditView
    delete_view_class = EditionDeleteView
    edit_template_name = "bulletin/admin/edition_edit.html"
    list_display = [
        "series",
        "number",
        "date",
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column(
            "language", label=gettext_lazy("Language"), accessor="get_language_display"
        ),
    ]
    list_filter = ["series", "language", "status"]
    list_per_page = 50
    ordering = ["series__name", "-number"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("preview/<int:pk>/", self.preview_view, name="preview"),
            path("compose/<int:pk>/", self.compose_view, name="compose"),
            path("spanish/<int:pk>/", self.spanish_view, name="spanish"),
            path(
                "send/<int:pk>/",
                SendEditionView.as_view(permission_policy=self.permission_policy),
                name="send",
            ),
            path(
                "send/<int:pk>/confirm/",
                SendConfirmView.as_view(permission_policy=self.permission_policy),
                name="send_confirm",
            ),
            path(
                "sending/<int:pk>/",
                SendingProgressView.as_view(permission_policy=self.permission_policy),
                name="sending",
            ),
        ]

    def preview_view(self, request, pk):
        # Those who send an edition see what they send.
        if not user_can_preview(request.user, self.permission_policy):
            raise PermissionDenied
        edition = get_object_or_404(archive.editions_with_items(), pk=pk)
        with in_language(edition.language):
            response = render_edition(
                request, archive.edition_view(edition), preview=True
            )
        response["Cache-Control"] = "private, no-store"
        return response

    def compose_view(self, request, pk):
        return require_POST(self._compose)(request, pk)

    def _compose(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        edition = get_object_or_404(Edition, pk=pk)
        if edition.is_locked:
            return locked_refusal(request, edition)
        added = edition.compose_from_latest()
        if added:
            messages.success(
                request,
                ngettext(
                    "Added %(count)d item published since the previous edition.",
                    "Added %(count)d items published since the previous edition.",
                    len(added),
                )
                % {"count": len(added)},
            )
        else:
            messages.warning(
                request, _("Nothing new has been published since the previous edition.")
            )
        return redirect(self.get_url_name("edit"), pk)

    def spanish_view(self, request, pk):
        return require_POST(self._spanish)(request, pk)

    def _spanish(self, request, pk):
        """Make (or open) the Spanish edition of an English edition."""
        if not self.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        english = get_object_or_404(Edition, pk=pk, english_edition=None)
        spanish_edition, made = make_spanish_edition(english)
        if made:
            messages.success(
                request,
                _(
                    "Spanish edition made with the same items. Translate its "
                    "introduction, and tick “ready to send” when it is done."
                ),
            )
        return redirect(self.get_url_name("edit"), spanish_edition.pk)
