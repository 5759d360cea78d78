"""The guided submission through the Django client: steps saved as the member goes, autosave,
preview, sending to review, the workflow's emails, edits until publication."""

from django.urls import reverse
from factories import MemberFactory, SubmissionFactory
from factories.editorial import network_editor
from factories.territories import load_reference

from contributions import services
from contributions.models import Submission
from practices.models import PracticePage


def step_url(submission, slug):
    return reverse("contributions:step", args=[submission.pk, slug])


def test_a_member_goes_through_the_steps_and_resumes_where_they_left(member_client, member, editorial):
    response = member_client.post(reverse("contributions:start"))
    submission = Submission.objects.get(member=member)
    assert response.url == step_url(submission, "summary")
    page = member_client.get(response.url)
    assert "Exemple" in page.content.decode() or "Example" in page.content.decode()
    member_client.post(step_url(submission, "summary"), {"title": "Bibliothèques du dimanche", "summary": "En bref."})
    member_client.post(reverse("contributions:autosave", args=[submission.pk, "problem"]), {"problem": "Avant."})
    submission.refresh_from_db()
    assert submission.data["title"] == "Bibliothèques du dimanche"
    assert submission.data["problem"] == "Avant."
    again = member_client.get(step_url(submission, "problem")).content.decode()
    assert "Avant." in again
    assert "% filled in" in again or "% rempli" in again


def test_autosave_keeps_what_validates_and_reports_the_rest(member_client, member):
    submission = SubmissionFactory(member=member, data={})
    response = member_client.post(
        reverse("contributions:autosave", args=[submission.pk, "classification"]),
        {"start_year": "2020", "end_year": "2010"},
    )
    assert response.status_code == 200
    assert "end_year" in response.json()["errors"]
    submission.refresh_from_db()
    assert submission.data["start_year"] == 2020
    assert "end_year" not in submission.data


def test_sending_creates_a_draft_under_the_lab_in_review_and_emails_the_member(
    member_client, member, lab, mailoutbox, django_capture_on_commit_callbacks
):
    submission = SubmissionFactory(member=member)
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(reverse("contributions:preview", args=[submission.pk]), {"lab": lab.pk})
    assert response.status_code == 302
    submission.refresh_from_db()
    page = submission.page.specific
    assert page.get_parent().pk == lab.pk
    assert not page.live and page.locale.language_code == "fr"
    assert page.current_workflow_state.status == "in_progress"
    assert list(page.labs.all()) == [lab]
    assert "<p>Enquête auprès des usagers.</p>" in page.get_latest_revision_as_object().actions
    [email] = mailoutbox
    assert email.to == ["camille@mulhouse.fr"]
    assert "Bibliothèques ouvertes le dimanche" in email.subject
    assert "reçue" in email.subject  # the member's language


def test_changes_requested_edit_and_publish(member_client, member, lab, mailoutbox, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(member=member)
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(reverse("contributions:preview", args=[submission.pk]), {"lab": lab.pk})
    submission.refresh_from_db()
    editor = network_editor()
    page = submission.page
    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_task_state.specific.reject(user=editor, comment="Ajoutez un chiffre <b>clé</b>.")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.CHANGES_REQUESTED
    assert "Ajoutez un chiffre <b>clé</b>." in mailoutbox[-1].body

    member_client.post(step_url(submission, "results"), {"results": "Doublée.", "key_figures": "2 — fois plus"})
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(reverse("contributions:preview", args=[submission.pk]), {})
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == "in_progress"
    assert "Doublée." in page.get_latest_revision_as_object().results
    assert not PracticePage.objects.get(pk=page.pk).live  # nothing published before the editors approve

    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_task_state.specific.approve(user=editor)
    page.refresh_from_db()
    submission.refresh_from_db()
    assert page.live and "Doublée." in page.specific.results
    assert submission.status == Submission.Status.PUBLISHED
    assert "publiée" in mailoutbox[-1].subject
    assert page.full_url in mailoutbox[-1].body
    # Published: no more edits through the form.
    response = member_client.get(step_url(submission, "summary"))
    assert response.status_code == 302


def test_without_a_lab_the_practice_goes_to_the_network_inbox(client, editorial):
    member = MemberFactory(organisation="Commune sans lab")
    client.force_login(member.user)
    submission = SubmissionFactory(member=member)
    client.post(reverse("contributions:preview", args=[submission.pk]), {})
    submission.refresh_from_db()
    assert submission.page.get_parent().specific_class.__name__ == "PracticeIndexPage"


def test_an_english_member_submits_in_english(client, editorial, home):
    member = MemberFactory(organisation="", language="en")
    client.force_login(member.user)
    submission = SubmissionFactory(member=member)
    client.post(reverse("contributions:preview", args=[submission.pk]), {})
    submission.refresh_from_db()
    assert submission.page.locale.language_code == "en"


def test_a_coauthor_is_invited_by_email_and_can_edit(member_client, member, mailoutbox):
    colleague = MemberFactory(user__email="dominique@mulhouse.fr")
    submission = SubmissionFactory(member=member)
    member_client.post(reverse("contributions:invite", args=[submission.pk]), {"email": "Dominique@mulhouse.fr"})
    assert list(submission.coauthors.all()) == [colleague]
    assert mailoutbox[-1].to == ["dominique@mulhouse.fr"]
    member_client.force_login(colleague.user)
    assert member_client.get(step_url(submission, "summary")).status_code == 200


def test_sending_with_required_sections_missing_says_which(member_client, member, lab):
    submission = SubmissionFactory(member=member, data={"title": "Seulement un titre"})
    response = member_client.post(reverse("contributions:preview", args=[submission.pk]), {"lab": lab.pk})
    assert response.status_code == 400
    assert "summary" in response.content.decode()
    submission.refresh_from_db()
    assert submission.page is None


def test_a_territory_of_the_reference_is_linked_and_free_text_is_kept(member_client, member, lab):
    load_reference()
    submission = SubmissionFactory(member=member)
    step = reverse("contributions:step", args=[submission.pk, "territory"])
    html = member_client.get(step).content.decode()
    assert 'list="territory-suggestions"' in html and "territory.js" in html
    for typed in ["Toulouse (31555)", "31555", "toulouse"]:
        member_client.post(step, {"territory": typed, "country": "FR"})
        submission.refresh_from_db()
        practice = services.apply(submission, PracticePage())
        assert practice.reference_territory.code == "31555", typed
    member_client.post(step, {"territory": "Quartier des Coteaux", "country": "FR"})
    submission.refresh_from_db()
    member_client.post(reverse("contributions:preview", args=[submission.pk]), {"lab": lab.pk})
    submission.refresh_from_db()
    page = submission.page.specific
    assert page.reference_territory is None and page.territory_name == "Quartier des Coteaux"
