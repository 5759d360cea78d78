"""The search page over real HTTP requests: matching, facets, sorting, pagination,
languages and privacy (SQLite and PostgreSQL)."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from practices.models import PracticePage
from praxis.visibility import best_translations
from search.services import engine
from taxonomy.models import Instrument, PolicyArea


def titles(response) -> list[str]:
    return [practice.title for practice in response.context["search"].results]


def facet(response, name):
    return next(group for group in response.context["search"].facets if group.name == name)


def value(response, name, value_id):
    group = facet(response, name)
    return next(item for item in [*group.values, *group.more] if item.value == str(value_id))


@pytest.fixture
def search(client, catalogue):
    """``search(language="fr", headers=None, **params)``: the search page's response (a 200)."""

    def get(language="fr", headers=None, **params):
        response = client.get(f"/{language}/search/", params, headers=headers or {})
        assert response.status_code == 200
        return response

    return get


# Matching


def test_accents_and_case_do_not_matter(search):
    found = titles(search(q="SANTE"))
    assert "Maison de santé rurale à Aurillac" in found
    assert "Hôpitaux : accueillir les urgences autrement" in found


def test_plural_finds_singular(search):
    assert titles(search(q="médiathèques")) == ["Médiathèque troisième lieu à Rennes"]
    assert "Hôpitaux : accueillir les urgences autrement" in titles(search(q="hôpital"))


def test_all_words_must_match(search):
    assert titles(search(q="santé Aurillac")) == ["Maison de santé rurale à Aurillac"]


