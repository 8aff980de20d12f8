"""Read-only parts of the member's page: payments, consents, Gift Aid."""

from django.urls import reverse

from wagtail.admin.panels import Panel

from psg.members.models import Consent


class MemberRecordPanel(Panel):
    """Shows part of a saved member's record, with links to act on it.

    ``template`` renders it, with ``member`` and the URLs of the actions the
    user may take in its context. Not shown while adding a member.
    """

    def __init__(self, template, **kwargs):
        super().__init__(**kwargs)
        self.template = template

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["template"] = self.template
        return kwargs

    class BoundPanel(Panel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = self.panel.template

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            member = self.instance
            user = self.request.user
            context["member"] = member
            context["payments"] = member.payments.select_related("recorded_by")
            context["consents"] = member.consents.all()
            context["consent_kinds"] = [
                (kind.label, getattr(member, kind.member_field))
                for kind in Consent.Kind
            ]
            declarations = list(member.gift_aid_declarations.all())
            context["declarations"] = declarations
            context["declaration_in_force"] = next(
                (d for d in declarations if d.cancelled_at is None), None
            )
            if user.has_perms(["members.change_member", "members.add_payment"]):
                context["record_payment_url"] = reverse(
                    "desk_members:record_payment", args=[member.pk]
                )
            if user.has_perms(
                ["members.change_member", "members.add_giftaiddeclaration"]
            ):
                context["gift_aid_url"] = reverse(
                    "desk_members:gift_aid", args=[member.pk]
                )
            context["can_cancel_gift_aid"] = user.has_perms(
                ["members.change_member", "members.change_giftaiddeclaration"]
            )
            return context
