"""``manage.py update_index``: Wagtail's command, then the index tidied.

Same options and output as Wagtail's own command; afterwards the index is
compacted (psg.search.maintenance) so that searches are fast at once.
"""

from wagtail.search.management.commands.update_index import (
    Command as WagtailUpdateIndex,
)

from psg.search.maintenance import compact_index


class Command(WagtailUpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        if options.get("schema_only"):
            return
        done = compact_index()
        if done and options["verbosity"] >= 1:
            self.stdout.write(f"Search index: {done}.")
