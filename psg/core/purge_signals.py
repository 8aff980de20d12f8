"""Which changes purge what (docs/caching.md, "What purges what").

Connected in CoreConfig.ready. Every purge waits for the transaction to
commit (psg.core.purging).

- a page published, unpublished, deleted or moved: every address that shows
  it, before the change (the old address, the old regions and series) and
  after it (``purging.urls_showing``);
- a page whose address changes with children under it, and a view
  restriction added, changed or removed (a page and everything under it
  becoming private or public): everything;
- a setting, a snippet (regions, topics, series, authors), the menu, footer
  and promos (the settings' parts), a site, a redirect, an image or a
  document: everything, since every page may show them.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from modelcluster.fields import ParentalKey
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purges
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)
from wagtail.snippets.models import get_snippet_models

from . import purging

SHOWN_EVERYWHERE = (
    BaseSiteSetting,
    BaseGenericSetting,
    Site,
    Redirect,
    PageViewRestriction,
    AbstractImage,
    AbstractDocument,
)

_shown_everywhere = {}


def shown_everywhere(model):
    """Whether a change to an object of ``model`` may show on any page."""
    if model not in _shown_everywhere:
        _shown_everywhere[model] = model.__module__ != "__fake__" and (
            issubclass(model, SHOWN_EVERYWHERE)
            or model in get_snippet_models()
            or any(
                isinstance(field, ParentalKey) and shown_everywhere(field.related_model)
                for field in model._meta.get_fields()
            )
        )
    return _shown_everywhere[model]


def page_changed(instance, **kwargs):
    purging.purge_page(instance)


def live_page_saving(sender, instance, update_fields=None, raw=False, **kwargs):
    """Before a live page is saved whole (as publishing does): purge where it
    is shown now, since its address, series or regions may be about to go."""
    if raw or update_fields is not None or not instance.pk or not instance.live:
        return
    before = Page.objects.filter(pk=instance.pk, live=True).first()
    if before is not None:
        purging.purge_page(before)


def address_changed(instance, instance_before=None, **kwargs):
    if instance.numchild:
        purging.purge_everything()


def page_moving(instance, **kwargs):
    purging.purge_page(instance)
    if instance.numchild:
        purging.purge_everything()


def page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        purging.purge_page(instance)


def changes_every_page(sender, created=False, raw=False):
    """Whether saving or deleting an object of ``sender`` may change what
    any page shows. A site's settings are made with their defaults the first
    time a page reads them, while it renders: what pages show does not
    change then."""
    if raw or (created and issubclass(sender, (BaseSiteSetting, BaseGenericSetting))):
        return False
    return shown_everywhere(sender)


def object_changed(sender, instance, raw=False, created=False, **kwargs):
    if changes_every_page(sender, created, raw):
        purging.purge_everything()


def connect():
    """Connect the handlers, and disconnect Wagtail's own, which purge only
    the page's own address through the task queue, before the commit."""
    for model in get_page_models():
        page_published.disconnect(
            wagtail_purges.page_published_signal_handler, sender=model
        )
        page_unpublished.disconnect(
            wagtail_purges.page_unpublished_signal_handler, sender=model
        )
        pre_save.connect(live_page_saving, sender=model)
    page_published.connect(page_changed)
    page_unpublished.connect(page_changed)
    page_slug_changed.connect(address_changed)
    pre_page_move.connect(page_moving)
    post_page_move.connect(page_changed)
    post_page_move.connect(address_changed)
    pre_delete.connect(page_deleting)
    post_save.connect(object_changed)
    post_delete.connect(object_changed)
