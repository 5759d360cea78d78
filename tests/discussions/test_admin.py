"""The network team moderates in the Wagtail admin: lists posts (reported first), decides
with a reason, reads the log; lab editors and members have no access."""

import pytest
from django.core.management import call_command
from django.test import Client
from factories.discussions import QuestionFactory
from factories.editorial import in_english, lab_editor, network_editor

from discussions.models import ModerationEvent, Post
from discussions.services import posting


@pytest.fixture
def team_client(client, home):
    call_command("setup_editorial", verbosity=0)
    client.force_login(in_english(network_editor()))
    return client


def test_the_team_hides_a_reported_post_with_a_reason_and_the_log_shows_it(team_client, practice, asker, purged):
    question = QuestionFactory(practice=practice, body="Achetez nos logiciels !")
    posting.report(question, asker.user, "Publicité")
    listing = team_client.get("/admin/discussion_posts/")
    assert listing.status_code == 200 and "Achetez nos logiciels" in listing.content.decode()
    edit = f"/admin/discussion_posts/edit/{question.pk}/"
    form = team_client.get(edit)
    assert form.status_code == 200
    assert 'value="hidden"' in form.content.decode() and 'value="approved"' not in form.content.decode()
    refused = team_client.post(edit, {"action": "hidden", "reason": ""})
    assert refused.status_code == 200 and "Say why" in refused.content.decode()
    assert team_client.post(edit, {"action": "hidden", "reason": "Publicité"}).status_code == 302
    question.refresh_from_db()
    assert question.status == Post.Status.HIDDEN
    assert "Achetez" not in Client().get(practice.url).content.decode()
    log = team_client.get("/admin/moderation_log/").content.decode()
    assert "Publicité" in log
    assert list(question.events.values_list("action", flat=True).order_by("pk")) == ["reported", "hidden"]


def test_the_team_approves_a_held_question(team_client, practice):
    question = QuestionFactory(practice=practice, status=Post.Status.PENDING)
    response = team_client.post(f"/admin/discussion_posts/edit/{question.pk}/", {"action": "approved"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.is_public and question.published_at
    assert ModerationEvent.objects.filter(post=question, action="approved").exists()


def test_lab_editors_do_not_moderate(client, practice, lab):
    call_command("setup_editorial", verbosity=0)
    client.force_login(lab_editor(lab))
    assert client.get("/admin/discussion_posts/").status_code in (302, 403)
    assert client.get("/admin/moderation_log/").status_code in (302, 403)
