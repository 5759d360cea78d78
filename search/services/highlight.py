"""Mark the query's terms in a passage, the way the database backends match them:
accent- and case-insensitive, plurals included (``médiathèques`` marks ``Médiathèque``)."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.backends.terms import MIN_PREFIX_CHARS, fold, light_stem

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# The words of a page's passages repeat (60 passages a page): each folded once per process.
_folded_word = lru_cache(maxsize=20_000)(fold)


def highlight(text: str, terms) -> SafeString:
    text = str(text or "")
    stems = [light_stem(term) for term in terms or ()]
    if not stems:
        return escape(text)
    parts, position = [], 0
    for match in _WORD.finditer(text):
        word = _folded_word(match.group())
        if any(word == stem or (len(stem) >= MIN_PREFIX_CHARS and word.startswith(stem)) for stem in stems):
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text is escaped above)
