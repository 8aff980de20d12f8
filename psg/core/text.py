"""Small text helpers shared by the importer, taxonomy and templates."""

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def fold(text):
    """Lower-case ``text`` and strip its accents: "Apurímac" -> "apurimac"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", stripped).strip().casefold()


def normalise_title(title):
    """A key for matching one item's title across exports of the legacy site.

    Folds case and accents, unifies quotes and dashes, and drops punctuation so
    "Letter from Cajamarca (2): the rondas" and "letter from cajamarca (2) -
    the rondas" compare equal.
    """
    folded = fold(title)
    folded = re.sub(r"[\u2018\u2019\u201c\u201d'\"`]", "", folded)
    folded = re.sub(r"[^\w\s]", " ", folded)
    return _SPACE.sub(" ", folded).strip()


def truncate_words(text, limit):
    """Cut ``text`` at a word boundary so it fits in ``limit`` characters."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.-–— ")
    return cut + "…"
