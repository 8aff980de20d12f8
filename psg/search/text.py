"""Accent folding, words and word forms shared by the index, queries and snippets.

Both search backends and the snippet builder must agree on what a word is and
when two words are "the same": here a word is a run of letters and digits
(what SQLite's unicode61 tokenizer and PostgreSQL's parser call a word), two
words match when their accent- and case-folded forms are equal or share an
English stem (the Snowball stemmer PostgreSQL's ``english`` configuration
uses; SQLite's porter tokenizer is its older sibling).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[^\W_]+")

_english = snowballstemmer.stemmer("english")


def strip_accents(text):
    """``text`` without diacritics, case kept: "Apurímac" -> "Apurimac"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _fold_char(char):
    folded = strip_accents(char).lower()
    # Keep offsets: a character whose folded form is not one character
    # (ligatures, "İ") stays as it is, lower-cased when that keeps its length.
    if len(folded) == 1:
        return folded
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _fold_table():
    table = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}
    # Latin, IPA, Greek and Cyrillic: the scripts the site's texts use.
    for code in range(0x80, 0x530):
        folded = _fold_char(chr(code))
        if folded != chr(code):
            table[code] = folded
    return table


_FOLD_TABLE = _fold_table()


def fold_same_length(text):
    """``text`` lower-cased and without accents, each character kept in place.

    The result has exactly the length of ``text``, so a match found in it is
    at the same offsets in the original.
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def variants(letter):
    """Every character that folds to ``letter`` ("a" -> "aAáÁàÀ…")."""
    return _VARIANTS.get(letter, letter)


def _variants():
    found = {}
    for code in range(0x20, 0x530):
        char = chr(code)
        folded = fold_same_length(char)
        found.setdefault(folded, {folded}).add(char)
    return {letter: "".join(sorted(chars)) for letter, chars in found.items()}


_VARIANTS = _variants()


def fold_word(word):
    return fold_same_length(word)


@lru_cache(maxsize=8192)
def stem(folded_word):
    """The English Snowball stem of an already folded word."""
    return _english.stemWord(folded_word)


def words(text):
    """The words of ``text``: runs of letters and digits."""
    return WORD.findall(text)
