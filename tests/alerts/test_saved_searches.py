"""Saving a search from the search page, and the member's page of saved searches."""

import pytest
from factories import MemberFactory

from alerts.models import SavedSearch

pytestmark = pytest.mark.django_db

SAVE = "/fr/alerts/searches/save/"
LIST = "/fr/alerts/searches/"


def save(client, query, name="Ma veille", alert="immediate", language="fr"):
    return client.post(f"/{language}/alerts/searches/save/", {"name": name, "query": query, "alert": alert})


def test_anonymous_readers_see_a_sign_in_link_on_the_search_page(client, home):
    html = client.get("/fr/search/", {"q": "école"}).content.decode()
    assert "/accounts/login/?next=/fr/search/%3Fq%3D" in html
    assert 'id="save-search"' not in html


def test_members_see_the_save_form_with_the_canonical_query(client, member, area):
    client.force_login(member.user)
    html = client.get("/fr/search/", {"policy_area": "lecture-publique", "q": " école ", "page": "1"}).content.decode()
    assert 'id="save-search"' in html
    assert 'name="query" value="q=%C3%A9cole&amp;policy_area=lecture-publique"' in html


def test_a_faceted_search_is_saved_as_its_canonical_query_string(client, member, area):
    client.force_login(member.user)
    response = save(client, "policy_area=lecture-publique&q=++%C3%A9cole++&page=3&stage=evaluated", language="en")
    assert response.status_code == 302 and response["Location"] == "/en/alerts/searches/"
    search = SavedSearch.objects.get(member=member)
    assert search.query == "q=%C3%A9cole&policy_area=lecture-publique&stage=evaluated"
    assert (search.language, search.alert, search.name) == ("en", "immediate", "Ma veille")


@pytest.mark.parametrize(
    "query",
    [
        "q=%00école",  # a NUL byte (PostgreSQL refuses them)
        "q=a\x00b",
        "policy_area=" + "x" * 3000,  # overlong
        "policy_area=nothing-like-this",  # a term that does not exist
        "country=ZZ",
        "stage=<script>",
        "year_from=abcd",
        "sort=evil",
        "unknown_facet=1",
        "q=ecole&__proto__=x",
    ],
)
def test_an_invalid_or_hostile_query_is_a_form_error(client, member, area, query):
    client.force_login(member.user)
    response = save(client, query)
    assert response.status_code == 400
    assert "Cette recherche ne peut pas être enregistrée" in response.content.decode()
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize("name", ["", "   ", "\x00"])
def test_a_search_needs_a_name(client, member, name):
    client.force_login(member.user)
    assert save(client, "q=ecole", name=name).status_code == 400
    assert not SavedSearch.objects.exists()


def test_anonymous_readers_are_sent_to_sign_in(client, home):
    response = save(client, "q=ecole")
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/login/?next=/fr/alerts/searches/save/"
    assert client.get(LIST).status_code == 302


def test_members_rename_choose_the_alert_and_delete(client, member, saved_search):
    search = saved_search(member, "q=ecole", name="Écoles")
    client.force_login(member.user)
    html = client.get(LIST).content.decode()
    assert "Écoles" in html and 'href="/fr/search/?q=ecole"' in html

    response = client.post(
        f"/fr/alerts/searches/{search.pk}/", {f"s{search.pk}-name": "Écoles rurales", f"s{search.pk}-alert": "weekly"}
    )
    assert response.status_code == 302
    search.refresh_from_db()
    assert (search.name, search.alert) == ("Écoles rurales", "weekly")

    response = client.post(
        f"/fr/alerts/searches/{search.pk}/", {f"s{search.pk}-name": "x", f"s{search.pk}-alert": "hourly"}
    )
    assert response.status_code == 400
    search.refresh_from_db()
    assert search.alert == "weekly"

    assert client.post(f"/fr/alerts/searches/{search.pk}/delete/").status_code == 302
    assert not SavedSearch.objects.exists()


def test_another_members_search_is_not_found(client, member, saved_search):
    search = saved_search(MemberFactory(), "q=ecole", name="Veille de quelqu'un d'autre")
    client.force_login(member.user)
    assert (
        client.post(
            f"/fr/alerts/searches/{search.pk}/", {f"s{search.pk}-name": "Mine", f"s{search.pk}-alert": "none"}
        ).status_code
        == 404
    )
    assert client.post(f"/fr/alerts/searches/{search.pk}/delete/").status_code == 404
    assert SavedSearch.objects.get(pk=search.pk).name != "Mine"
    assert "quelqu&#x27;un d&#x27;autre" not in client.get(LIST).content.decode()
