"""Dates, times and emails as Spanish readers write them; English unchanged."""

import datetime
import zoneinfo

import pytest

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format

from psg.core.models import DatePrecision, format_partial_date
from psg.core.templated_email import render_email
from psg.events.models import EventPage
from psg.members.models import MembershipSettings

APRIL_FIRST = datetime.date(2019, 4, 1)
LIMA = zoneinfo.ZoneInfo("America/Lima")


@pytest.mark.parametrize(
    ("language", "day", "month", "year"),
    [
        ("es", "1 de abril de 2019", "abril de 2019", "2019"),
        ("en-gb", "1 April 2019", "April 2019", "2019"),
    ],
)
def test_partial_dates_read_as_each_language_writes_them(language, day, month, year):
    with translation.override(language):
        assert format_partial_date(APRIL_FIRST, DatePrecision.DAY)[0] == day
        assert format_partial_date(APRIL_FIRST, DatePrecision.MONTH)[0] == month
        assert format_partial_date(APRIL_FIRST, DatePrecision.YEAR)[0] == year


def test_times_are_24_hour_in_both_languages():
    evening = datetime.datetime(2019, 4, 1, 18, 30)
    with translation.override("es"):
        assert date_format(evening, "TIME_FORMAT") == "18:30"
        assert date_format(evening, "DATETIME_FORMAT") == (
            "1 de abril de 2019 a las 18:30"
        )
    with translation.override("en-gb"):
        assert date_format(evening, "TIME_FORMAT") == "18:30"
        assert date_format(evening, "DATETIME_FORMAT") == "1 April 2019, 18:30"


def _event_when(language):
    event = EventPage(
        title="Film night",
        start=datetime.datetime(2019, 4, 1, 18, 30, tzinfo=LIMA),
        end=datetime.datetime(2019, 4, 1, 20, 0, tzinfo=LIMA),
        time_zone="America/Lima",
    )
    with translation.override(language):
        return render_to_string("components/event_when.html", {"event": event})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "start", "zone"),
    [
        ("es", "lunes 1 de abril de 2019, 18:30", "(hora del Perú)"),
        ("en-gb", "Monday 1 April 2019, 18:30", "(Peru time)"),
    ],
)
def test_an_event_reads_its_day_and_hours_in_each_language(language, start, zone):
    html = _event_when(language)

    assert f">{start}</time>–" in html
    assert ">20:00</time>" in html
    assert zone in html


@pytest.mark.django_db
def test_a_renewal_reminder_is_written_in_spanish():
    context = {
        "member": {"name": "Rosa Quispe"},
        "kind": "before",
        "period_end": APRIL_FIRST,
        "fee": "30.00",
        "membership_type": "Individual",
        "payment_reference": "PSG-1234",
        "bank": MembershipSettings(bank_name="Unity Trust Bank"),
        "secretary_email": "secretary@example.org",
        "sign_in_url": "https://example.org/membership/sign-in/",
        "organisation_name": "Peru Support Group",
    }
    with translation.override("es"):
        subject, text, html = render_email("renewal_before", context)

    assert (
        subject == "Su membresía del Peru Support Group termina el 1 de abril de 2019"
    )
    assert "Estimado/a Rosa Quispe:" in text
    assert "Su membresía dura hasta el 1 de abril de 2019" in text
    assert "Banco: Unity Trust Bank" in text
    assert "Referencia: PSG-1234" in text
    assert '<html lang="es">' in html
    assert "Gracias por su apoyo." in html
