"""Recognising regions and topics named in imported text."""

import re

from psg.core.text import fold

# Peruvian streets are named after regions ("Jirón Lima", "Avenida Arequipa");
# a region named straight after one of these words is an address, not a place
# the item is about.
_STREET_BEFORE = re.compile(
    r"(?:^|\s)(?:jiron|jr|avenida|av|calle|plaza|pasaje|psje|paseo)\.?\s*$"
)


class TermMatcher:
    """Finds which terms (regions, topics) a text names, on whole words.

    ``terms`` give their folded names and aliases through ``match_terms()``
    (Region, Topic); the text is folded the same way, so "Cuzco" finds Cusco.
    With ``nested=False`` (regions) a name inside a longer term's name at the
    same place is part of that name: "Región Lima" is Lima Region, not Lima
    Province as well. With ``nested=True`` (topics) every name counts. The
    rules are in docs/legacy-import.md.
    """

    def __init__(self, terms, nested=True):
        self._terms = []
        # nested: one expression per term; else {name: indexes of the terms
        # it names} and one expression for every name, longest first, so that
        # at each place in the text the longest name wins.
        self._patterns = []
        self._owners = {}
        for term in terms:
            names = [name for name in term.match_terms() if name]
            if not names:
                continue
            if nested:
                self._patterns.append(_alternatives(names))
            else:
                for name in names:
                    self._owners.setdefault(name, []).append(len(self._terms))
            self._terms.append(term)
        self._all = (
            _alternatives(sorted(self._owners, key=len, reverse=True))
            if self._owners
            else None
        )

    def find(self, *texts):
        """The terms named in any of ``texts``, in the order they were given."""
        return self.find_in_folded(fold_texts(texts))

    def find_in_folded(self, text):
        """``find`` for texts already joined and folded by ``fold_texts``."""
        if self._patterns:
            return [
                term
                for term, pattern in zip(self._terms, self._patterns, strict=True)
                if any(_is_place(text, match) for match in pattern.finditer(text))
            ]
        named = set()
        if self._all is not None:
            for match in self._all.finditer(text):
                if _is_place(text, match):
                    named.update(self._owners[match.group()])
        return [self._terms[index] for index in sorted(named)]


def fold_texts(texts):
    """``texts`` folded and joined, as TermMatcher looks for names in them."""
    # A pilcrow keeps one text's last word from joining the next one's first.
    return " ¶ ".join(fold(text) for text in texts if text)


def _alternatives(names):
    """One expression matching any of ``names`` as whole words."""
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)")


def _is_place(text, match):
    """Whether ``match`` names a place, not a street named after it."""
    return not _STREET_BEFORE.search(text, 0, match.start())
