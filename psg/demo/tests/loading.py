"""Running the demo loader as `make run` does, for the demo tests."""

import io
import re

from django.core.management import call_command

SUMMARY = re.compile(r"^Demo content: (\d+) created, (\d+) already present$")


def load():
    """Run the command; return (created, present) from its summary line."""
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    match = SUMMARY.match(out.getvalue().strip())
    assert match, out.getvalue()
    return int(match[1]), int(match[2])


def edit(obj, **fields):
    """Change ``obj`` as an editor would: a page is published with a new
    revision, anything else saved. Returns it."""
    for name, value in fields.items():
        setattr(obj, name, value)
    if hasattr(obj, "save_revision"):
        obj.save_revision().publish()
    else:
        obj.save()
    return obj
