"""Finding the site's sections, so importers and loaders never duplicate them."""

from wagtail.models import Locale, Site


def home_page():
    """The default site's home page (created by the home app's migrations)."""
    return Site.objects.get(is_default_site=True).root_page.specific


def get_or_create_section(model, title, slug, **fields):
    """Return the live page of ``model`` under the home page, creating it once.

    Section pages (news, publications, events) have one page a language, so
    the default language's is found wherever it lives and whatever its slug.
    """
    existing = model.objects.filter(locale=Locale.get_default()).first()
    if existing is not None:
        return existing
    home = home_page()
    page = model(title=title, slug=slug, **fields)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
