"""Read the search page's query string into a safe, bounded :class:`SearchParams`.

The parameters are declared as ``praxis.params`` specs (``SPECS``) and read leniently:
nothing here refuses a value (only an absurdly long query string is a 400); unknown or
malformed values are dropped and each drop becomes a notice shown to the reader ("the filter … was ignored"), so a shared
link that went stale still answers with an explanation. Parameter names are a public
contract (other pages build links with them): ``q``, ``policy_area``,
``territory_type``, ``instrument`` (taxonomy slugs), ``country`` (ISO code), ``lab``
(page id), ``stage``, ``evidence``, ``competence``, ``budget``, ``year_from``,
``year_to``, ``sort`` (relevance, newest, verified, title, closest), ``like`` (``mine``:
territories like the reader's), ``verified`` (``recent``: verified within
``PRAXIS_FRESHNESS_MAX_AGE_DAYS``, a year by default), ``page``; facet
parameters may be repeated (values OR-ed).
"""

from dataclasses import dataclass, field, replace

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from practices.choices import BudgetRange, EvidenceLevel, LegalCompetence, LifecycleStage
from praxis.params import Choice, Integer, Slug, Spec, Text, read
from search.backends.terms import MAX_QUERY_CHARS, search_terms

SORTS = {
    "relevance": _("Relevance"),
    "newest": _("Newest"),
    "verified": _("Recently verified"),
    "title": _("Title"),
    "closest": _("Closest to my territory"),
}
LIKE_MINE = "mine"  # ``like=mine``: practices of territories like the reader's
VERIFIED_RECENTLY = "recent"  # ``verified=recent``: verified within PRAXIS_FRESHNESS_MAX_AGE_DAYS
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


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    terms: tuple[str, ...] = ()
    facets: dict[str, tuple] = field(default_factory=dict)  # parameter -> selected values
    year_from: int | None = None
    year_to: int | None = None
    sort: str = ""
    like_mine: bool = False
    verified_recently: bool = False
    page: int = 1
    ignored: tuple[str, ...] = ()  # notices about dropped input

    @property
    def effective_sort(self) -> str:
        if self.sort == "relevance" and not self.terms:
            return "newest"
        return self.sort or ("relevance" if self.terms else "newest")

    @property
    def verified_months(self) -> int:
        """The ``verified=recent`` window in months, for its label."""
        return max(1, round(settings.PRAXIS_FRESHNESS_MAX_AGE_DAYS / 30.44))

    @property
    def without_verified(self) -> str:
        """The query string with ``verified=recent`` removed (its active-filter link)."""
        return self.querydict(verified_recently=False).urlencode()

    def selected(self, name: str) -> tuple:
        return self.facets.get(name, ())

    @property
    def has_filters(self) -> bool:
        return (
            any(self.facets.values())
            or self.year_from is not None
            or self.year_to is not None
            or self.like_mine
            or self.verified_recently
        )

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
        if overrides.get("verified_recently", self.verified_recently):
            query["verified"] = VERIFIED_RECENTLY
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


class CountryCode(Spec):
    def convert(self, text: str) -> str:
        code = text.upper()
        if len(code) != 2 or code not in countries:
            raise ValueError(_("is not a country code."))
        return code


# The search page's parameters, read by praxis.params leniently: a bad value is dropped and
# explained (a notice), so that a stale shared link still answers.
SPECS = [
    Text("q", max_length=MAX_QUERY_CHARS, cleaned=True, default=""),
    *(Slug(name, many=True, max_values=MAX_VALUES) for name in TAXONOMY_FACETS),
    CountryCode("country", many=True, max_values=MAX_VALUES),
    Integer("lab", many=True, max_values=MAX_VALUES, maximum=10**12),
    *(
        Choice(name, many=True, max_values=MAX_VALUES, choices=choices.values)
        for name, choices in CHOICE_FACETS.items()
    ),
    Integer("year_from", minimum=YEAR_MIN, maximum=YEAR_MAX),
    Integer("year_to", minimum=YEAR_MIN, maximum=YEAR_MAX),
    Choice("sort", choices=tuple(SORTS), default=""),
    Choice("like", choices=(LIKE_MINE,), default=""),
    Choice("verified", choices=(VERIFIED_RECENTLY,), default=""),
    Integer("page", minimum=1, maximum=MAX_PAGE, clamp=True, max_length=1_000, default=1),
]


def parse(source) -> SearchParams:
    """The search parameters of ``source`` (a request, or a QueryDict); raises
    ``praxis.params.ParameterError`` only for a query string too long to read at all."""
    read_values = read(source, SPECS, lenient=True)
    query = source if isinstance(source, QueryDict) else source.GET
    dropped = read_values.dropped_names()
    ignored = [unknown_value(name) for name in MULTI_VALUED if name in dropped]
    year_from, year_to = read_values["year_from"], read_values["year_to"]
    for name in ("year_from", "year_to"):
        if name in dropped and read_values[name] is None:
            value = first(query, name).strip()[:20]
            ignored.append(
                str(_("The year “%(value)s” is not a year between 1900 and 2100; ignored.") % {"value": value})
            )
    if year_from is not None and year_to is not None and year_from > year_to:
        year_from, year_to = year_to, year_from
    if "like" in dropped and not read_values["like"]:
        ignored.append(str(_("Unknown value for “territories like mine” ignored.")))
    if "verified" in dropped and not read_values["verified"]:
        ignored.append(str(_("Unknown value for “verified recently” ignored.")))
    if "sort" in dropped and not read_values["sort"]:
        ignored.append(str(_("Unknown sort order ignored.")))
    q = read_values["q"]
    return SearchParams(
        q=q,
        terms=tuple(search_terms(q)),
        facets={name: read_values[name] for name in MULTI_VALUED if read_values[name]},
        year_from=year_from,
        year_to=year_to,
        sort=read_values["sort"],
        like_mine=read_values["like"] == LIKE_MINE,
        verified_recently=read_values["verified"] == VERIFIED_RECENTLY,
        page=read_values["page"],
        ignored=tuple(ignored),
    )
