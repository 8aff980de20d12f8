"""When what the workers keep (psg.core.structure) must be read again.

Connected in CoreConfig.ready. A page saved as a draft, or a new page, needs
nothing read again; a page published, unpublished, moved or deleted may
have a new address, which the chrome's links and the term index paths show,
and may show in other pages' kept parts (CONTENT), and so may anything the
purges treat as shown on every page (a snippet, an image, a setting); a
Site, a view restriction, an alias, a site's root page or the tree's shape
changing changes how requests are routed and checked (TREE).
"""

from wagtail.models import Page, PageViewRestriction, Site

from psg.core import structure
from psg.core.chrome import SOURCES as CHROME_SOURCES
from psg.core.purge_signals import changes_every_page


def row_changed(sender, instance=None, **kwargs):
    """post_save and post_delete of any model."""
    scopes = set()
    if isinstance(instance, (*CHROME_SOURCES, Site)) or changes_every_page(
        sender, kwargs.get("created", False), kwargs.get("raw", False)
    ):
        scopes.add(structure.CONTENT)
    if isinstance(instance, (Site, PageViewRestriction)):
        scopes.add(structure.TREE)
    if isinstance(instance, Page) and instance.alias_of_id:
        scopes.update((structure.CONTENT, structure.TREE))
    if scopes:
        structure.invalidate(*scopes)


def page_deleted(sender, instance=None, **kwargs):
    """post_delete of any model."""
    if isinstance(instance, Page):
        structure.invalidate(structure.CONTENT, structure.TREE)
    else:
        row_changed(sender, instance, **kwargs)


def page_published(sender, instance=None, **kwargs):
    """page_published and page_unpublished: a new address, or none."""
    scopes = [structure.CONTENT]
    if Site.objects.filter(root_page_id=instance.pk).exists():
        scopes.append(structure.TREE)
    structure.invalidate(*scopes)


def page_moved(sender, instance=None, **kwargs):
    """post_page_move: new paths under the page."""
    structure.invalidate(structure.CONTENT, structure.TREE)
