"""What the whole parser shares: decoding and cleaning text, and how it reports.

A file that cannot be imported at all raises UnreadableExport; anything less
is a Problem listed beside the items.
"""

import re
from dataclasses import dataclass

from psg.core.text import truncate_words

TITLE_LIMIT = 255

# Spaces the old site's editor scattered through its text (non-breaking,
# thin, ideographic) and characters that should not survive at all.
_ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACE = re.compile(r" {2,}")


class UnreadableExport(ValueError):
    """The file cannot be imported at all; ``reason`` says why, for the report."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Problem:
    """Something in a file the importer could not use as it stands."""

    where: str
    reason: str


def decode_export(data):
    """The text of an export, or UnreadableExport saying why there is none."""
    if not data.strip():
        raise UnreadableExport("the file is empty")
    if b"\x00" in data:
        raise UnreadableExport("binary file (it contains NUL bytes), not a text export")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end >= len(data) - 3:
            raise UnreadableExport(
                "truncated: the file ends in the middle of a character"
            ) from error
        raise UnreadableExport(
            f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "export the page again as UTF-8"
        ) from error
    if len(_CONTROL.findall(text)) > max(3, len(text) // 100):
        raise UnreadableExport("binary file (control characters), not a text export")
    return text


def clean_line(text):
    """One line with odd spaces made plain and runs of spaces collapsed."""
    text = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", text))
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def collapse(text):
    """``text`` with every run of white space made one space."""
    return " ".join(text.split())


def clean_title(text):
    """A title without a bullet, a trailing dash run ("Meanwhile in … --")."""
    title = re.sub(r"[\s\-–—:;,]+$", "", clean_line(text))
    if len(title) > TITLE_LIMIT:
        title = truncate_words(title, TITLE_LIMIT)
    return title


def ends_sentence(text):
    """Whether ``text`` ends as a sentence does: a cut-off text does not."""
    return text.rstrip()[-1:] in set(".!?…\"'”’)]»")
