"""The demo's menu, footer links and sidebar promos: rows of one language
each (decision 0006), added to the site's navigation settings."""

from psg.core.models import FooterLink, MenuItem, SidebarPromo


def add_chrome(navigation, language, content, link):
    """Add ``content``'s ``MENU``, ``FOOTER_LINKS`` and ``PROMOS`` (a data
    module's) to ``navigation`` as rows of ``language``, after the rows it
    has, and save it. ``link(page_key, url)`` gives a row's link fields."""
    lists = {
        "menu_items": (
            MenuItem,
            [{"label": label, **link(*to)} for label, *to in content.MENU],
        ),
        "footer_links": (
            FooterLink,
            [{"label": label, **link(*to)} for label, *to in content.FOOTER_LINKS],
        ),
        "promos": (
            SidebarPromo,
            [
                {"title": title, "text": text, "link_label": label, **link(*to)}
                for title, text, label, *to in content.PROMOS
            ],
        ),
    }
    for name, (model, rows) in lists.items():
        kept = list(getattr(navigation, name).all())
        added = [
            model(sort_order=len(kept) + index, language=language, **row)
            for index, row in enumerate(rows)
        ]
        setattr(navigation, name, [*kept, *added])
    navigation.save()
