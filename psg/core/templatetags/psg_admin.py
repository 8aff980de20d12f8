"""Template tags for the admin: the translation status of the page being
edited, shown in the Status side panel of the page editor (and of
wagtail-localize's translation editor) under the page's locale.

The side panel's locale item is Wagtail's own template, extended by
``psg/core/templates/wagtailadmin/shared/side_panels/includes/status/locale.html``;
the status comes from psg.core.translation_status, as the "Translations to
do" report's does (docs/translation-content.md).
"""

from django import template
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_content_languages
from wagtail.models import Page

from psg.core.translation_status import MISSING, OUTDATED, other_languages

register = template.Library()

# What the editor of a page reads when it has no version in a language: the
# default language's page is the source, the other languages' translations.
MISSING_LABELS = {
    "en-gb": _("No English version"),
    "es": _("No Spanish translation"),
}
STATUS_LABELS = {OUTDATED: _("Translation out of date")}
UP_TO_DATE_LABEL = _("Up to date")


def _missing_label(language, name):
    label = MISSING_LABELS.get(language)
    if label is None:
        return gettext("No version in %(language)s") % {"language": name}
    return str(label)


def _row(page, other, names, user):
    """What the side panel says about ``page`` in ``other.language``: a
    label, and a link to the version there or to "Translate"."""
    name = names.get(other.language, other.language)
    row = {"language": other.language, "name": name, "status": other.status}
    if other.status == MISSING:
        row["label"] = _missing_label(other.language, name)
        row["icon"] = "warning"
        if user.has_perm("wagtail_localize.submit_translation"):
            row["url"] = reverse(
                "wagtail_localize:submit_page_translation", args=[page.pk]
            )
            row["action"] = gettext("Translate")
        return row
    row["label"] = str(STATUS_LABELS.get(other.status, UP_TO_DATE_LABEL))
    row["icon"] = "warning" if other.status == OUTDATED else "success"
    if other.version.permissions_for_user(user).can_edit():
        row["url"] = reverse("wagtailadmin_pages:edit", args=[other.version.pk])
        row["action"] = (
            gettext("Edit source") if other.is_source else gettext("Edit translation")
        )
    return row


@register.inclusion_tag("core/page_translation_status.html", takes_context=True)
def page_translation_status(context):
    """For the page in the context's ``object``: the languages it exists in,
    and for each other language whether its version there is missing, up to
    date or out of date, with a link to it (or to "Translate"). Nothing for
    a page not saved yet, or for a snippet."""
    page = context.get("object")
    request = context.get("request")
    if not isinstance(page, Page) or page.pk is None or request is None:
        return {"rows": []}
    versions, others = other_languages(page)
    names = get_content_languages()
    present = {version.locale.language_code for version in versions}
    return {
        "languages": ", ".join(
            name for language, name in names.items() if language in present
        ),
        "rows": [_row(page, other, names, request.user) for other in others],
    }
