"""Read the search page's query string into a safe, bounded :class:`SearchParams`.

Nothing here raises on bad input: unknown or malformed values are dropped and each
drop becomes a notice shown to the reader ("the filter … was ignored"), so a shared
link that went stale still answers with an explanation. Parameter names are a public
contract (other pages build links with them): ``q``, ``policy_area``,
``territory_type``, ``instrument`` (taxonomy slugs), ``country`` (ISO code), ``lab``
(page id), ``stage``, ``evidence``, ``competence``, ``budget``, ``year_from``,
``year_to``, ``sort`` (relevance, newest, verified, title, closest), ``like`` (``mine``:
territories like the reader's), ``page``; facet
parameters may be repeated (values OR-ed).
"""

import re
from dataclasses import dataclass, field, replace

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from practices.choices import BudgetRange, EvidenceLevel, LegalCompetence, LifecycleStage
from search.backends.terms import MAX_QUERY_CHARS, search_terms

SORTS = {
    "relevance": _("Relevance"),
    "newest": _("Newest"),
    "verified": _("Recently verified"),
    "title": _("Title"),
    "closest": _("Closest to my territory"),
}
LIKE_MINE = "mine"  # ``like=mine``: practices of territories like the reader's
TAXONOMY_FACETS = ("policy_area", "territory_type", "instrument")
CHOICE_FACETS = {
    "stage": LifecycleStage,
    "evidence": EvidenceLevel,
    "competence": LegalCompetence,
    "budget": BudgetRange,
}
MULTI_VALUED = (*TAXONOMY_FACETS, "country", "lab", *CHOICE_FACETS)
LABELS = {
    "policy_area": _("Policy area"),
    "territory_type": _("Territory type"),
    "instrument": _("Instrument"),
    "country": _("Country"),
    "lab": _("Lab"),
    "stage": _("Lifecycle stage"),
    "evidence": _("Level of evidence"),
    "competence": _("Legal competence"),
    "budget": _("Budget"),
    "year": _("Start year"),
}
MAX_VALUES = 20  # per facet parameter
MAX_PAGE = 10_000
YEAR_MIN, YEAR_MAX = 1900, 2100
_SLUG = re.compile(r"^[-a-z0-9_]{1,100}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    terms: tuple[str, ...] = ()
    facets: dict[str, tuple] = field(default_factory=dict)  # parameter -> selected values
    year_from: int | None = None
    year_to: int | None = None
    sort: str = ""
    like_mine: bool = False
    page: int = 1
    ignored: tuple[str, ...] = ()  # notices about dropped input

    @property
    def effective_sort(self) -> str:
        if self.sort == "relevance" and not self.terms:
            return "newest"
        return self.sort or ("relevance" if self.terms else "newest")

    def selected(self, name: str) -> tuple:
        return self.facets.get(name, ())

    @property
    def has_filters(self) -> bool:
        return any(self.facets.values()) or self.year_from is not None or self.year_to is not None or self.like_mine

    def with_facets(self, **facets) -> "SearchParams":
        return replace(self, facets={**self.facets, **facets})

    def querydict(self, *, page=None, sort=None, drop_page=True, **overrides) -> QueryDict:
        """The canonical query string of these parameters (stable, shareable)."""
        query = QueryDict(mutable=True)
        if self.q:
            query["q"] = self.q
        for name in MULTI_VALUED:
            values = overrides[name] if name in overrides else self.selected(name)
            if values:
                query.setlist(name, [str(value) for value in values])
        for name in ("year_from", "year_to"):
            value = overrides.get(name, getattr(self, name))
            if value is not None:
                query[name] = str(value)
        if overrides.get("like_mine", self.like_mine):
            query["like"] = LIKE_MINE
        chosen_sort = sort if sort is not None else self.sort
        if chosen_sort:
            query["sort"] = chosen_sort
        if page and page > 1:
            query["page"] = str(page)
        elif not drop_page and self.page > 1:
            query["page"] = str(self.page)
        return query

    def toggled(self, name: str, value) -> QueryDict:
        """The query string with ``value`` added to or removed from facet ``name``."""
        values = list(self.selected(name))
        values = [v for v in values if v != value] if value in values else [*values, value]
        return self.querydict(**{name: values})


def unknown_value(name: str) -> str:
    return str(_("Unknown value for “%(filter)s” ignored.") % {"filter": LABELS[name]})


def first(query: QueryDict, name: str) -> str:
    values = query.getlist(name)
    return values[0] if values else ""


def clean_text(raw: str) -> str:
    text = _CONTROL.sub(" ", (raw or "")[: MAX_QUERY_CHARS * 5])
    return " ".join(text.split())[:MAX_QUERY_CHARS]


def parse(query: QueryDict) -> SearchParams:
    ignored: list[str] = []
    q = clean_text(first(query, "q"))
    facets = {}
    for name in MULTI_VALUED:
        values, dropped = _facet_values(name, query.getlist(name))
        if values:
            facets[name] = values
        if dropped:
            ignored.append(unknown_value(name))
    year_from, year_to = _year(query, "year_from", ignored), _year(query, "year_to", ignored)
    if year_from is not None and year_to is not None and year_from > year_to:
        year_from, year_to = year_to, year_from
    like = first(query, "like").strip()
    if like and like != LIKE_MINE:
        ignored.append(str(_("Unknown value for “territories like mine” ignored.")))
    sort = first(query, "sort")
    if sort and sort not in SORTS:
        ignored.append(str(_("Unknown sort order ignored.")))
        sort = ""
    return SearchParams(
        q=q,
        terms=tuple(search_terms(q)),
        facets=facets,
        year_from=year_from,
        year_to=year_to,
        sort=sort,
        like_mine=like == LIKE_MINE,
        page=_page(first(query, "page")),
        ignored=tuple(ignored),
    )


def _facet_values(name: str, raw_values: list[str]) -> tuple[tuple, bool]:
    values, dropped = [], False
    for raw in raw_values[: MAX_VALUES * 2]:
        value = _facet_value(name, raw.strip())
        if value is None:
            dropped = dropped or bool(raw.strip())
        elif value not in values:
            values.append(value)
    return tuple(values[:MAX_VALUES]), dropped or len(values) > MAX_VALUES


def _facet_value(name: str, raw: str):
    if name in TAXONOMY_FACETS:
        return raw if _SLUG.match(raw) else None  # existence is checked against the vocabulary later
    if name == "country":
        code = raw.upper()
        return code if len(code) == 2 and code in countries else None
    if name == "lab":
        return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 12 else None
    choices = CHOICE_FACETS[name]
    return raw if raw in choices.values else None


def _year(query: QueryDict, name: str, ignored: list) -> int | None:
    raw = first(query, name).strip()
    if not raw:
        return None
    if raw.isascii() and raw.isdigit() and len(raw) <= 4 and YEAR_MIN <= int(raw) <= YEAR_MAX:
        return int(raw)
    ignored.append(str(_("The year “%(value)s” is not a year between 1900 and 2100; ignored.") % {"value": raw[:20]}))
    return None


def _page(raw: str) -> int:
    raw = raw.strip()
    if raw.isascii() and raw.isdigit() and len(raw) <= 6:
        return max(1, min(int(raw), MAX_PAGE))
    if raw.isascii() and raw.isdigit():
        return MAX_PAGE  # absurdly large: past the end, clamped later
    return 1
