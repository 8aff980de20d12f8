"""The "Membership" menu of the Wagtail admin and the views behind it."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from psg.core.admin_views import ReadOnlyModelViewSet
from psg.members.models import (
    ErasureLog,
    JoinApplication,
    Member,
    MembershipType,
    Payment,
)

from . import views
from .dashboard import DashboardView
from .filters import MemberFilterSet
from .forms import MemberDeskForm
from .panels import MemberRecordPanel

CONSENT_HELP = _(
    "Changing this records the member's consent (or its withdrawal), given to "
    "the membership secretary under the current wording."
)


class MemberViewSet(ModelViewSet):
    model = Member
    name = "desk_members"
    url_prefix = "membership/members"
    icon = "user"
    menu_label = _("Members")
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = views.MemberIndexView
    add_view_class = views.MemberCreateView
    edit_view_class = views.MemberEditView
    list_display = [
        "name",
        "organisation",
        "email",
        "membership_type",
        "status",
        "joined",
        "current_period_end",
    ]
    list_per_page = 50
    ordering = "name"
    search_fields = ["name", "organisation", "email", "postcode", "payment_reference"]
    search_backend_name = None
    filterset_class = MemberFilterSet
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("name"),
                            FieldPanel("organisation"),
                            FieldRowPanel(
                                [
                                    FieldPanel("email"),
                                    FieldPanel("telephone"),
                                    FieldPanel("language"),
                                ]
                            ),
                        ],
                        heading=_("Member"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("address_line_1"),
                            FieldPanel("address_line_2"),
                            FieldRowPanel([FieldPanel("town"), FieldPanel("county")]),
                            FieldRowPanel(
                                [FieldPanel("postcode"), FieldPanel("country")]
                            ),
                        ],
                        heading=_("Address"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("membership_type"),
                            FieldRowPanel(
                                [
                                    FieldPanel("status"),
                                    FieldPanel("joined"),
                                    FieldPanel("current_period_end"),
                                ]
                            ),
                            FieldRowPanel(
                                [
                                    FieldPanel("payment_method"),
                                    FieldPanel("payment_reference"),
                                ]
                            ),
                        ],
                        heading=_("Membership"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("bulletin_consent"), FieldPanel("events_consent")],
                        heading=_("Consents"),
                        help_text=CONSENT_HELP,
                    ),
                    FieldPanel("notes"),
                ],
                heading=_("Details"),
            ),
            ObjectList(
                [
                    MemberRecordPanel(
                        "members/desk/panels/payments.html", heading=_("Payments")
                    )
                ],
                heading=_("Payments"),
            ),
            ObjectList(
                [
                    MemberRecordPanel(
                        "members/desk/panels/consents.html",
                        heading=_("Consent history"),
                    ),
                    MemberRecordPanel(
                        "members/desk/panels/gift_aid.html",
                        heading=_("Gift Aid"),
                    ),
                ],
                heading=_("Consents and Gift Aid"),
            ),
        ],
        base_form_class=MemberDeskForm,
    )

    def get_urlpatterns(self):
        # "Delete" leads to erasure; the generic delete view is left out.
        patterns = [p for p in super().get_urlpatterns() if p.name != "delete"]
        return patterns + [
            path("delete/<int:pk>/", views.DeleteMemberView.as_view(), name="delete"),
            path(
                "payment/<int:pk>/",
                views.RecordPaymentView.as_view(),
                name="record_payment",
            ),
            path(
                "gift-aid/<int:pk>/",
                views.GiftAidDeclarationView.as_view(),
                name="gift_aid",
            ),
            path(
                "gift-aid/<int:pk>/cancel/<int:declaration_pk>/",
                views.CancelGiftAidView.as_view(),
                name="cancel_gift_aid",
            ),
            path("erase/<int:pk>/", views.EraseMemberView.as_view(), name="erase"),
            path("import/", views.ImportMembersView.as_view(), name="import"),
        ]


class PaymentViewSet(ModelViewSet):
    """Payments are recorded from the member's page (which applies the renewal
    rules); here they can be listed, corrected and deleted."""

    model = Payment
    name = "desk_payments"
    url_prefix = "membership/payments"
    icon = "doc-full"
    menu_label = _("Payments")
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = [
        "date",
        "member",
        "amount",
        "method",
        "reference",
        "period_start",
        "period_end",
        "recorded_by",
    ]
    list_filter = {"method": ["exact"], "date": ["range"]}
    list_per_page = 50
    ordering = "-date"
    search_fields = ["reference", "member__name", "member__organisation"]
    search_backend_name = None
    form_fields = [
        "date",
        "amount",
        "method",
        "reference",
        "period_start",
        "period_end",
    ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**kwargs, add_url_name=None)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=Payment.objects.select_related("member", "recorded_by"), **kwargs
        )

    def get_urlpatterns(self):
        return [
            pattern
            for pattern in super().get_urlpatterns()
            if pattern.name not in {"add", "copy"}
        ]


class MembershipTypeViewSet(ModelViewSet):
    model = MembershipType
    name = "desk_membership_types"
    url_prefix = "membership/types"
    icon = "tag"
    menu_label = _("Membership types")
    copy_view_enabled = False
    list_display = [
        "name",
        "annual_fee",
        "for_organisations",
        "is_active",
        "sort_order",
    ]
    ordering = "sort_order"
    form_fields = [
        "name",
        "annual_fee",
        "description",
        "for_organisations",
        "is_active",
        "sort_order",
    ]


class JoinApplicationViewSet(ReadOnlyModelViewSet):
    model = JoinApplication
    name = "desk_join_applications"
    url_prefix = "membership/join-applications"
    icon = "form"
    menu_label = _("Join applications")
    list_display = ["email", "created_at"]
    ordering = "-created_at"
    search_fields = ["email"]
    search_backend_name = None
    inspect_view_fields = ["email", "created_at", "data"]


class ErasureLogViewSet(ReadOnlyModelViewSet):
    model = ErasureLog
    name = "desk_erasures"
    url_prefix = "membership/erasures"
    icon = "history"
    menu_label = _("Erasures log")
    list_display = ["member_number", "erased_at", "requested_by"]
    ordering = "-erased_at"
    inspect_view_fields = ["member_number", "erased_at", "requested_by"]


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_use_desk(request.user)


class DashboardViewSet(ViewSet):
    name = "desk_dashboard"
    url_prefix = "membership/dashboard"
    icon = "table"
    menu_label = _("Dashboard")
    menu_item_class = DeskMenuItem

    def get_urlpatterns(self):
        return [path("", DashboardView.as_view(), name="index")]


class MembershipViewSetGroup(ViewSetGroup):
    menu_label = _("Membership")
    menu_name = "membership"
    menu_icon = "group"
    menu_order = 250
    items = (
        DashboardViewSet,
        MemberViewSet,
        PaymentViewSet,
        MembershipTypeViewSet,
        JoinApplicationViewSet,
        ErasureLogViewSet,
    )