def test_query_terms_are_highlighted_and_escaped(search):
    content = search(q="médiathèques").content.decode()
    assert "<mark>Médiathèque</mark> troisième lieu" in content
    content = search(q="<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in content


def test_labs_are_found_after_the_practices(search, catalogue):
    response = search(q="Gironde")
    assert [lab.title for lab in response.context["search"].labs] == [catalogue.gironde.title]
    content = response.content.decode()
    assert content.index('id="search-results-title"') < content.index('id="search-labs-title"')


def test_labs_are_found_by_country_name_in_any_language(search):
    for query in ("Danemark", "Denmark"):
        assert "MindLab" in [lab.title for lab in search(q=query).context["search"].labs], query


# Privacy and languages


def test_drafts_and_restricted_pages_never_appear(search, catalogue):
    response = search(q="santé")
    found = titles(response)
    assert catalogue.draft.title not in found
    assert catalogue.restricted.title not in found
    assert "secret" not in response.content.decode()
    assert "réservée" not in response.content.decode()
    health = PolicyArea.objects.get(slug="sante-hopitaux")
    # Aurillac, the hospital and the Leeds practice (untranslated English original)
    assert value(search(), "policy_area", "sante-hopitaux").count == 3, health


def test_one_result_per_practice_in_the_readers_language(search):
    assert titles(search(q="urgences")) == ["Hôpitaux : accueillir les urgences autrement"]
    assert titles(search("en", q="emergency")) == ["Hospitals: a new welcome in emergency departments"]


def test_a_translated_practice_is_found_by_the_text_of_the_readers_version(search):
    # The French version does not say "emergency departments": the English one is not
    # shown to a French reader instead (one group, one version).
    assert titles(search("fr", q="emergency departments")) == []
    assert titles(search("en", q="emergency departments")) == ["Hospitals: a new welcome in emergency departments"]


def test_untranslated_practices_appear_marked_with_their_language(search):
    response = search("fr", q="Leeds")
    assert titles(response) == ["Community health workers in Leeds"]
    content = response.content.decode()
    assert re.search(r'class="search-result__passage" lang="en"', content)
    assert "badge--language" in content
    english = search("en", q="Leeds").content.decode()
    assert 'class="search-result__passage">' in english  # its own language: no mark
    assert "badge--language" not in english


def test_only_own_language_on_request(search):
    found = titles(search("en", own_language="1"))
    assert set(found) == {"Hospitals: a new welcome in emergency departments", "Community health workers in Leeds"}


# Facets


def test_facet_counts_equal_orm_counts(search, catalogue):
    response = search()
    readable = best_translations(PracticePage.objects.live().public(), catalogue.french)
    for group_name, relation in [("policy_area", "policy_areas"), ("territory_type", "territory_types")]:
        for item in facet(response, group_name).values:
            expected = readable.filter(**{f"{relation}__slug": item.value}).distinct().count()
            assert item.count == expected, f"{group_name}={item.value}"
    for item in facet(response, "stage").values:
        assert item.count == readable.filter(lifecycle_stage=item.value).count(), item.value
    for item in facet(response, "country").values:
        assert item.count == readable.filter(country=item.value).count(), item.value


def test_values_within_a_facet_are_ored_and_facets_anded(search, catalogue):
    either = titles(search(policy_area=["culture-bibliotheques", "logement"]))
    assert set(either) == {catalogue.library.title, catalogue.renovation.title}
    both = titles(search(policy_area=["culture-bibliotheques", "logement"], country="DK"))
    assert both == [catalogue.renovation.title]


def test_a_facet_counts_what_choosing_each_of_its_values_would_give(search, catalogue):
    response = search(policy_area="sante-hopitaux", country="DK")
    assert titles(response) == [catalogue.hospital.title]
    # Other countries still counted with the policy area applied (not the country).
    assert value(response, "country", "FR").count == 1
    assert value(response, "country", "GB").count == 1
    # Other policy areas counted with the country applied (not the policy area).
    assert value(response, "policy_area", "logement").count == 1
    assert value(response, "policy_area", "sante-hopitaux").selected


def test_results_are_listed_when_a_vocabulary_is_empty(search):
    PracticePage.instruments.through.objects.all().delete()
    Instrument.objects.all().delete()
    response = search()
    assert response.context["search"].total > 0
    assert len(titles(response)) == response.context["search"].total


def test_values_without_results_stay_visible_and_marked(search):
    response = search()
    empty = value(response, "policy_area", "rh-management")
    assert empty.count == 0
    assert "facet-value--empty" in response.content.decode()
    assert "RH et management" in response.content.decode()


def test_lab_facet_merges_translations_and_filters(search, catalogue):
    response = search(lab=catalogue.gironde.pk)
    # Leeds is linked to the lab's English page: the same lab.
    assert set(titles(response)) == {catalogue.health.title, catalogue.library.title, catalogue.leeds.title}
    assert value(response, "lab", catalogue.gironde.pk).count == 3
    assert value(response, "lab", catalogue.gironde.pk).selected
    english = search("en", lab=catalogue.gironde_en.pk)  # the English lab page's id works too
    assert "Community health workers in Leeds" in titles(english)


def test_year_range(search, catalogue):
    found = titles(search(year_from=2015, year_to=2019))
    assert set(found) == {catalogue.health.title, catalogue.library.title, catalogue.leeds.title}
    swapped = titles(search(year_from=2019, year_to=2015))
    assert set(swapped) == set(found)


def test_budget_evidence_competence_stage(search, catalogue):
    assert titles(search(budget="gt1m")) == [catalogue.renovation.title]
    assert titles(search(evidence="external")) == [catalogue.health.title]
    assert titles(search(competence="commune")) == [catalogue.health.title]
    assert titles(search(stage="scaled")) == [catalogue.library.title]


# Sorting and pagination


def test_sorts(search, catalogue):
    by_title = titles(search(sort="title"))
    assert by_title == sorted(by_title, key=lambda title: title.lower().replace("é", "e").replace("ô", "o"))
    verified = titles(search(sort="verified"))
    assert verified[:3] == [catalogue.hospital.title, catalogue.health.title, catalogue.library.title]
    newest = titles(search(sort="newest"))
    assert newest[0] == catalogue.leeds.title


def test_relevance_is_the_default_with_words(search):
    assert search(q="santé").context["params"].effective_sort == "relevance"
    assert search().context["params"].effective_sort == "newest"


def test_pagination_links_keep_the_query(search, client, monkeypatch):
    monkeypatch.setattr(engine, "PER_PAGE", 2)
    first = search(q="santé", policy_area="sante-hopitaux")
    assert first.context["search"].total == 3
    next_link = re.search(r'href="\?([^"]+)" rel="next"', first.content.decode()).group(1)
    query = parse_qs(next_link.replace("&amp;", "&"))
    assert query == {"q": ["santé"], "policy_area": ["sante-hopitaux"], "page": ["2"]}
    second = client.get("/fr/search/?" + next_link.replace("&amp;", "&"))
    assert len(second.context["search"].results) == 1
    assert not set(titles(first)) & set(titles(second))


def test_pagination_links_keep_the_language_toggle(search, monkeypatch):
    monkeypatch.setattr(engine, "PER_PAGE", 1)
    first = search("en", own_language="1")
    assert first.context["search"].total == 2
    next_link = re.search(r'href="\?([^"]+)" rel="next"', first.content.decode()).group(1)
    assert parse_qs(next_link.replace("&amp;", "&")) == {"own_language": ["1"], "page": ["2"]}
    second = search("en", own_language="1", page="2")
    previous = re.search(r'href="\?([^"]*)" rel="prev"', second.content.decode()).group(1)
    assert parse_qs(previous.replace("&amp;", "&")) == {"own_language": ["1"]}
    assert set(titles(first) + titles(second)) == {
        "Hospitals: a new welcome in emergency departments",
        "Community health workers in Leeds",
    }


def test_pagination_links_carry_the_canonical_search_not_empty_fields(search, monkeypatch):
    """A plain GET form sends its empty fields; the next page carries the search as
    understood (``SearchParams.querydict``), not the raw query string."""
    monkeypatch.setattr(engine, "PER_PAGE", 1)
    first = search("en", own_language="1", year_from="", year_to="", sort="")
    next_link = re.search(r'href="\?([^"]+)" rel="next"', first.content.decode()).group(1)
    assert parse_qs(next_link.replace("&amp;", "&")) == {"own_language": ["1"], "page": ["2"]}


# Without and with JavaScript


def test_works_as_a_plain_get_form(search):
    content = search().content.decode()
    assert 'method="get"' in content
    assert 'name="policy_area" value="sante-hopitaux"' in content
    assert 'type="submit"' in content


def test_partial_responses_for_live_updates(search):
    response = search(q="santé", headers={"X-Praxis-Partial": "1"})
    content = response.content.decode()
    assert "<html" not in content
    assert 'id="search-results-title"' in content
    assert "X-Praxis-Partial" in response["Vary"]


def test_follow_and_export_links_carry_the_search(search):
    content = search(q="santé", country="FR").content.decode()
    feed = re.search(r'href="(/fr/search/feed/atom/\?[^"]+)"', content).group(1)
    assert parse_qs(urlparse(feed.replace("&amp;", "&")).query) == {"q": ["santé"], "country": ["FR"]}
