"""The admin's sending pages for an edition: a test to any address, sending
to the subscribers (after a confirmation), and the progress of a send.

Two permissions: those who may edit editions ("change") send tests; only
those who may send editions ("send", ``bulletin.send_edition``) send to the
subscribers or resume a send. Either may open the Send page and follow the
progress.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.views import generic

from psg.bulletin import sending
from psg.bulletin.messages import build_test_message
from psg.bulletin.models import Delivery, Edition
from psg.core.ratelimit import over_limit
from psg.core.smtp import MAIL_ERRORS


def may_receive_tests(email):
    """Whether a test may go to ``email``: an admin user's own address, or
    one PSG_BULLETIN_TEST_ADDRESSES lists (an address, or "@domain"). Tests
    are not a way to mail anyone the site's name (docs/bulletin.md)."""
    email = email.strip().lower()
    domain = "@" + email.rpartition("@")[2]
    for entry in getattr(settings, "PSG_BULLETIN_TEST_ADDRESSES", []):
        if entry.strip().lower() in (email, domain):
            return True
    users = get_user_model().objects.filter(is_active=True, email__iexact=email)
    return any(user.has_perm("wagtailadmin.access_admin") for user in users)


class SendTestForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Send a test to"),
        help_text=gettext_lazy(
            "The address of someone who uses this admin, or one the site allows "
            "for tests. The test is marked [TEST] and is not counted as sent."
        ),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        if not may_receive_tests(email):
            raise forms.ValidationError(
                _(
                    "Tests go only to the addresses of the people who use this "
                    "admin, or to those the site allows for tests "
                    "(PSG_BULLETIN_TEST_ADDRESSES)."
                )
            )
        return email


def can_send(user, permission_policy):
    """Whether ``user`` may send editions to subscribers."""
    return permission_policy.user_has_permission(user, "send")


class EditionSendingMixin(generic.WagtailAdminTemplateMixin):
    """A page about one edition's sending; needs one of ``required_actions``
    on editions."""

    header_icon = "mail"
    permission_policy = None  # set by the viewset
    required_actions = ("change", "send")

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_any_permission(
            request.user, self.required_actions
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def can_edit(self):
        return self.permission_policy.user_has_permission(self.request.user, "change")

    @cached_property
    def can_send(self):
        return can_send(self.request.user, self.permission_policy)

    @cached_property
    def refusal(self):
        """Why the edition cannot be sent now, or None."""
        try:
            sending.check_can_send(self.edition)
        except sending.SendingRefused as refusal:
            return str(refusal)
        return None

    @cached_property
    def edition(self):
        return get_object_or_404(
            Edition.objects.select_related("series"), pk=self.kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.edition)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("bulletin_editions:index"), "label": _("Editions")},
            {
                # Those who only send cannot open the edit form.
                "url": reverse("bulletin_editions:edit", args=[self.edition.pk])
                if self.can_edit
                else "",
                "label": str(self.edition),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["edition"] = self.edition
        context["edit_url"] = reverse("bulletin_editions:edit", args=[self.edition.pk])
        context["preview_url"] = reverse(
            "bulletin_editions:preview", args=[self.edition.pk]
        )
        context["progress_url"] = reverse(
            "bulletin_editions:sending", args=[self.edition.pk]
        )
        context["can_edit"] = self.can_edit
        context["can_send"] = self.can_send
        context["refusal"] = self.refusal
        return context


class SendEditionView(EditionSendingMixin, FormView):
    """Look at it and send a test (editors), then go on to sending it to the
    subscribers (those who may send)."""

    page_title = gettext_lazy("Send")
    template_name = "bulletin/admin/edition_send.html"
    form_class = SendTestForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.can_send and not self.refusal:
            context["recipient_count"] = sending.recipients(self.edition.series).count()
            context["confirm_url"] = reverse(
                "bulletin_editions:send_confirm", args=[self.edition.pk]
            )
        return context

    def post(self, request, *args, **kwargs):
        # A test is for those who may edit the edition.
        if not self.can_edit:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if over_limit("bulletin-test", self.request.user.pk):
            form.add_error(
                "email",
                _(
                    "You have sent as many tests as allowed in an hour. "
                    "Please try again later."
                ),
            )
            return self.form_invalid(form)
        try:
            build_test_message(self.edition, email).send()
        except MAIL_ERRORS as error:
            messages.error(
                self.request,
                _("The test to %(email)s was not sent: %(error)s")
                % {"email": email, "error": error},
            )
        else:
            messages.success(
                self.request, _("A test was sent to %(email)s.") % {"email": email}
            )
        return redirect(self.request.path)


class SendConfirmView(EditionSendingMixin, TemplateView):
    """ "Send Update 120 to 1,234 subscribers of Update now?", and sending."""

    page_title = gettext_lazy("Send to subscribers")
    template_name = "bulletin/admin/edition_send_confirm.html"
    required_actions = ("send",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recipient_count"] = sending.recipients(self.edition.series).count()
        context["send_url"] = reverse("bulletin_editions:send", args=[self.edition.pk])
        return context

    def post(self, request, *args, **kwargs):
        try:
            count = sending.start_sending(self.edition)
        except sending.SendingRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(request.path)
        messages.success(
            request,
            ngettext(
                "Sending to %(count)s subscriber has begun.",
                "Sending to %(count)s subscribers has begun.",
                count,
            )
            % {"count": count},
        )
        return redirect("bulletin_editions:sending", self.edition.pk)


class SendingProgressView(EditionSendingMixin, TemplateView):
    """Sent of total and failures while it sends; afterwards, what became of it."""

    page_title = gettext_lazy("Sending")
    template_name = "bulletin/admin/edition_sending.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["progress"] = sending.progress(self.edition)
        context["is_sending"] = self.edition.status == Edition.Status.SENDING
        # Addresses are subscribers' data: only for those who may see them.
        if self.request.user.has_perm("bulletin.view_subscriber"):
            context["failures"] = self.edition.deliveries.filter(
                status=Delivery.Status.FAILED
            ).order_by("email")[:50]
        return context

    def post(self, request, *args, **kwargs):
        """Resume an edition whose sending stopped (e.g. the server was down)."""
        if not self.can_send:
            raise PermissionDenied
        sending.resume_sending(self.edition)
        messages.success(request, _("Sending resumes."))
        return redirect(request.path)
