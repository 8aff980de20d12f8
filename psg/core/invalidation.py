"""When what the workers keep (psg.core.structure) must be read again.

Connected in CoreConfig.ready. A page saved as a draft, or a new page, needs
nothing read again; a page published, unpublished, moved or deleted may
have a new address, which the chrome's links and the term index paths show
(CONTENT); a Site, a view restriction, an alias, a site's root page or the
tree's shape changing changes how requests are routed and checked (TREE).
"""

from wagtail.models import Page, PageViewRestriction, Site

from psg.core import structure
from psg.core.chrome import SOURCES as CHROME_SOURCES


def row_changed(sender, instance=None, **kwargs):
    """post_save and post_delete of any model."""
    if isinstance(instance, CHROME_SOURCES):
        structure.invalidate(structure.CONTENT)
    elif isinstance(instance, Site):
        structure.invalidate(structure.CONTENT, structure.TREE)
    elif isinstance(instance, PageViewRestriction):
        structure.invalidate(structure.TREE)
    elif isinstance(instance, Page) and instance.alias_of_id:
        structure.invalidate(structure.CONTENT, structure.TREE)


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
