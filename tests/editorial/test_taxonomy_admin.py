"""The vocabularies in the admin: listed, searched, created, edited; protected; team only."""

import html as html_lib

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import translation
from factories import LabPageFactory, MethodFactory, PolicyAreaFactory, PracticePageFactory
from factories.editorial import in_english

from taxonomy.models import Method, PolicyArea

pytestmark = pytest.mark.django_db


def url(name, *args, model="policyarea", app="taxonomy"):
    return reverse(f"wagtailsnippets_{app}_{model}:{name}", args=args)


def term_data(**changes):
    return {
        "name": "Alimentation durable",
        "slug": "",
        "description": "Restauration collective, circuits courts.",
        "name_en": "Sustainable food",
        "description_en": "School canteens, short supply chains.",
        "parent": "",
        "sort_order": "5",
        **changes,
    }


@pytest.fixture
def team_client(client, reviewer):
    in_english(reviewer)
    client.force_login(reviewer)
    return client


def text(response):
    return html_lib.unescape(response.content.decode())


def test_listing_ordered_by_sort_order_with_labels_and_counts(team_client):
    second = PolicyAreaFactory(name="Zzz second", slug="zzz-second", sort_order=902)
    first = PolicyAreaFactory(name="Zzz first", slug="zzz-first", sort_order=901, parent=second)
    PracticePageFactory(policy_areas=[first])
    page = text(team_client.get(url("list") + "?q=zzz"))
    assert page.index("Zzz second") > page.index("Zzz first")  # by order, not by name
    assert "EN Zzz first" in page  # the English label column
    row = page[page.index("Zzz first") :][:3000]
    assert "Zzz second" in row  # parent column
    assert ">1<" in row.replace(" ", "").replace("\n", "")  # one practice


def test_search_finds_terms_by_any_language(team_client):
    PolicyAreaFactory(name="Logement", slug="logement-test", translations={"en": {"name": "Housing-xyz"}})
    assert "Logement" in text(team_client.get(url("list") + "?q=Housing-xyz"))
    assert "Logement" not in text(team_client.get(url("list") + "?q=nothing-like-it"))


def test_every_vocabulary_is_in_the_taxonomies_menu(team_client):
    dashboard = text(team_client.get(reverse("wagtailadmin_home")))
    assert "Taxonomies" in dashboard
    for model in ("policyarea", "territorytype", "instrument", "method"):
        assert team_client.get(url("list", model=model)).status_code == 200


def test_create_with_slug_made_from_the_name(team_client):
    response = team_client.post(url("add"), term_data(name="Rénovation des écoles"))
    assert response.status_code == 302, text(response)[:3000]
    term = PolicyArea.objects.get(slug="renovation-des-ecoles")
    assert term.name == "Rénovation des écoles"
    assert term.translations["en"] == {
        "name": "Sustainable food",
        "description": "School canteens, short supply chains.",
    }
    assert term.label("en") == "Sustainable food"


def test_taken_slug_is_a_clear_form_error(team_client):
    PolicyAreaFactory(name="Culture", slug="culture-test")
    response = team_client.post(url("add"), term_data(name="Autre", slug="culture-test"))
    assert response.status_code == 200
    assert "The slug “culture-test” is already used by the term “Culture”. Choose another one." in text(response)
    assert PolicyArea.objects.filter(slug="culture-test").count() == 1
    # The same when the slug is made from a name already used.
    response = team_client.post(url("add"), term_data(name="Culture test"))
    assert "already used by the term “Culture”" in text(response)


def test_edit_keeps_the_term_and_updates_its_labels(team_client):
    term = PolicyAreaFactory(name="Mobilité", slug="mobilite-test")
    response = team_client.post(
        url("edit", term.pk), term_data(name="Mobilité", slug="mobilite-test", name_en="Mobility", description_en="")
    )
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.label("en") == "Mobility"
    assert team_client.get(url("edit", term.pk)).status_code == 200


def test_a_term_cannot_descend_from_itself(team_client):
    parent = PolicyAreaFactory(name="Social", slug="social-test")
    child = PolicyAreaFactory(name="Petite enfance", slug="petite-enfance-test", parent=parent)
    response = team_client.post(url("edit", parent.pk), term_data(name="Social", slug="social-test", parent=child.pk))
    assert response.status_code == 200
    assert "A term cannot be its own parent or ancestor." in text(response)
    parent.refresh_from_db()
    assert parent.parent is None


def test_deleting_a_term_in_use_is_refused_with_the_reason(team_client):
    term = PolicyAreaFactory(name="Santé", slug="sante-test")
    practice = PracticePageFactory(policy_areas=[term])
    response = team_client.post(url("delete", term.pk))
    assert response.status_code == 302
    assert PolicyArea.objects.filter(pk=term.pk).exists()
    assert list(practice.policy_areas.all()) == [term]
    page = text(team_client.get(response["Location"]))
    assert "“Santé” cannot be deleted: it still classifies 1 practice. Remove it from them first." in page


def test_bulk_deletion_of_a_term_in_use_is_refused(team_client):
    used = PolicyAreaFactory(name="Emploi", slug="emploi-test")
    unused = PolicyAreaFactory(name="Inutile", slug="inutile-test")
    PracticePageFactory(policy_areas=[used])
    bulk_url = reverse("wagtail_bulk_action", args=["taxonomy", "policyarea", "delete"])
    response = team_client.post(f"{bulk_url}?id={used.pk}&id={unused.pk}")
    assert response.status_code == 302
    assert PolicyArea.objects.filter(pk__in=[used.pk, unused.pk]).count() == 2


def test_unused_term_is_deleted(team_client):
    term = PolicyAreaFactory(name="Inutile", slug="inutile-test")
    response = team_client.post(url("delete", term.pk))
    assert response.status_code == 302
    assert not PolicyArea.objects.filter(pk=term.pk).exists()


def test_a_method_used_by_a_lab_is_protected_everywhere(home):
    method = MethodFactory(name="Ethnographie", slug="ethnographie-test")
    LabPageFactory(methods=[method])
    with translation.override("en"), pytest.raises(ProtectedError, match="still classifies 1 lab"):
        method.delete()
    with pytest.raises(ProtectedError):
        Method.objects.filter(pk=method.pk).delete()
    assert Method.objects.filter(pk=method.pk).exists()


def test_lab_editors_cannot_manage_vocabularies(client, editor_a):
    client.force_login(editor_a)
    assert "Taxonomies" not in text(client.get(reverse("wagtailadmin_home")))
    for response in (
        client.get(url("list")),
        client.get(url("add")),
        client.post(url("add"), term_data(name="Intrusion")),
    ):
        assert response.status_code == 403
        assert "Location" not in response
    assert not PolicyArea.objects.filter(name="Intrusion").exists()
    term = PolicyAreaFactory(name="À garder", slug="a-garder")
    assert client.get(url("edit", term.pk)).status_code == 403
    assert client.post(url("edit", term.pk), term_data(name="Renommé")).status_code == 403
    assert client.post(url("delete", term.pk)).status_code == 403
    term.refresh_from_db()
    assert term.name == "À garder"
