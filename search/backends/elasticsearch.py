"""Wagtail's Elasticsearch 8 backend with per-language analysis and a circuit breaker.

- Every text field gets one sub-field per enabled language, analysed with that
  language's analyser (``praxis_fr``: elision, French stop words, light French
  stemmer, accent folding; ``praxis_en``: English...). Documents carry their
  ``_language``; a plain-text query matches each document through the sub-fields of
  its own language.
- A connection error or timeout trips the breaker (``search.backends.breaker``):
  searches raise :class:`SearchUnavailable` (the discovery service then uses the
  database fallback and says results may be incomplete) and indexing calls are
  skipped instead of waiting for the timeout on every published page.
"""

import logging

from django.conf import settings
from django_countries.fields import Country
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)
from modelsearch.query import PlainText
from modelsearch.utils import deep_update

from search.backends import breaker
from search.backends.base import ScoredMatch, SearchUnavailable

logger = logging.getLogger("search.elasticsearch")
UNAVAILABLE = (TransportError, ApiError)
MAX_HITS = 10_000  # Elasticsearch's default max_result_window
WRITE_TIMEOUT = 1.0  # seconds a single page (un)indexing may wait, on the publishing path

STEMMERS = {
    "fr": "light_french",
    "en": "english",
    "de": "light_german",
    "es": "light_spanish",
    "it": "light_italian",
    "da": "danish",
    "nl": "dutch",
}
STOPWORDS = {"fr": "_french_", "en": "_english_", "de": "_german_", "es": "_spanish_", "it": "_italian_"}
STOPWORDS.update({"da": "_danish_", "nl": "_dutch_"})
FRENCH_ELISIONS = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]


def enabled_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code in STEMMERS]


def analysis_settings(languages: list[str]) -> dict:
    """Index settings with one analyser per language (``praxis_<code>``) and a folding one."""
    filters = {"praxis_fr_elision": {"type": "elision", "articles_case": True, "articles": FRENCH_ELISIONS}}
    analyzers = {"praxis_folding": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}}
    for code in languages:
        filters[f"praxis_{code}_stop"] = {"type": "stop", "stopwords": STOPWORDS[code]}
        filters[f"praxis_{code}_stemmer"] = {"type": "stemmer", "language": STEMMERS[code]}
        chain = ["lowercase", f"praxis_{code}_stop", f"praxis_{code}_stemmer", "asciifolding"]
        if code == "fr":
            chain.insert(0, "praxis_fr_elision")
        analyzers[f"praxis_{code}"] = {"type": "custom", "tokenizer": "standard", "filter": chain}
    return {"settings": {"analysis": {"filter": filters, "analyzer": analyzers}}}


_languages_by_locale: dict[int, str] = {}


def language_of(obj) -> str | None:
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    if locale_id not in _languages_by_locale:
        from wagtail.models import Locale

        _languages_by_locale.update(Locale.objects.values_list("pk", "language_code"))
    return _languages_by_locale.get(locale_id)


class PraxisElasticsearchMapping(Elasticsearch8Mapping):
    def _clean_value(self, value):
        if isinstance(value, Country):  # django-countries: index the ISO code
            return value.code or None
        return super()._clean_value(value)

    def get_mapping(self):
        mapping = super().get_mapping()
        add_language_fields(mapping["properties"], enabled_languages())
        mapping["properties"]["_language"] = {"type": "keyword"}
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        document["_language"] = language_of(obj)
        return document


def add_language_fields(properties: dict, languages: list[str]) -> None:
    """Give every analysed text field (not the autocomplete n-grams) a sub-field per language."""
    for field in properties.values():
        if field.get("type") == "nested":
            add_language_fields(field["properties"], languages)
        elif field.get("type") == "text" and "analyzer" not in field:
            field["analyzer"] = "praxis_folding"
            field["fields"] = {code: {"type": "text", "analyzer": f"praxis_{code}"} for code in languages}


