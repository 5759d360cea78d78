"""Collaborators: invitations by email, accepting them, roles, removals, ownership."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from factories import MemberFactory, PlanFactory
from factories.transpositions import invite, plan_form_data

from transpositions.models import Collaborator, Invitation, PlanChange

pytestmark = pytest.mark.django_db


def plan_url(plan, suffix=""):
    return f"/fr/transpositions/plan/{plan.pk}/{suffix}"


def invitation_link(message) -> str:
    return re.search(r"https?://\S+(/[a-z]{2}/transpositions/invitation/\S+/)", message.body).group(1)


@pytest.fixture
def send_invitation(django_capture_on_commit_callbacks):
    def send(client, plan, owner, email, role="editor"):
        client.force_login(owner.user)
        with django_capture_on_commit_callbacks(execute=True):  # the email is queued after commit
            response = client.post(plan_url(plan, "invite/"), {"email": email, "role": role})
        assert response.status_code == 302
        return invitation_link(mail.outbox[-1])

    return send


def test_an_invitation_is_emailed_in_the_invitees_language_and_accepted(
    client, send_invitation, practice, owner, colleague
):
    plan = PlanFactory(member=owner, practice=practice)

    link = send_invitation(client, plan, owner, colleague.user.email.upper())

    invitation = Invitation.objects.get()
    assert "invites you" in mail.outbox[0].subject and plan.title in mail.outbox[0].body  # Paul reads English
    assert invitation.token_hash not in link and len(invitation.token_hash) == 64
    client.force_login(colleague.user)
    assert "Join the plan" in client.get(link.replace("/fr/", "/en/")).text
    assert client.post(link).status_code == 302
    assert Collaborator.objects.get(plan=plan, member=colleague).role == Collaborator.Role.EDITOR
    assert client.get(plan_url(plan)).status_code == 200
    assert client.post(link).status_code == 410  # used
    kinds = list(plan.changes.values_list("kind", flat=True))
    assert PlanChange.Kind.INVITED in kinds and PlanChange.Kind.JOINED in kinds


def test_the_secret_is_in_the_email_only_never_in_the_queued_task(
    client, send_invitation, enqueued, practice, owner, colleague
):
    plan = PlanFactory(member=owner, practice=practice)
    link = send_invitation(client, plan, owner, colleague.user.email)

    secret = link.rstrip("/").rsplit("/", 1)[-1]
    [task] = [result for result in enqueued if result.task.name == "send_invitation"]
    assert secret not in repr(task.args) + repr(task.kwargs)
    assert list(task.args) == [Invitation.objects.get(plan=plan).pk]


def test_a_non_member_is_invited_in_the_inviters_language(client, send_invitation, practice, owner):
    plan = PlanFactory(member=owner, practice=practice)
    send_invitation(client, plan, owner, "nouvelle@mairie.fr")
    assert "vous invite" in mail.outbox[0].subject


def test_invitation_links_refuse_the_wrong_person_forgeries_and_old_links(
    client, send_invitation, practice, owner, colleague
):
    plan = PlanFactory(member=owner, practice=practice)
    link = send_invitation(client, plan, owner, colleague.user.email)
    client.logout()

    assert client.get(link).status_code == 302  # sign in first
    client.force_login(MemberFactory().user)
    wrong = client.get(link)
    assert wrong.status_code == 403 and "another email address" in wrong.text and plan.title not in wrong.text
    client.force_login(colleague.user)
    assert client.get("/fr/transpositions/invitation/forged-secret/").status_code == 404
    Invitation.objects.update(created_at=Invitation.objects.get().created_at - timedelta(days=31))
    expired = client.post(link)
    assert expired.status_code == 410 and not Collaborator.objects.filter(member=colleague).exists()


def test_the_owner_changes_roles_and_a_removed_collaborator_loses_access_at_once(client, practice, owner, colleague):
    plan = PlanFactory(member=owner, practice=practice)
    joined = invite(plan, colleague, Collaborator.Role.EDITOR)
    client.force_login(owner.user)

    client.post(plan_url(plan, f"collaborator/{joined.pk}/"), {"action": "role", "role": "reader"})
    joined.refresh_from_db()
    assert joined.role == Collaborator.Role.READER
    client.post(plan_url(plan, f"collaborator/{joined.pk}/"), {"action": "remove"})

    client.force_login(colleague.user)
    assert client.get(plan_url(plan)).status_code == 404
    details = " ".join(plan.changes.values_list("detail", flat=True))
    assert "Paul Colleague" in details and {"role", "removed"} <= set(plan.changes.values_list("kind", flat=True))


def test_only_the_owner_manages_collaborators(client, practice, owner, colleague):
    plan = PlanFactory(member=owner, practice=practice)
    invite(plan, colleague, Collaborator.Role.EDITOR)
    mine = Collaborator.objects.get(plan=plan, member=owner)
    client.force_login(colleague.user)

    assert client.post(plan_url(plan, "invite/"), {"email": "x@y.fr", "role": "editor"}).status_code == 403
    assert client.post(plan_url(plan, f"collaborator/{mine.pk}/"), {"action": "remove"}).status_code == 403
    assert Collaborator.objects.filter(plan=plan).count() == 2 and not Invitation.objects.exists()


def test_the_owner_passes_ownership_before_leaving(client, practice, owner, colleague):
    plan = PlanFactory(member=owner, practice=practice)
    joined = invite(plan, colleague, Collaborator.Role.READER)
    mine = Collaborator.objects.get(plan=plan, member=owner)
    client.force_login(owner.user)

    client.post(plan_url(plan, f"collaborator/{mine.pk}/"), {"action": "remove"})
    client.post(plan_url(plan, "leave/"))
    assert Collaborator.objects.get(pk=mine.pk).role == Collaborator.Role.OWNER
    client.post(plan_url(plan, f"collaborator/{joined.pk}/"), {"action": "owner"})
    assert Collaborator.objects.get(pk=joined.pk).role == Collaborator.Role.OWNER
    assert Collaborator.objects.get(pk=mine.pk).role == Collaborator.Role.EDITOR
    assert client.post(plan_url(plan, "leave/")).status_code == 302
    assert client.get(plan_url(plan)).status_code == 404


def test_a_pending_invitation_is_revoked(client, send_invitation, practice, owner, colleague):
    plan = PlanFactory(member=owner, practice=practice)
    link = send_invitation(client, plan, owner, colleague.user.email)
    invitation = Invitation.objects.get()

    assert colleague.user.email in client.get(plan_url(plan)).text
    client.post(plan_url(plan, f"invitation/{invitation.pk}/revoke/"))
    client.force_login(colleague.user)
    assert client.post(link).status_code == 404
    assert not Collaborator.objects.filter(member=colleague).exists()


def test_a_reader_sees_everything_but_cannot_edit(client, practice, owner, colleague):
    plan = PlanFactory(member=owner, practice=practice, notes="Nos notes")
    invite(plan, colleague, Collaborator.Role.READER)
    client.force_login(colleague.user)

    page = client.get(plan_url(plan))
    assert page.status_code == 200 and "Nos notes" in page.text and "Aller vers les habitants" in page.text
    assert 'name="version"' not in page.text and colleague.user.email not in page.text
    refused = client.post(plan_url(plan), plan_form_data(plan, notes="Effacé"))
    assert refused.status_code == 403
    plan.refresh_from_db()
    assert plan.notes == "Nos notes" and plan.version == 1
    assert client.post(plan_url(plan, "competence/")).status_code == 403


def test_a_member_sends_a_limited_number_of_invitations_a_day(client, practice, owner, settings):
    settings.PRAXIS_PLAN_INVITATIONS_PER_DAY = 2
    plan = PlanFactory(member=owner, practice=practice)
    client.force_login(owner.user)
    for number in range(2):
        client.post(plan_url(plan, "invite/"), {"email": f"n{number}@mairie.fr", "role": "reader"})

    refused = client.post(plan_url(plan, "invite/"), {"email": "n3@mairie.fr", "role": "reader"})

    assert refused.status_code == 429 and 'role="alert"' in refused.text
    assert Invitation.objects.count() == 2
