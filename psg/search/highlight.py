"""Which words of a text match a query, and the text around them as HTML.

Matching mirrors the engines: a text word matches a query word when their
accent- and case-folded forms are equal or share an English stem; a phrase
matches where its words follow one another. The HTML is built here from plain
text, every character escaped, with <mark> around the matched words: nothing
stored as HTML is ever passed through.

Texts can be long (a publication's PDF text is up to 200,000 characters), so
candidates are found with a regular expression that accepts every accented
and capital form of the query words' stems, and only the few characters
around a candidate are folded and checked.
"""

import os
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .text import WORD, fold_same_length, stem, variants

SNIPPET_BEFORE = 70
SNIPPET_LENGTH = 280
# Characters after a candidate word checked for a phrase, per phrase word.
_WINDOW_PER_WORD = 60
# Letters and digits, as str.isalnum() sees them.
_REST_OF_WORD = re.compile(r"[^\W_]*")
# Candidates checked for a first match before the snippet settles for the
# text's opening: bounds the time on a text made of near-matches.
MAX_CANDIDATES = 2000


def _prefix(word):
    """What every word with ``word``'s stem starts with: what the word and
    its stem have in common, short of the stem's last letter, which the
    stemmer may have written itself ("mines" and "mining" -> "mine", "happy"
    -> "happi")."""
    base = stem(word)
    common = os.path.commonprefix([word, base])[: max(2, len(base) - 1)]
    return common if len(common) >= 2 else word


def _pattern(folded):
    """A regular expression for every accented and capital form of ``folded``."""
    parts = []
    for letter in folded:
        forms = variants(letter)
        parts.append(
            "[" + "".join(re.escape(form) for form in forms) + "]"
            if len(forms) > 1
            else re.escape(letter)
        )
    return "".join(parts)


class Matcher:
    """A query's words and phrases, ready to find in texts."""

    def __init__(self, parsed):
        self.terms = list(parsed.terms)
        self._term_set = frozenset(self.terms)
        self.phrases = [list(phrase) for phrase in parsed.phrases]
        self.stems = {word: stem(word) for word in parsed.all_words}
        self._matched = {}
        # Every matching word holds its query word's prefix: a text without
        # one of them cannot match all, and is turned down without folding it
        # (each letter's class holds its capital and accented forms).
        self._prefixes = [
            re.compile(_pattern(prefix))
            for prefix in {_prefix(word) for word in parsed.all_words}
        ]
        # A match starts at a term or at a phrase's first word: only places
        # where one of their prefixes starts are candidates, checked by
        # spans(). A pattern spanning a phrase's words ("prefix, the rest of
        # the word, a separator, the next prefix") backtracked over a long run
        # of letters at every letter of it: quadratic (docs/benchmarks.md).
        starts = {_pattern(_prefix(word)) for word in self.terms}
        starts |= {_pattern(_prefix(phrase[0])) for phrase in self.phrases if phrase}
        # The classes hold every capital and accented form already; without
        # IGNORECASE or a look-behind for the word's start (checked in
        # first_match) the expression scans a text several times faster.
        self._any = (
            re.compile("|".join(sorted(starts, key=len, reverse=True)))
            if starts
            else None
        )
        self._longest = max((len(phrase) for phrase in self.phrases), default=1)
        self._window = _WINDOW_PER_WORD * (
            1 + max((len(phrase) for phrase in self.phrases), default=1)
        )

    def _same(self, text_word, query_word):
        return text_word == query_word or stem(text_word) == self.stems[query_word]

    def _tokens(self, text, start, end):
        folded = fold_same_length(text[start:end])
        return [
            (start + m.start(), start + m.end(), m.group())
            for m in WORD.finditer(folded)
        ]

    def spans(self, text, start=0, end=None):
        """(start, end) of every matched word in ``text[start:end]``."""
        tokens = self._tokens(text, start, len(text) if end is None else end)
        found = [self._query_words_of(word) for _, _, word in tokens]
        marked = set()
        for index, words in enumerate(found):
            if not words:
                continue
            if not self._term_set.isdisjoint(words):
                marked.add(index)
            for phrase in self.phrases:
                if _phrase_at(found, index, phrase):
                    marked.update(range(index, index + len(phrase)))
        return [(tokens[i][0], tokens[i][1]) for i in sorted(marked)]

    def first_match(self, text):
        """Where the first matched word starts in ``text``, or None."""
        if self._any is None:
            return None
        candidate = self._any.search(text)
        checked = 0
        while candidate is not None and checked < MAX_CANDIDATES:
            checked += 1
            position = candidate.start()
            # Only where a word starts.
            if not position or not text[position - 1].isalnum():
                stop = min(len(text), position + self._window)
                if self._match_starts(text, position, stop):
                    return position
            # No later place inside this word starts one: go on after it.
            after = _REST_OF_WORD.match(text, position).end()
            candidate = self._any.search(text, max(after, position + 1))
        return None

    def _match_starts(self, text, position, stop):
        """Whether a term or a whole phrase starts at ``position`` (a word's
        start): what spans() would mark there, reading only the words that
        the longest phrase needs."""
        found = []
        for match in WORD.finditer(fold_same_length(text[position:stop])):
            found.append(self._query_words_of(match.group()))
            if len(found) >= self._longest:
                break
        if not found:
            return False
        if not self._term_set.isdisjoint(found[0]):
            return True
        return any(_phrase_at(found, 0, phrase) for phrase in self.phrases)

    def _query_words_of(self, word):
        """The query words that the text word ``word`` (folded) matches."""
        found = self._matched.get(word)
        if found is None:
            found = self._matched[word] = frozenset(
                query_word for query_word in self.stems if self._same(word, query_word)
            )
        return found

    def matches_all(self, text):
        """True when every term and phrase of the query is in ``text``.

        Called for every candidate's title, so each distinct text word is
        compared with the query words once per search.
        """
        if not all(prefix.search(text) for prefix in self._prefixes):
            return False
        folded = fold_same_length(text)
        matched = [self._query_words_of(word) for word in WORD.findall(folded)]
        present = frozenset().union(*matched)
        if not all(term in present for term in self.terms):
            return False
        return all(
            any(_phrase_at(matched, index, phrase) for index in range(len(matched)))
            for phrase in self.phrases
        )


def _phrase_at(found, index, phrase):
    """Whether ``phrase`` starts at word ``index`` of a text whose words match
    the query words ``found`` (one set for each word)."""
    return len(found) - index >= len(phrase) and all(
        word in found[index + offset] for offset, word in enumerate(phrase)
    )


def _marked_html(text, start, end, matcher):
    parts = []
    position = start
    for span_start, span_end in matcher.spans(text, start, end):
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text, matcher):
    """All of ``text``, escaped, its matched words in <mark>."""
    text = text or ""
    return mark_safe(_marked_html(text, 0, len(text), matcher))  # noqa: S308


def snippet(text, matcher, length=SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around its first match, as safe
    HTML with the matched words in <mark>; the text's opening when nothing
    in it matches (the match was in the title)."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    first = matcher.first_match(text)
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
    html = _marked_html(text, start, end, matcher)
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # noqa: S308