class LanguageAwareQueryMixin:
    """A plain-text query matches each document through its own language's sub-fields."""

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        languages = enabled_languages()
        base = super()._compile_plaintext_query
        if not languages or any(field.field_name == "_edgengrams" for field in fields):
            return base(query, fields, boost)
        clauses = []
        for code in languages:
            language_fields = [type(field)(f"{field.field_name}.{code}", field.boost) for field in fields]
            clauses.append(
                {"bool": {"filter": [{"term": {"_language": code}}], "must": [base(query, language_fields, boost)]}}
            )
        clauses.append(
            {"bool": {"must_not": [{"terms": {"_language": languages}}], "must": [base(query, fields, boost)]}}
        )
        return {"bool": {"should": clauses, "minimum_should_match": 1}}


class PraxisSearchQueryCompiler(LanguageAwareQueryMixin, Elasticsearch8SearchQueryCompiler):
    mapping_class = PraxisElasticsearchMapping


class PraxisAutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = PraxisElasticsearchMapping


class PraxisElasticsearchIndex(Elasticsearch8Index):
    pass


class PraxisElasticsearchBackend(Elasticsearch8SearchBackend):
    mapping_class = PraxisElasticsearchMapping
    index_class = PraxisElasticsearchIndex
    query_compiler_class = PraxisSearchQueryCompiler
    autocomplete_query_compiler_class = PraxisAutocompleteQueryCompiler

    def __init__(self, params):
        params = dict(params)
        index_settings = params.pop("INDEX_SETTINGS", {}) or {}
        super().__init__(params)
        self.settings = deep_update(self.settings, analysis_settings(enabled_languages()))
        self.settings = deep_update(self.settings, index_settings)

    # Indexing: fail fast, never block publishing

    def _write(self, action: str, operation, *, short: bool):
        if breaker.is_open():
            breaker.skipped_write(action)
            return
        original = self.es
        if short:
            self.es = original.options(request_timeout=WRITE_TIMEOUT)
        try:
            operation()
        except UNAVAILABLE as error:
            breaker.trip(error, action)
            raise
        finally:
            self.es = original

    def add(self, obj):
        self._write(f"indexing {obj!r}", lambda: super(PraxisElasticsearchBackend, self).add(obj), short=True)

    def delete(self, obj):
        self._write(f"unindexing {obj!r}", lambda: super(PraxisElasticsearchBackend, self).delete(obj), short=True)

    def add_bulk(self, model, obj_list):
        self._write(
            f"indexing {model.__name__} objects",
            lambda: super(PraxisElasticsearchBackend, self).add_bulk(model, obj_list),
            short=False,
        )

    # Searching

    def match_body(self, model, terms: list[str], *, autocomplete=False, operator="and", within=None) -> dict:
        """The query Elasticsearch receives: per-language match and the filters (type, live,
        and ``within``: filters on the model's ``FilterField`` columns, such as
        ``last_verified__gte``, so that the ``MAX_HITS`` it returns all pass them)."""
        compiler_class = self.autocomplete_query_compiler_class if autocomplete else self.query_compiler_class
        queryset = model.objects.filter(live=True) if hasattr(model, "live") else model.objects.all()
        if within is not None:
            queryset = queryset.filter(within)
        compiler = compiler_class(queryset, PlainText(" ".join(terms), operator=operator), order_by_relevance=True)
        return {"query": compiler.get_query()}

    def match(self, model, terms: list[str], *, autocomplete=False, operator="and", within=None) -> ScoredMatch:
        if not terms:
            return ScoredMatch({})
        if breaker.is_open():
            raise SearchUnavailable("Elasticsearch is cooling down after a failure.")
        body = self.match_body(model, terms, autocomplete=autocomplete, operator=operator, within=within)
        try:
            response = self.es.search(
                index=self.get_index_for_model(model).name,
                size=MAX_HITS,
                source=False,
                stored_fields=["pk"],
                track_total_hits=False,
                **body,
            )
        except UNAVAILABLE as error:
            breaker.trip(error, "searching")
            raise SearchUnavailable(str(error)) from error
        return ScoredMatch({int(hit["fields"]["pk"][0]): hit["_score"] for hit in response["hits"]["hits"]})


SearchBackend = PraxisElasticsearchBackend
