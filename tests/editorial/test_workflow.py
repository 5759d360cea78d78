"""Lab editors submit, the network editorial team approves: nothing goes live without review."""

import pytest
from django.urls import reverse
from factories import PracticePageFactory
from factories.editorial import page_form_data
from wagtail.models import Page, Workflow, WorkflowState

from practices.models import PracticePage
from praxis.services.editorial import WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def add_practice_url(parent):
    return reverse("wagtailadmin_pages:add", args=["practices", "practicepage", parent.pk])


def new_practice_data(client, parent, **changes):
    """The add form of a practice under ``parent``, filled in as an editor would."""
    html = client.get(add_practice_url(parent)).content.decode()
    fields = {
        "title": "Bibliothèque hors les murs",
        "slug": "bibliotheque-hors-les-murs",
        "summary": "Des bibliothécaires vont au-devant des habitants.",
        "territory_name": "Mulhouse",
        **changes,
    }
    return page_form_data(html, "practicepage", **fields)


def submit_new_practice(client, lab):
    data = new_practice_data(client, lab, **{"action-submit": "1"})
    response = client.post(add_practice_url(lab), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return PracticePage.objects.get(slug="bibliotheque-hors-les-murs")


def approve(client, page, action="approve"):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": ""})


def test_every_lab_page_goes_through_lab_review(lab_a):
    practice = PracticePageFactory(parent=lab_a)
    for page in (lab_a, practice, lab_a.get_parent(), Page.objects.get(pk=practice.pk)):
        assert page.get_workflow().name == WORKFLOW_NAME
    assert Workflow.objects.filter(name=WORKFLOW_NAME, active=True).count() == 1


def test_lab_editor_submits_a_new_practice_for_review(client, lab_a, editor_a):
    client.force_login(editor_a)
    practice = submit_new_practice(client, lab_a)
    assert not practice.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(practice.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    assert state.requested_by == editor_a


def test_lab_editor_cannot_publish_a_new_practice(client, lab_a, editor_a):
    client.force_login(editor_a)
    data = new_practice_data(client, lab_a, **{"action-publish": "1"})
    client.post(add_practice_url(lab_a), data)
    practice = PracticePage.objects.get(slug="bibliotheque-hors-les-murs")
    assert not practice.live
    assert practice.live_revision is None


def test_forged_publish_of_a_live_practice_only_saves_a_draft(client, lab_a, editor_a):
    practice = PracticePageFactory(parent=lab_a, title="Titre publié")
    client.force_login(editor_a)
    html = client.get(edit_url(practice)).content.decode()
    assert 'name="action-publish"' not in html  # no publish button for a lab editor
    data = page_form_data(html, "practicepage", title="Titre modifié", **{"action-publish": "1"})
    response = client.post(edit_url(practice), data)
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title == "Titre publié"  # the live page is unchanged
    assert practice.has_unpublished_changes
    assert practice.get_latest_revision_as_object().title == "Titre modifié"


def test_lab_editor_cannot_approve_their_own_submission(client, lab_a, editor_a):
    client.force_login(editor_a)
    practice = submit_new_practice(client, lab_a)
    response = approve(client, practice)
    assert response.status_code == 403
    practice.refresh_from_db()
    assert not practice.live
    assert practice.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_network_team_approves_and_the_practice_goes_live(client, lab_a, editor_a, reviewer):
    client.force_login(editor_a)
    practice = submit_new_practice(client, lab_a)
    client.force_login(reviewer)
    response = approve(client, practice)
    assert response.status_code in (200, 302)
    practice.refresh_from_db()
    assert practice.live
    assert practice.live_revision.user == editor_a
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(practice.pk))
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert client.get(practice.url).status_code == 200


def test_network_team_asks_for_changes(client, lab_a, editor_a, reviewer):
    client.force_login(editor_a)
    practice = submit_new_practice(client, lab_a)
    client.force_login(reviewer)
    approve(client, practice, action="reject")
    practice.refresh_from_db()
    assert not practice.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(practice.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_network_team_publishes_directly(client, lab_a, reviewer):
    practice = PracticePageFactory(parent=lab_a, title="Avant")
    client.force_login(reviewer)
    data = page_form_data(
        client.get(edit_url(practice)).content.decode(), "practicepage", title="Après", **{"action-publish": "1"}
    )
    assert client.post(edit_url(practice), data).status_code == 302
    practice.refresh_from_db()
    assert practice.title == "Après"
