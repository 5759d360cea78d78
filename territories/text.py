"""The search form of a territory's name: lowercase ASCII words separated by single spaces."""

import re
import unicodedata

MAX_INPUT = 100  # characters of a name or code the reader types; longer input is cut
_SEPARATORS = re.compile(r"[-'’‘`´_.,/()\s]+")
_OTHER = re.compile(r"[^a-z0-9 ]")


def search_form(text: str) -> str:
    """``"Saint-Étienne"``, ``"saint etienne"`` and ``"SAINT ÉTIENNE"`` give ``"saint etienne"``;
    ``"L'Île-d'Yeu"`` gives ``"l ile d yeu"``. Œ and æ become oe and ae."""
    text = (text or "")[: MAX_INPUT * 2].replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    folded = _OTHER.sub(" ", _SEPARATORS.sub(" ", folded))
    return " ".join(folded.split())[:MAX_INPUT]
