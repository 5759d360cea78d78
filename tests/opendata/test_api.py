"""The public API at /api/v2/: live public pages only, no contact emails, filters, clean 400/404."""

import pytest
from factories import LabPageFactory, MethodFactory, PolicyAreaFactory, PracticePageFactory
from wagtail.models import Collection, CollectionViewRestriction, Locale, PageViewRestriction

from praxis.services.site_setup import ensure_translation

PRACTICES = "/api/v2/pages/?type=practices.PracticePage"


@pytest.fixture
def catalogue(home):
    """A lab, two public practices (one translated), a draft, a private one, a practice under a private lab."""
    housing = PolicyAreaFactory(slug="habitat-api", name="Habitat")
    mobility = PolicyAreaFactory(slug="mobilite-api", name="Mobilité")
    method = MethodFactory(slug="prototypage-api")
    lab = LabPageFactory(slug="lab-api", contact_email="lab@example.org", methods=[method])
    housing_practice = PracticePageFactory(
        parent=lab, title="Logement", contact_email="secret@example.org", policy_areas=[housing], labs=[lab]
    )
    mobility_practice = PracticePageFactory(parent=lab, title="Mobilité", policy_areas=[mobility], methods=[method])
    english = ensure_translation(housing_practice, Locale.objects.get(language_code="en"))
    draft = PracticePageFactory(parent=lab, title="Brouillon", policy_areas=[housing], live=False)
    private = PracticePageFactory(parent=lab, title="Réservée", policy_areas=[housing])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    private_lab = LabPageFactory(slug="lab-prive")
    PageViewRestriction.objects.create(page=private_lab, restriction_type=PageViewRestriction.LOGIN)
    hidden = PracticePageFactory(parent=private_lab, title="Sous un lab privé", policy_areas=[housing])
    return {
        "lab": lab,
        "housing": housing_practice,
        "mobility": mobility_practice,
        "english": english,
        "draft": draft,
        "private": private,
        "hidden": hidden,
    }


def titles(response):
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def test_listing_serves_live_public_practices_only(client, catalogue):
    assert titles(client.get(PRACTICES + "&locale=fr")) == ["Logement", "Mobilité"]


def test_signed_in_editors_get_the_same_public_answers(client, catalogue, superuser):
    client.force_login(superuser)
    assert titles(client.get(PRACTICES + "&locale=fr")) == ["Logement", "Mobilité"]


def test_detail_of_a_draft_or_private_page_is_404(client, catalogue):
    for key in ("draft", "private", "hidden"):
        response = client.get(f"/api/v2/pages/{catalogue[key].pk}/")
        assert response.status_code == 404, key
        assert response.json() == {"message": "No Page matches the given query."}


def test_detail_has_practice_fields_but_never_the_contact_email(client, catalogue):
    response = client.get(f"/api/v2/pages/{catalogue['housing'].pk}/")

    assert response.status_code == 200
    data = response.json()
    assert data["summary"] == catalogue["housing"].summary
    assert data["policy_areas"] == [{"slug": "habitat-api", "name": "Habitat"}]
    assert data["labs"][0]["slug"] == "lab-api"
    assert data["country"] == "FR"
    assert data["meta"]["locale"] == "fr"
    assert "contact_email" not in data
    assert "secret@example.org" not in response.content.decode()


def test_all_fields_of_labs_never_include_the_contact_email(client, catalogue):
    response = client.get("/api/v2/pages/?type=labs.LabPage&fields=*")

    assert response.status_code == 200
    public_lab = next(item for item in response.json()["items"] if item["id"] == catalogue["lab"].pk)
    assert public_lab["methods"][0]["slug"] == "prototypage-api"
    assert "contact_email" not in public_lab
    assert "lab@example.org" not in response.content.decode()
    assert client.get("/api/v2/pages/?type=labs.LabPage&fields=contact_email").status_code == 400


def test_english_terms_are_labelled_in_english(client, catalogue):
    response = client.get(f"/api/v2/pages/{catalogue['english'].pk}/")

    assert response.json()["policy_areas"] == [{"slug": "habitat-api", "name": "EN Habitat"}]


def test_taxonomy_filters(client, catalogue):
    assert titles(client.get(PRACTICES + "&locale=fr&policy_area=habitat-api")) == ["Logement"]
    assert titles(client.get(PRACTICES + "&locale=fr&policy_area=habitat-api,mobilite-api")) == ["Logement", "Mobilité"]
    assert titles(client.get(PRACTICES + "&method=prototypage-api")) == ["Mobilité"]
    assert titles(client.get("/api/v2/pages/?locale=fr&method=prototypage-api")) == sorted(
        [catalogue["lab"].title, "Mobilité"]
    )


def test_locale_filter(client, catalogue):
    assert titles(client.get(PRACTICES + "&locale=en")) == [catalogue["english"].title]


BAD_QUERIES = [
    "&policy_area=astrophysique",
    "&policy_area=",
    "&locale=xx",
    "&start_year=abc",
    "&latitude=north",
    "&last_verified=yesterday",
    "&policy_areas=abc",
    "&key_figures=1",
    "&colour=blue",
    "&limit=abc",
    "&order=contact_email",
    "&fields=contact_email",
]


def test_bad_filters_are_400_with_a_message(client, catalogue):
    for query in BAD_QUERIES:
        response = client.get(PRACTICES + query)
        assert response.status_code == 400, query
        assert response.json()["message"], query


def test_bad_ids_are_400_or_404(client, catalogue):
    assert client.get("/api/v2/pages/999999/").status_code == 404
    assert client.get("/api/v2/pages/find/?id=abc").status_code == 400
    assert client.get("/api/v2/pages/abc/").status_code == 404
    assert client.get("/api/v2/nowhere/").json()["message"].startswith("not found")
    assert client.get("/api/v2/pages/?type=nothing.Nowhere").status_code == 400
    assert client.get(f"/api/v2/pages/?child_of={catalogue['hidden'].pk}").status_code == 400


def test_images_and_documents_in_restricted_collections_are_hidden(client, home):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    root = Collection.get_first_root_node()
    private = root.add_child(name="Interne")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document_model = get_document_model()
    document_model.objects.create(title="Délibération publique", file=ContentFile(b"x", name="public.txt"))
    document_model.objects.create(title="Note interne", file=ContentFile(b"x", name="interne.txt"), collection=private)

    assert titles(client.get("/api/v2/documents/")) == ["Délibération publique"]
    assert client.get("/api/v2/images/").status_code == 200
