"""What the members CSV tests share: exporting and uploading through the
desk, building a file, and a snapshot of what an import could change."""

import csv
import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone

from psg.members.desk.csv_columns import COLUMNS
from psg.members.models import Member

LIST = reverse("desk_members:index")
IMPORT = reverse("desk_members:import")


def export(client, **filters):
    response = client.get(LIST, {**filters, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"].startswith('attachment; filename="members-')
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())  # for spreadsheet programs
    return content


def rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def upload(client, content, name="members.csv", skip_errors=False):
    data = {"file": SimpleUploadedFile(name, content, "text/csv")}
    if skip_errors:
        data["skip_errors"] = "on"
    response = client.post(IMPORT, data)
    assert response.status_code == 200
    return response


def when(*args):
    return timezone.make_aware(datetime.datetime(*args))


def make_csv(*records, columns=COLUMNS):
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for record in records:
        writer.writerow({column: record.get(column, "") for column in columns})
    return out.getvalue().encode()


def new_row(**values):
    return {
        "name": "Nuevo Socio",
        "email": "nuevo@example.org",
        "country": "GB",
        "membership_type": "Individual",
        "payment_method": "standing-order",
        "status": "active",
        "joined": "2026-01-05",
        "current_period_end": "2027-01-04",
        "bulletin_consent": "no",
        "events_consent": "no",
        **values,
    }


def snapshot():
    """Everything the import could change, for every member."""
    members = {}
    for member in Member.objects.order_by("pk"):
        members[member.pk] = {
            "fields": model_to_dict(member),
            "country": member.country.code,
            "updated_at": member.updated_at,
            "consents": list(
                member.consents.order_by("pk").values(
                    "kind", "given", "wording", "wording_version", "source"
                )
            ),
            "consent_times": list(
                member.consents.order_by("pk").values_list("recorded_at", flat=True)
            ),
            "gift_aid": list(
                member.gift_aid_declarations.order_by("pk").values(
                    "wording", "wording_version", "declared_at", "cancelled_at"
                )
            ),
        }
    return members
