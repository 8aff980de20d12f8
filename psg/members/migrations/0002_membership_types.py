from decimal import Decimal

from django.db import migrations

TYPES = [
    ("Individual", Decimal("25.00"), "For anyone who supports our work.", False, 1),
    (
        "Concession",
        Decimal("10.00"),
        "For students and people who are unwaged.",
        False,
        2,
    ),
    (
        "Organisation",
        Decimal("60.00"),
        "For NGOs, unions, faith groups and other organisations.",
        True,
        3,
    ),
]


def create_types(apps, schema_editor):
    MembershipType = apps.get_model("members", "MembershipType")
    for name, fee, description, for_organisations, order in TYPES:
        MembershipType.objects.get_or_create(
            name=name,
            defaults={
                "annual_fee": fee,
                "description": description,
                "for_organisations": for_organisations,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(create_types, migrations.RunPython.noop)]
