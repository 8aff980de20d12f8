"""Regions, topics and series in English and Spanish: the old ``name_es``
fields became Spanish translations, and every reader's query asks for one
language."""

import importlib

import pytest

from django.apps import apps as global_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from wagtail.models import Locale

from psg.taxonomy.models import Region, Series, Topic
from psg.taxonomy.translations import create_spanish_terms, spanish_slug
from psg.taxonomy.vocabulary import REGIONS, TOPICS

from .factories import SeriesFactory, region, topic

pytestmark = pytest.mark.django_db


def test_every_loaded_term_has_its_spanish_name_as_a_translation():
    for model, rows in ((Region, REGIONS), (Topic, TOPICS)):
        english = {t.slug: t for t in model.objects.in_language("en-gb")}
        assert len(english) == len(rows)
        for name, name_es, slug, *_rest in rows:
            spanish = english[slug].get_translation(
                Locale.objects.get(language_code="es")
            )
            assert spanish.name == name_es
            assert english[slug].name == name
    assert (
        topic("mining").get_translation(Locale.objects.get(language_code="es")).slug
        == "mineria"
    )


def test_the_region_keeps_its_capital_and_aliases_in_spanish():
    cusco = region("cusco")
    spanish = cusco.get_translation(Locale.objects.get(language_code="es"))
    assert (spanish.capital, spanish.aliases) == (cusco.capital, cusco.aliases)


def test_name_es_reads_the_spanish_translation():
    lima = Region.objects.in_language().with_name_es().get(slug="lima-province")
    assert (lima.name, lima.name_es, lima.other_name) == (
        "Lima Province",
        "Lima Metropolitana",
        "Lima Metropolitana",
    )
    # Without the annotation, the translation is read.
    assert region("lima-province").other_name == "Lima Metropolitana"
    # The same name in both languages is not shown twice.
    assert region("puno").other_name == ""


def test_a_term_without_a_translation_has_an_empty_spanish_name():
    series = SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    assert Series.objects.with_name_es().get(pk=series.pk).name_es == ""


def test_a_slug_is_unique_per_language_only():
    """The Spanish Cusco has the English one's slug; a term's queries find the
    one of the language asked for."""
    assert Region.objects.filter(slug="cusco").count() == 2
    assert (
        Region.objects.in_language("es").get(slug="cusco").locale.language_code == "es"
    )
    assert region("cusco").locale.language_code == "en-gb"


def test_spanish_slugs_never_collide():
    taken = {"agua"}
    assert spanish_slug("Agua", "water", taken) == "water"
    assert spanish_slug("Agua", "agua", taken) == "agua-2"
    assert spanish_slug("", "gender", taken) == "gender"
    assert taken == {"agua", "water", "agua-2", "gender"}


# Migrating back and forth needs real transactions; the database is restored
# afterwards for the tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
class TestTheMigrationOfNameEs:
    """The data migration's function on the models as they were before it
    (with ``name_es``), run on rows it has not seen."""

    @pytest.fixture
    def old_apps(self):
        executor = MigrationExecutor(connection)
        before = [("taxonomy", "0004_translatable_terms")]
        executor.migrate(before)
        yield executor.loader.project_state(before).apps
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    def test_names_move_to_translations_without_loss(self, old_apps):
        OldTopic = old_apps.get_model("taxonomy", "Topic")
        OldLocale = old_apps.get_model("wagtailcore", "Locale")
        english = OldLocale.objects.get(language_code="en-gb")
        spanish = OldLocale.objects.get(language_code="es")
        OldTopic.objects.all().delete()
        OldTopic.objects.create(
            name="Fishing",
            name_es="Pesca",
            slug="fishing",
            aliases="anchoveta",
            description="The sea.",
            locale=english,
            translation_key="00000000-0000-0000-0000-000000000001",
        )
        OldTopic.objects.create(
            name="Quinoa",
            slug="quinoa",
            locale=english,
            translation_key="00000000-0000-0000-0000-000000000002",
        )

        assert create_spanish_terms(OldTopic, english, spanish) == 2
        assert create_spanish_terms(OldTopic, english, spanish) == 0

        rows = {
            (t.locale_id, t.slug): (
                t.name,
                t.aliases,
                t.description,
                str(t.translation_key),
            )
            for t in OldTopic.objects.all()
        }
        assert rows == {
            (english.pk, "fishing"): (
                "Fishing",
                "anchoveta",
                "The sea.",
                "00000000-0000-0000-0000-000000000001",
            ),
            (spanish.pk, "pesca"): (
                "Pesca",
                "anchoveta",
                "The sea.",
                "00000000-0000-0000-0000-000000000001",
            ),
            (english.pk, "quinoa"): (
                "Quinoa",
                "",
                "",
                "00000000-0000-0000-0000-000000000002",
            ),
            (spanish.pk, "quinoa"): (
                "Quinoa",
                "",
                "",
                "00000000-0000-0000-0000-000000000002",
            ),
        }


def test_the_migration_module_names_its_steps():
    """Wagtail's pattern: nullable fields, the data, then the constraints."""
    steps = [
        importlib.import_module(f"psg.taxonomy.migrations.{name}").Migration
        for name in (
            "0004_translatable_terms",
            "0005_spanish_terms",
            "0006_terms_unique_per_locale",
        )
    ]
    kinds = [{type(op).__name__ for op in step.operations} for step in steps]
    assert kinds == [
        {"AlterField", "AddField"},
        {"RunPython"},
        {"AlterField", "AlterUniqueTogether"},
    ]
    assert global_apps.get_model("taxonomy", "Region")._meta.unique_together


def test_the_snippet_translation_view_makes_a_spanish_series(admin_client):
    series = SeriesFactory(name="Letter from Puno", slug="letter-from-puno")
    spanish = Locale.objects.get(language_code="es")
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["taxonomy", "series", series.pk],
    )
    response = admin_client.post(url, {"locales": [spanish.pk]})
    assert response.status_code == 302
    translation = series.get_translation(spanish)
    assert (translation.name, translation.slug) == (
        "Letter from Puno",
        "letter-from-puno",
    )
    # Its editor opens, side by side with the English.
    edit = reverse("wagtailsnippets_taxonomy_series:edit", args=[translation.pk])
    assert admin_client.get(edit).status_code == 200
