"""Following a practice: told when it is substantially updated, transposed or stopped."""

import pytest
from factories import MemberFactory, PracticePageFactory, TranspositionFactory
from wagtail.models import PageViewRestriction

from alerts.models import Follow

pytestmark = pytest.mark.django_db


@pytest.fixture
def followed(member, publish, client):
    practice = publish(
        title="Bus des services publics", results="<p>Trois cents visites par mois dans douze villages.</p>"
    )
    client.force_login(member.user)
    assert client.post(f"/fr/alerts/follow/{practice.pk}/").status_code == 302
    return practice


def test_members_follow_from_the_practice_page(client, member, publish):
    practice = publish(title="Bus des services publics")
    client.force_login(member.user)
    html = client.get(practice.url).content.decode()
    assert "Suivre cette pratique" in html or 'value="follow"' in html

    response = client.post(f"/fr/alerts/follow/{practice.pk}/", {"action": "follow"})

    assert response.status_code == 302 and response["Location"] == f"{practice.url}#member-actions"
    assert Follow.objects.filter(member=member, translation_key=practice.translation_key).exists()
    assert 'value="unfollow"' in client.get(practice.url).content.decode()
    client.post(f"/fr/alerts/follow/{practice.pk}/", {"action": "unfollow"})
    assert not Follow.objects.exists()


def test_anonymous_readers_get_a_sign_in_link(client, publish):
    practice = publish()
    html = client.get(practice.url).content.decode()
    assert f"/accounts/login/?next={practice.url}" in html
    assert client.post(f"/fr/alerts/follow/{practice.pk}/").status_code == 302
    assert not Follow.objects.exists()


def test_drafts_private_pages_and_other_pages_cannot_be_followed(client, member, publish, home):
    draft = publish(live=False)
    private = publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    client.force_login(member.user)
    for pk in (draft.pk, private.pk, home.pk, 999999):
        assert client.post(f"/fr/alerts/follow/{pk}/").status_code == 404
    assert not Follow.objects.exists()


def test_a_substantial_update_is_told_minor_edits_are_not(followed, republish, outbox):
    republish(followed, results="<p>Trois cents visites par mois dans douze villages !</p>")
    assert outbox == []

    republish(followed, results="<p>Le bus a été repris par la région et dessert maintenant quarante communes.</p>")

    [email] = outbox
    assert "Bus des services publics" in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_stopped_practice_is_told_once(followed, republish, outbox):
    republish(followed, lifecycle_stage="stopped")
    assert len(outbox) == 1
    republish(followed, summary=followed.summary + " Fin.")
    assert len(outbox) == 1


def test_a_transposition_is_told_once(followed, member, publish, republish, outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        elsewhere = PracticePageFactory(title="Bus des services publics, version Lozère")
        TranspositionFactory(practice=elsewhere, source=followed)
        elsewhere.save_revision().publish()
    assert len(outbox) == 1
    assert "version Lozère" in outbox[0].body

    republish(elsewhere, title="Bus des services publics, Lozère")
    assert len(outbox) == 1


def test_only_followers_are_told(followed, republish, outbox):
    MemberFactory()
    republish(followed, lifecycle_stage="stopped")
    assert [email.to for email in outbox] == [[followed_member_email(followed)]]


def followed_member_email(practice):
    return Follow.objects.get(translation_key=practice.translation_key).member.user.email
