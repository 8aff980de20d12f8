"""About, Aims, Historical overview, Human rights, Privacy, Contact…"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from psg.core.blocks import BodyBlock
from psg.core.models import BasePage
from psg.core.page_kinds import PageKind
from psg.core.search_index import TEXT_BOOST, SearchableMixin, site_search_fields


class StandardPage(SearchableMixin, BasePage):
    introduction = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction", boost=TEXT_BOOST),
        index.SearchField("body", boost=TEXT_BOOST),
        *site_search_fields(),
    ]

    template = "pages/standard_page.html"
    parent_page_types = ["home.HomePage", "standard_pages.StandardPage"]
    subpage_types = ["standard_pages.StandardPage"]
    page_kind = PageKind(
        name="page", label=_("Page"), plural=_("Pages"), order=40, tagged=False
    )

    class Meta:
        verbose_name = _("standard page")

    def summary_text(self):
        return self.introduction
