"""Older shapes of export imported: bulletin prefixes, dates first, years."""

import datetime

from psg.news.models import NewsPage
from psg.publications.models import PublicationPage

from .conftest import VARIANTS


def test_bulletin_listing_keeps_bulletins_and_never_invents_dates(import_files):
    output = import_files(VARIANTS / "listing_bulletins.txt")
    got = {
        page.title: (
            page.date,
            page.date_precision,
            page.bulletin_name,
            page.bulletin_number,
            page.kind,
        )
        for page in NewsPage.objects.all()
    }
    assert got == {
        "Congress approves new mining law": (
            datetime.date(2007, 1, 31),
            "day",
            "Update",
            119,
            "news",
        ),
        "Editorial: a year of García": (
            datetime.date(2007, 2, 14),
            "day",
            "Update",
            120,
            "editorial",
        ),
        "Analysis: the regional elections": (
            datetime.date(2009, 4, 1),
            "month",
            "Update",
            133,
            "analysis",
        ),
        "Correction to Update 132": (
            datetime.date(2009, 3, 1),
            "month",
            "",
            None,
            "correction",
        ),
        "Protests in Cuzco against water transfer": (
            datetime.date(2010, 2, 28),
            "day",
            "Peru News",
            52,
            "news",
        ),
        "Water dispute in Moquegua": (
            datetime.date(2008, 3, 12),
            "day",
            "",
            None,
            "news",
        ),
        "Archive note on the Truth Commission": (None, "day", "", None, "news"),
        "Strike in Arequipa": (None, "day", "Update", 121, "news"),
    }
    cusco = NewsPage.objects.get(title__startswith="Protests in Cuzco")
    assert {r.name for r in cusco.regions.all()} == {"Cusco", "Apurímac"}
    assert "Problems: 2" in output
    assert (
        'listing_bulletins.txt, line 39: placeholder date "31 December 1969": '
        "imported without a date"
    ) in output
    assert (
        'listing_bulletins.txt, line 45: date "Update 121. 31 Febuary 2007" not '
        "understood: imported without a date"
    ) in output


def test_date_first_listings(import_files):
    import_files(
        VARIANTS / "listing_date_first.txt", VARIANTS / "listing_date_above_bullet.txt"
    )
    got = sorted(
        NewsPage.objects.values_list("title", "date", "bulletin_name", "teaser")
    )
    assert got == [
        (
            "Drought in Puno",
            datetime.date(2005, 1, 24),
            "Update",
            "The drought in the altiplano has left farmers in Puno without pasture.",
        ),
        (
            "Floods in Piura",
            datetime.date(2005, 1, 10),
            "Update",
            "Heavy rain caused floods across Piura and Tumbes.",
        ),
        (
            "Miners' march reaches Lima",
            datetime.date(2005, 6, 3),
            "Newsletter",
            "Several thousand miners from Junín and Pasco arrived in Lima to demand "
            "better conditions.",
        ),
        (
            "Ombudsman reports on prior consultation",
            datetime.date(2005, 6, 17),
            "",
            "The Defensoría del Pueblo published its report on consulta previa in "
            "the Amazon.",
        ),
    ]


def test_older_publications_get_year_precision(import_files):
    import_files(VARIANTS / "publications_older.txt")
    got = sorted(
        PublicationPage.objects.values_list("title", "date", "date_precision", "kind")
    )
    assert got == [
        (
            "Briefing on extractive industries",
            datetime.date(2007, 1, 1),
            "year",
            "briefing",
        ),
        (
            "Mining and communities in Ancash",
            datetime.date(2005, 1, 1),
            "year",
            "report",
        ),
        (
            "Update Extra: Coca and development",
            datetime.date(2006, 6, 1),
            "month",
            "update-extra",
        ),
    ]
