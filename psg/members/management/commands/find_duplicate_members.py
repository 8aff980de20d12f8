"""List members who may be one person twice, for the membership secretary."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from psg.core.email_addresses import email_key, validate_email_address
from psg.members.models import Member


class Command(BaseCommand):
    help = (
        "List members whose email addresses are the same once normalised "
        "(case, invisible characters, the domain's ASCII form), and members "
        "whose stored address cannot be used for email. Changes nothing: the "
        "secretary decides, on each member's page, which record to keep."
    )

    def handle(self, *args, **options):
        groups = defaultdict(list)
        unusable = []
        for member in Member.objects.not_erased().order_by("pk"):
            groups[email_key(member.email)].append(member)
            try:
                validate_email_address(member.email)
            except ValidationError:
                unusable.append(member)
        duplicates = [members for members in groups.values() if len(members) > 1]
        for members in duplicates:
            numbers = ", ".join(str(member.pk) for member in members)
            self.stdout.write(f"Same address: members {numbers}")
            for member in members:
                self.stdout.write(f"  {member.pk}: {member} <{member.email}>")
        for member in unusable:
            self.stdout.write(
                f"Address cannot be used for email: member {member.pk}: "
                f"{member} <{member.email}>"
            )
        self.stdout.write(
            f"{len(duplicates)} groups of members with the same address; "
            f"{len(unusable)} members with an address that cannot be used."
        )
