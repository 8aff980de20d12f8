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

    ``terms`` are objects with a ``match_terms()`` method giving their folded
    names and aliases, such as Region and Topic; matching folds the text the
    same way, so "Cuzco" finds Cusco and "APURIMAC" finds Apurímac.
    """

    def __init__(self, terms):
        self._patterns = []
        for term in terms:
            names = [name for name in term.match_terms() if name]
            if names:
                alternatives = "|".join(re.escape(name) for name in names)
                pattern = re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)")
                self._patterns.append((term, pattern))

    def find(self, *texts):
        """The terms named in any of ``texts``, in the order they were given."""
        # A pilcrow keeps one text's last word from joining the next one's first.
        text = " ¶ ".join(fold(text) for text in texts if text)
        found = []
        for term, pattern in self._patterns:
            for match in pattern.finditer(text):
                if not _STREET_BEFORE.search(text, 0, match.start()):
                    found.append(term)
                    break
        return found
