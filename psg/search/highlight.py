"""Which words of a text match a query, and the text around them as HTML.

Matching mirrors the engines: a text word matches a query word when their
accent- and case-folded forms are equal or share an English stem; a phrase
matches where its words follow one another. The HTML is built here from plain
text, every character escaped, with <mark> around the matched words: nothing
stored as HTML is ever passed through.
"""

import os
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import WORD, fold_same_length, stem

SNIPPET_BEFORE = 70
SNIPPET_LENGTH = 280


def _same(text_word, query_word):
    return text_word == query_word or stem(text_word) == stem(query_word)


def _prefix(word):
    """What every matching word starts with (its stem's common prefix)."""
    common = os.path.commonprefix([word, stem(word)])
    return common if len(common) >= 2 else word


class Matcher:
    def __init__(self, parsed):
        self.terms = list(parsed.terms)
        self.phrases = [list(phrase) for phrase in parsed.phrases]
        self.words = list(parsed.all_words)
        self._stems = {word: stem(word) for word in self.words}
        prefixes = sorted({_prefix(word) for word in self.words}, key=len)
        self._prefixes = prefixes
        self._candidates = (
            re.compile(
                r"(?<![^\W_])(?:" + "|".join(re.escape(p) for p in prefixes) + ")"
            )
            if prefixes
            else None
        )

    def _tokens(self, folded, start=0, end=None):
        return [
            (m.start(), m.end(), m.group())
            for m in WORD.finditer(folded, start, len(folded) if end is None else end)
        ]

    def spans(self, folded, start=0, end=None):
        """(start, end) of every matched word in ``folded[start:end]``."""
        tokens = self._tokens(folded, start, end)
        marked = set()
        for index, (_, _, word) in enumerate(tokens):
            if any(_same(word, term) for term in self.terms):
                marked.add(index)
            for phrase in self.phrases:
                window = tokens[index : index + len(phrase)]
                if len(window) == len(phrase) and all(
                    _same(token[2], word)
                    for token, word in zip(window, phrase, strict=True)
                ):
                    marked.update(range(index, index + len(phrase)))
        return [(tokens[i][0], tokens[i][1]) for i in sorted(marked)]

    def first_match(self, folded):
        """Where the first matched word starts in ``folded``, or None."""
        if self._candidates is None:
            return None
        for candidate in self._candidates.finditer(folded):
            position = candidate.start()
            # Enough words after the candidate for the longest phrase.
            stop = min(
                len(folded),
                position + 60 * (1 + max(map(len, self.phrases), default=1)),
            )
            found = self.spans(folded, position, stop)
            if found and found[0][0] == position:
                return position
        return None

    def matches_all(self, text):
        """True when every term and phrase of the query is in ``text``."""
        folded = fold_same_length(text)
        # Every query word's stem prefix must be somewhere in the text.
        if not all(prefix in folded for prefix in self._prefixes):
            return False
        tokens = [word for _, _, word in self._tokens(folded)]
        for term in self.terms:
            if not any(_same(word, term) for word in tokens):
                return False
        for phrase in self.phrases:
            size = len(phrase)
            if not any(
                all(
                    _same(word, query_word)
                    for word, query_word in zip(
                        tokens[i : i + size], phrase, strict=True
                    )
                )
                for i in range(len(tokens) - size + 1)
            ):
                return False
        return True


def _marked_html(text, folded, start, end, matcher):
    parts = []
    position = start
    for span_start, span_end in matcher.spans(folded, start, end):
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text, matcher):
    """All of ``text``, escaped, its matched words in <mark>."""
    text = text or ""
    folded = fold_same_length(text)
    return mark_safe(_marked_html(text, folded, 0, len(text), matcher))  # noqa: S308


def snippet(text, matcher, length=SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around its first match, as safe
    HTML with the matched words in <mark>; the text's opening when nothing
    in it matches (the match was in the title)."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    folded = fold_same_length(text)
    first = matcher.first_match(folded)
    start = 0
    if first is not None and first > SNIPPET_BEFORE:
        start = first - SNIPPET_BEFORE
        # Begin at a word: after the next space.
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else first
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    html = _marked_html(text, folded, start, end, matcher)
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # noqa: S308
