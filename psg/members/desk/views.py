"""Views of the membership secretary's desk in the Wagtail admin."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from wagtail.admin import messages
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button, HeaderButton

from psg.members.erasure import erase_member
from psg.members.models import (
    Consent,
    GiftAidDeclaration,
    Member,
    MembershipSettings,
)

from .csv_columns import COLUMNS
from .csv_export import export_queryset, export_row
from .csv_import import import_members
from .forms import (
    GiftAidDeclarationForm,
    ImportForm,
    RecordPaymentForm,
    member_version,
)

# Every member-related view checks these before anything else; the Wagtail
# admin has already sent anyone not signed in to the login page.
DESK_PERMISSIONS = [
    "members.add_member",
    "members.change_member",
    "members.delete_member",
    "members.view_member",
]


def can_use_desk(user):
    """Whether the user may see member data at all."""
    return any(user.has_perm(permission) for permission in DESK_PERMISSIONS)


class DeskPermissionMixin:
    """Refuses the request unless the user has every one of ``permissions``.

    Also gives form pages what wagtailadmin/generic/form.html needs.
    """

    permissions = ()
    submit_button_label = gettext_lazy("Save")

    def dispatch(self, request, *args, **kwargs):
        if not can_use_desk(request.user) or not request.user.has_perms(
            self.permissions
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = self.submit_button_label
        context["submit_button_active_label"] = self.submit_button_label
        return context


class MemberPageMixin(DeskPermissionMixin, generic.WagtailAdminTemplateMixin):
    """A page about one member, below the member's page in the breadcrumbs."""

    header_icon = "user"

    @cached_property
    def member(self):
        return get_object_or_404(
            Member.objects.not_erased().select_related("membership_type"),
            pk=self.kwargs["pk"],
        )

    @cached_property
    def member_url(self):
        return reverse("desk_members:edit", args=[self.member.pk])

    def get_page_subtitle(self):
        return str(self.member)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("desk_members:index"), "label": _("Members")},
            {"url": self.member_url, "label": str(self.member)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["member"] = self.member
        context["member_url"] = self.member_url
        return context


# The generic views, adapted ---------------------------------------------------


class MemberIndexView(generic.IndexView):
    """The members list: search, filters, sorting, and the CSV export of
    exactly the members listed (all pages)."""

    FORMATS = (generic.IndexView.FORMAT_CSV,)
    list_export = COLUMNS

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not request.user.has_perm("members.export_member"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        queryset = Member.objects.not_erased().select_related("membership_type")
        if self.is_export:
            queryset = export_queryset(queryset)
        return queryset

    def get_filename(self):
        return "members-" + timezone.localdate().isoformat()

    def get_heading(self, queryset, field):
        # The import reads the same names, so they are the columns' keys.
        return field

    def to_row_dict(self, item):
        return export_row(item)

    def stream_csv(self, queryset):
        # A byte order mark, so spreadsheet programs read the file as UTF-8.
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    @cached_property
    def show_export_buttons(self):
        return False

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        user = self.request.user
        if user.has_perm("members.export_member"):
            buttons.append(
                Button(
                    _("Export these members (CSV)"),
                    url=self.csv_export_url,
                    icon_name="download",
                    priority=90,
                )
            )
        if user.has_perms(
            ["members.import_member", "members.add_member", "members.change_member"]
        ):
            buttons.append(
                Button(
                    _("Import from CSV"),
                    url=reverse("desk_members:import"),
                    icon_name="upload",
                    priority=91,
                )
            )
        buttons.append(
            Button(
                _("Membership dashboard"),
                url=reverse("desk_dashboard:index"),
                icon_name="table",
                priority=92,
            )
        )
        return buttons


class ConsentRecordingMixin:
    """Saving the member's form records a changed consent flag as a Consent
    given to the membership secretary under the current wording."""

    def save_instance(self):
        instance = super().save_instance()
        changed = [
            kind for kind in Consent.Kind if kind.member_field in self.form.changed_data
        ]
        if changed:
            wordings = MembershipSettings.for_request(self.request)
            for kind in changed:
                instance.record_consent(
                    kind,
                    getattr(instance, kind.member_field),
                    getattr(wordings, f"{kind.value}_consent_wording"),
                    wordings.consent_wording_version,
                    Consent.Source.SECRETARY,
                )
        return instance


class MemberCreateView(ConsentRecordingMixin, generic.CreateView):
    def get_success_url(self):
        return reverse("desk_members:edit", args=[self.object.pk])


class MemberEditView(ConsentRecordingMixin, generic.EditView):
    def get_queryset(self):
        return Member.objects.not_erased().select_related("membership_type")

    @cached_property
    def header_buttons(self):
        user = self.request.user
        if user.has_perms(["members.change_member", "members.add_payment"]):
            return [
                HeaderButton(
                    _("Record payment"),
                    url=reverse("desk_members:record_payment", args=[self.object.pk]),
                    icon_name="plus",
                )
            ]
        return []

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        user = self.request.user
        if user.has_perms(["members.change_member", "members.add_giftaiddeclaration"]):
            buttons.append(
                Button(
                    _("Record a Gift Aid declaration"),
                    url=reverse("desk_members:gift_aid", args=[self.object.pk]),
                    icon_name="doc-full",
                    priority=40,
                )
            )
        if user.has_perm("members.delete_member"):
            buttons.append(
                Button(
                    _("Erase personal data"),
                    url=reverse("desk_members:erase", args=[self.object.pk]),
                    icon_name="bin",
                    priority=50,
                )
            )
        return buttons


# The desk's own views ----------------------------------------------------------


class RecordPaymentView(MemberPageMixin, FormView):
    permissions = ["members.change_member", "members.add_payment"]
    page_title = gettext_lazy("Record payment")
    submit_button_label = gettext_lazy("Record payment")
    template_name = "members/desk/record_payment.html"
    form_class = RecordPaymentForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "member": self.member}

    def form_valid(self, form):
        with transaction.atomic():
            # Locked, so the second of two simultaneous posts waits for the
            # first and then finds the record changed.
            member = Member.objects.select_for_update().get(pk=self.member.pk)
            if form.cleaned_data["version"] != member_version(member):
                messages.warning(
                    self.request,
                    _(
                        "This payment form was sent twice, or the member's "
                        "record changed after it was opened, so nothing more "
                        "was recorded. Check the payments below and record "
                        "the payment again if it is missing."
                    ),
                )
                return redirect(self.member_url)
            payment = member.record_payment(
                amount=form.cleaned_data["amount"],
                date=form.cleaned_data["date"],
                method=form.cleaned_data["method"],
                reference=form.cleaned_data["reference"],
                recorded_by=self.request.user,
            )
        messages.success(
            self.request,
            _("Payment of £%(amount)s recorded: the membership runs to %(end)s.")
            % {
                "amount": payment.amount,
                "end": date_format(payment.period_end, "DATE_FORMAT"),
            },
        )
        return redirect(self.member_url)


class GiftAidDeclarationView(MemberPageMixin, FormView):
    permissions = ["members.change_member", "members.add_giftaiddeclaration"]
    page_title = gettext_lazy("Record a Gift Aid declaration")
    submit_button_label = gettext_lazy("Record declaration")
    template_name = "members/desk/gift_aid.html"
    form_class = GiftAidDeclarationForm

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "membership_settings": MembershipSettings.for_request(self.request),
        }

    def form_valid(self, form):
        declared_on = form.cleaned_data["declared_on"]
        if declared_on == timezone.localdate():
            declared_at = timezone.now()
        else:
            declared_at = timezone.make_aware(
                datetime.datetime.combine(declared_on, datetime.time())
            )
        GiftAidDeclaration.objects.create(
            member=self.member,
            wording=form.cleaned_data["wording"],
            wording_version=form.cleaned_data["wording_version"],
            declared_at=declared_at,
        )
        messages.success(self.request, _("Gift Aid declaration recorded."))
        return redirect(self.member_url)


