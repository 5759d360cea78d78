"""Turn what a reader typed into safe search terms, the same way for every backend.

The database backends put terms into FTS5 ``MATCH`` strings and ``to_tsquery``
expressions, whose syntax characters (quotes, ``*``, ``:``, ``(``, ``-``, ``NEAR``...)
crash or change the query. Only word characters survive here, so nothing a reader
types can reach those parsers as syntax.
"""

import re
import unicodedata

MAX_QUERY_CHARS = 200  # what we read of a query (the rest is dropped)
MAX_TERMS = 12  # AND-ing more words only empties the results
MIN_PREFIX_CHARS = 3  # shorter prefixes expand to too many words

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
# Articles and prepositions that would otherwise have to appear in every result.
STOPWORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "dans",
        "de",
        "des",
        "du",
        "en",
        "et",
        "la",
        "le",
        "les",
        "leur",
        "leurs",
        "l",
        "d",
        "un",
        "une",
        "ou",
        "par",
        "pour",
        "sur",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "for",
        "to",
        "with",
        "an",
        "at",
        "by",
        "from",
    ]
)


def fold(text: str) -> str:
    """Lower case without accents: ``Santé`` → ``sante`` (what the indexes compare)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The words of ``text`` as typed (accents kept), elided articles removed: ``l'école`` → ``école``."""
    text = (text or "")[:MAX_QUERY_CHARS].replace("\x00", " ")
    found = []
    for match in _WORD.finditer(text):
        word = _ELISION.sub("", match.group())
        found.extend(part for part in re.split(r"['’]", word) if part)
    return found


def search_terms(text: str) -> list[str]:
    """Folded, de-duplicated terms to AND together; stopwords dropped unless nothing else is left."""
    folded = []
    for word in words(text):
        term = fold(word)
        if term and term not in folded:
            folded.append(term)
    meaningful = [term for term in folded if term not in STOPWORDS]
    return (meaningful or folded)[:MAX_TERMS]


def light_stem(term: str) -> str:
    """Strip a plural ending so a prefix match finds singular and plural alike.

    ``mediatheques`` → ``mediatheque``, ``hopitaux`` → ``hopita``, ``policies`` → ``polic``,
    ``family`` → ``famil``.
    Used where the index does not stem (SQLite's FTS5 table); PostgreSQL and
    Elasticsearch stem with their language configurations instead.
    """
    if len(term) > 4 and term.endswith("aux"):
        return term[:-2]
    if len(term) > 4 and term.endswith("ies"):
        return term[:-3]
    if len(term) > 3 and term[-1] in "sx":
        return term[:-1]
    if len(term) > 4 and term.endswith("y"):  # family / families
        return term[:-1]
    return term


def fts5_expression(terms: list[str], *, prefix_last: bool = False, stem: bool = True, operator: str = "and") -> str:
    """An FTS5 query: every term quoted (so never parsed as syntax), AND-ed (or OR-ed).

    Terms are stemmed and matched as prefixes, so ``médiathèques`` finds
    ``médiathèque`` (the tokenizer already folds accents).
    """
    parts = []
    for position, term in enumerate(terms):
        last = position == len(terms) - 1
        stemmed = light_stem(term) if stem else term
        if len(stemmed) >= MIN_PREFIX_CHARS and (stem or (prefix_last and last)):
            parts.append(f'"{stemmed}"*')
        elif prefix_last and last and len(term) >= 1:
            parts.append(f'"{term}"*')
        else:
            parts.append(f'"{term}"')
    return (" OR " if operator == "or" else " AND ").join(parts)


def tsquery_expression(terms: list[str], *, prefix_last: bool = False, operator: str = "and") -> str:
    """A ``to_tsquery`` string: each term quoted, AND-ed; the last one a prefix for autocomplete."""
    parts = []
    for position, term in enumerate(terms):
        quoted = "'" + term.replace("'", "") + "'"
        if prefix_last and position == len(terms) - 1:
            quoted += ":*"
        parts.append(quoted)
    return (" | " if operator == "or" else " & ").join(parts)
