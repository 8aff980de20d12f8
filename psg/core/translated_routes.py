"""A routable page's sub-addresses in the site's other languages.

A routable page (Wagtail's ``RoutablePageMixin``) serves addresses below its
own: the news index's ``/news/series/<slug>/``, the region index's
``/regions/<slug>/``. Such a route names an object by its slug: a
translatable snippet, stored once per language under one translation key,
each language with its own slug. The same sub-address in another language is
the route on that language's version of the page, for the object's version
in that language: ``/regions/cusco/`` and ``/es/regiones/cusco/``,
``/news/series/letter-from-cajamarca/`` and
``/es/noticias/series/carta-desde-cajamarca/``. Where the object has no
version in a language, the sub-address has none there either
(psg.metadata.languages then leads the switch to the section).
"""

from django.http import Http404
from django.urls import NoReverseMatch


class TranslatedRoutesMixin:
    """For a routable page: ``translated_routes`` maps the name of each route
    that takes the ``slug`` of a translatable model to that model. A route
    that takes nothing is the same in every language; any other has no
    known counterpart."""

    translated_routes = {}

    def translated_subpaths(self, subpath, translations):
        """``{page id: sub-address}`` of ``subpath`` (what the address adds to
        this page's own, e.g. ``/series/letter/``) on each of
        ``translations`` (this page in other languages) where it shows the
        same thing; a translation is left out where it does not. One query
        at most."""
        try:
            match = self.resolve_subpage(subpath)
        except Http404:
            return {}
        if not match.args and not match.kwargs:
            return {translation.pk: subpath for translation in translations}
        model = self.translated_routes.get(match.url_name)
        if model is None or set(match.kwargs) != {"slug"} or match.args:
            return {}
        same_object = model.objects.filter(
            slug=match.kwargs["slug"], locale_id=self.locale_id
        ).values("translation_key")
        slugs = dict(
            model.objects.filter(
                translation_key__in=same_object,
                locale_id__in=[translation.locale_id for translation in translations],
            ).values_list("locale_id", "slug")
        )
        found = {}
        for translation in translations:
            if translation.locale_id not in slugs:
                continue
            try:
                found[translation.pk] = "/" + self.reverse_subpage(
                    match.url_name, kwargs={"slug": slugs[translation.locale_id]}
                )
            except NoReverseMatch:  # a slug the route would not accept
                continue
        return found
