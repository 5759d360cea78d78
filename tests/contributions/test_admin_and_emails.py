"""Editors see submissions in the admin with the submitter and their organisation; emails are
plain text in the member's language, whatever the member typed."""

from django.urls import reverse
from factories import SubmissionFactory
from factories.editorial import in_english, lab_editor, network_editor

from contributions.tasks import send_to_authors

HOSTILE = '<script>alert("x")</script>'


def sent(client, submission, lab):
    client.force_login(submission.member.user)
    client.post(reverse("contributions:preview", args=[submission.pk]), {"lab": lab.pk})
    submission.refresh_from_db()
    return submission


def test_the_network_team_lists_submissions_with_submitter_and_organisation(client, member, lab):
    submission = sent(
        client, SubmissionFactory(member=member, data={**SubmissionFactory.build().data, "title": HOSTILE}), lab
    )
    client.force_login(in_english(network_editor()))
    html = client.get(reverse("submissions:index")).content.decode()
    assert member.name in html and "Ville de Mulhouse" in html
    assert HOSTILE not in html and "&lt;script&gt;" in html
    assert client.get(reverse("submissions:inspect", args=[submission.pk])).status_code == 200


def test_lab_editors_see_the_submitter_in_the_page_explorer(client, member, lab):
    submission = sent(client, SubmissionFactory(member=member), lab)
    client.force_login(in_english(lab_editor(lab)))
    html = client.get(reverse("wagtailadmin_explore", args=[lab.pk])).content.decode()
    assert f"Submitted by {member.name} (Ville de Mulhouse)" in html
    html = client.get(reverse("wagtailadmin_pages:edit", args=[submission.page.pk])).content.decode()
    assert f"Submitted by {member.name}" in html
    # Members never reach the admin listing.
    client.force_login(member.user)
    assert client.get(reverse("submissions:index")).status_code in (302, 403)


def test_emails_are_plain_text_in_the_members_language_with_what_they_typed(member, mailoutbox):
    submission = SubmissionFactory(member=member, data={"title": HOSTILE})
    send_to_authors.enqueue(submission.pk, "changes_requested", "<b>Plus de chiffres</b>")
    [email] = mailoutbox
    assert email.content_subtype == "plain" and not getattr(email, "alternatives", None)
    assert HOSTILE in email.subject and "<b>Plus de chiffres</b>" in email.body
    assert "Modifications demandées" in email.subject
    member.language = "en"
    member.save()
    send_to_authors.enqueue(submission.pk, "published")
    assert "is published" in mailoutbox[-1].subject
