"""Selections: named lists of practices, from the practice page and the search results, and
their PDF dossier (live, public practices only)."""

import io

import pytest
from factories import MemberFactory
from pypdf import PdfReader

from alerts.models import Selection, SelectionItem

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def signed_in(client, member):
    client.force_login(member.user)
    return client


def test_a_practice_goes_into_a_new_selection_from_its_page(signed_in, member, publish):
    practice = publish(title="Bus des services publics")
    html = signed_in.get(practice.url).content.decode()
    assert 'name="new_selection"' in html

    response = signed_in.post("/fr/alerts/selections/add/", {"page": practice.pk, "new_selection": "Comité mobilité"})

    assert response.status_code == 302
    selection = Selection.objects.get(member=member)
    assert selection.name == "Comité mobilité"
    assert list(selection.items.values_list("page_id", flat=True)) == [practice.pk]
    html = signed_in.get(f"/fr/alerts/selections/{selection.pk}/").content.decode()
    assert "Bus des services publics" in html and "dossier.pdf" in html


def test_practices_are_added_from_the_search_results(signed_in, member, publish, area):
    first = publish(title="Ludothèque mobile", policy_areas=[area])
    selection = Selection.objects.create(member=member, name="Lecture")
    html = signed_in.get("/fr/search/", {"policy_area": "lecture-publique"}).content.decode()
    assert f'form="selection-add" name="page" value="{first.pk}"' in html
    assert f'<option value="{selection.pk}">Lecture</option>' in html

    next_url = "/fr/search/?policy_area=lecture-publique"
    response = signed_in.post(
        "/fr/alerts/selections/add/", {"page": first.pk, "selection": selection.pk, "next": next_url}
    )

    assert response.status_code == 302 and response["Location"] == next_url
    assert selection.items.count() == 1


def test_remove_rename_delete(signed_in, member, publish):
    practice = publish(title="Bus")
    selection = Selection.objects.create(member=member, name="Lecture")
    SelectionItem.objects.create(selection=selection, page=practice)
    signed_in.post(f"/fr/alerts/selections/{selection.pk}/remove/", {"page": practice.pk})
    assert not selection.items.exists()
    signed_in.post(f"/fr/alerts/selections/{selection.pk}/", {"name": "Lecture publique"})
    selection.refresh_from_db()
    assert selection.name == "Lecture publique"
    assert signed_in.post(f"/fr/alerts/selections/{selection.pk}/", {"name": "  "}).status_code == 400
    signed_in.post(f"/fr/alerts/selections/{selection.pk}/delete/")
    assert not Selection.objects.exists()


def test_the_dossier_has_only_live_public_practices(signed_in, member, publish, republish):
    kept = publish(title="Carte culture jeunes")
    withdrawn = publish(title="Pratique retirée depuis")
    selection = Selection.objects.create(member=member, name="Comité")
    for practice in (kept, withdrawn):
        SelectionItem.objects.create(selection=selection, page=practice)
    withdrawn.unpublish()

    response = signed_in.get(f"/fr/alerts/selections/{selection.pk}/dossier.pdf", follow=True)

    assert [url.split("/")[3] for url, _status in response.redirect_chain] == ["dossier", "dossier"]
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(response.streaming_content))
    assert "Carte culture jeunes" in text
    assert "retirée" not in text
    assert "retirée" not in signed_in.get(f"/fr/alerts/selections/{selection.pk}/").content.decode()


def test_drafts_and_other_members_selections_are_refused(signed_in, member, publish):
    draft = publish(live=False)
    mine = Selection.objects.create(member=member, name="À moi")
    theirs = Selection.objects.create(member=MemberFactory(), name="Pas à moi")
    live = publish()
    assert signed_in.post("/fr/alerts/selections/add/", {"page": draft.pk, "selection": mine.pk}).status_code == 404
    assert signed_in.post("/fr/alerts/selections/add/", {"page": "x\x00", "selection": mine.pk}).status_code == 404
    assert signed_in.post("/fr/alerts/selections/add/", {"page": live.pk, "selection": theirs.pk}).status_code == 404
    assert signed_in.post("/fr/alerts/selections/add/", {"page": live.pk, "selection": "1e9"}).status_code == 404
    assert signed_in.get(f"/fr/alerts/selections/{theirs.pk}/").status_code == 404
    assert signed_in.get(f"/fr/alerts/selections/{theirs.pk}/dossier.pdf").status_code == 404
    assert not SelectionItem.objects.exists()


@pytest.mark.parametrize("hostile", [str(10**30), "-1", "0", "\u0661", "\ue000", "1" * 5000, ""])
def test_hostile_posted_ids_are_a_404_on_both_databases(signed_in, member, publish, hostile):
    """Posted ids are read like public parameters (praxis.params): never a query with a
    value PostgreSQL would refuse, never a 500."""
    mine = Selection.objects.create(member=member, name="À moi")
    live = publish()
    assert signed_in.post("/fr/alerts/selections/add/", {"page": hostile, "selection": mine.pk}).status_code == 404
    assert signed_in.post("/fr/alerts/selections/add/", {"page": live.pk, "selection": hostile}).status_code == 404
    assert signed_in.post(f"/fr/alerts/selections/{mine.pk}/remove/", {"page": hostile}).status_code == 302
    assert not SelectionItem.objects.exists()


def test_an_external_next_is_ignored(signed_in, member, publish):
    practice = publish()
    selection = Selection.objects.create(member=member, name="Lecture")
    response = signed_in.post(
        "/fr/alerts/selections/add/", {"page": practice.pk, "selection": selection.pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == practice.url


def test_anonymous_readers_are_sent_to_sign_in(client, home):
    assert client.get("/fr/alerts/selections/").status_code == 302