class CancelGiftAidView(MemberPageMixin, TemplateView):
    permissions = ["members.change_member", "members.change_giftaiddeclaration"]
    page_title = gettext_lazy("Cancel Gift Aid declaration")
    template_name = "members/desk/cancel_gift_aid.html"

    @cached_property
    def declaration(self):
        return get_object_or_404(
            GiftAidDeclaration,
            pk=self.kwargs["declaration_pk"],
            member=self.member,
            cancelled_at__isnull=True,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["declaration"] = self.declaration
        return context

    def post(self, request, *args, **kwargs):
        declaration = self.declaration
        declaration.cancelled_at = timezone.now()
        declaration.save(update_fields=["cancelled_at"])
        messages.success(request, _("Gift Aid declaration cancelled."))
        return redirect(self.member_url)


class DeleteMemberView(DeskPermissionMixin, View):
    """Members are never deleted outright: deleting means erasing their personal
    data (which keeps the payments, anonymised, and logs the erasure)."""

    permissions = ["members.delete_member"]

    def get(self, request, pk):
        return redirect("desk_members:erase", pk)

    post = get


class EraseMemberView(MemberPageMixin, TemplateView):
    permissions = ["members.delete_member"]
    page_title = gettext_lazy("Erase personal data")
    template_name = "members/desk/erase.html"

    def post(self, request, *args, **kwargs):
        number = self.member.pk
        erase_member(self.member, requested_by="secretary")
        messages.success(
            request,
            _("The personal data of member %(number)s has been erased.")
            % {"number": number},
        )
        return redirect("desk_members:index")


class ImportMembersView(
    DeskPermissionMixin, generic.WagtailAdminTemplateMixin, FormView
):
    permissions = [
        "members.import_member",
        "members.add_member",
        "members.change_member",
    ]
    page_title = gettext_lazy("Import members")
    submit_button_label = gettext_lazy("Import")
    header_icon = "upload"
    template_name = "members/desk/import.html"
    form_class = ImportForm

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("desk_members:index"), "label": _("Members")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = COLUMNS
        context["export_url"] = reverse("desk_members:index") + "?export=csv"
        return context

    def form_valid(self, form):
        result = import_members(
            form.cleaned_data["file"],
            MembershipSettings.for_request(self.request),
            skip_errors=form.cleaned_data["skip_errors"],
        )
        if result.imported:
            messages.success(
                self.request,
                _(
                    "Imported: %(created)s new, %(updated)s updated, "
                    "%(unchanged)s unchanged, %(skipped)s rows skipped."
                )
                % {
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                    "skipped": len(result.skipped_rows),
                },
            )
        elif result.file_error:
            messages.error(self.request, result.file_error)
        else:
            messages.error(
                self.request,
                _("Nothing was imported: the file has errors, listed below."),
            )
        return self.render_to_response(self.get_context_data(form=form, result=result))
