"""Reading what a reader typed into the search box.

Nothing a reader types reaches a search engine as syntax: the text is cut to
``MAX_QUERY_LENGTH`` characters and read into plain words and "quoted
phrases", each folded to lower case without accents. Engine operators (AND,
OR, NOT, NEAR, *, ^, :, parentheses, -) are not operators here: written in
capitals, AND/OR/NOT/NEAR are dropped; every other symbol separates words.
"""

import re
from dataclasses import dataclass, field

from .text import fold_word, words

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_PHRASE_WORDS = 8
OPERATOR_WORDS = frozenset({"AND", "OR", "NOT", "NEAR"})
# Straight and typographic double quotes all delimit phrases.
_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")
_PHRASE = re.compile(r'"([^"]*)"')


@dataclass
class ParsedQuery:
    """A reader's query as words and phrases (each a tuple of folded words)."""

    text: str = ""
    terms: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    truncated: bool = False
    ignored_operators: list = field(default_factory=list)
    too_many_words: bool = False

    def __bool__(self):
        return bool(self.terms or self.phrases)

    @property
    def all_words(self):
        """Every folded word of the query, phrases' words included."""
        seen = dict.fromkeys(self.terms)
        for phrase in self.phrases:
            seen.update(dict.fromkeys(phrase))
        return list(seen)


def parse_query(raw):
    """Read ``raw`` (any string a URL can carry) into a ParsedQuery."""
    raw = raw or ""
    # Control characters and NUL never belong in a query.
    text = "".join(c if c.isprintable() else " " for c in raw)
    text = " ".join(text.split())
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:
        text = text[:MAX_QUERY_LENGTH].rstrip()
    parsed = ParsedQuery(text=text, truncated=truncated)

    quoted = _QUOTES.sub('"', text)
    budget = MAX_TERMS
    rest = []
    position = 0
    for match in _PHRASE.finditer(quoted):
        rest.append(quoted[position : match.start()])
        position = match.end()
        phrase_words = [fold_word(word) for word in words(match.group(1))]
        if not phrase_words or budget <= 0:
            parsed.too_many_words = parsed.too_many_words or bool(phrase_words)
            continue
        if len(phrase_words) == 1:
            rest.append(phrase_words[0])
            continue
        if len(phrase_words) > MAX_PHRASE_WORDS:
            phrase_words = phrase_words[:MAX_PHRASE_WORDS]
            parsed.too_many_words = True
        phrase = tuple(phrase_words)
        if phrase not in parsed.phrases:
            parsed.phrases.append(phrase)
            budget -= 1
    # An unbalanced quote opens no phrase: what follows it is plain words.
    rest.append(quoted[position:])

    for word in words(" ".join(rest)):
        if word in OPERATOR_WORDS:
            if word not in parsed.ignored_operators:
                parsed.ignored_operators.append(word)
            continue
        term = fold_word(word)
        if term in parsed.terms:
            continue
        if budget <= 0:
            parsed.too_many_words = True
            break
        parsed.terms.append(term)
        budget -= 1
    return parsed
