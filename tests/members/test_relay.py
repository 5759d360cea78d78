"""The contact relay: neither address shown until the team answers; rate limited; logged;
hostile input refused with nothing sent."""

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from factories import LabPageFactory, MemberFactory, PracticePageFactory, UserFactory
from factories.editorial import lab_editor, network_editor
from mail_helpers import link_to
from wagtail.models import PageViewRestriction

from members.models import Member, RelayMessage
from praxis.services.editorial import editors_group_of, ensure_lab_editors

pytestmark = pytest.mark.django_db
MESSAGE = {"subject": "Transposer chez nous", "message": "Bonjour, comment avez-vous recruté les agents ?"}


@pytest.fixture
def member(client, home):
    member = MemberFactory(user__email="camille@lille.fr", name="Camille Martin", organisation="Ville de Lille")
    client.force_login(member.user)
    return member


@pytest.fixture
def practice(home):
    return PracticePageFactory(contact_name="Dominique", contact_email="dominique@valdoise.fr")


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    def post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def test_a_member_writes_to_a_practices_contact_without_either_address(client, member, practice, send, mailoutbox):
    page = client.get(practice.url).content.decode()
    assert f'href="/fr/members/write/{practice.pk}/"' in page  # the link on the practice page
    assert "dominique@valdoise.fr" not in page  # contact emails stay for signed-in editors
    form = client.get(f"/fr/members/write/{practice.pk}/")
    assert form.status_code == 200
    assert "dominique@valdoise.fr" not in form.content.decode()
    response = send(f"/fr/members/write/{practice.pk}/", MESSAGE)
    assert response.status_code == 302 and response["Location"] == practice.url
    [email] = mailoutbox
    assert email.to == ["dominique@valdoise.fr"]
    assert "camille@lille.fr" not in email.body + str(email.message())  # the member stays hidden
    assert email.reply_to == []
    assert "Camille Martin (Ville de Lille)" in email.body
    assert MESSAGE["message"] in email.body
    logged = RelayMessage.objects.get()
    assert (logged.member, logged.page_id, logged.recipient_kind) == (member, practice.pk, "contact")


def test_the_team_answers_by_the_signed_link_and_reveals_its_address(client, member, practice, send, mailoutbox):
    send(f"/fr/members/write/{practice.pk}/", MESSAGE)
    answer_url = link_to(mailoutbox[0], "/members/answer/")
    client.logout()  # no sign-in needed
    page = client.get(answer_url)
    assert page.status_code == 200
    assert MESSAGE["message"] in page.content.decode()
    assert "camille@lille.fr" not in page.content.decode()
    response = send(answer_url, {"answer": "Par une fiche de poste partagée."})
    assert response.status_code == 200
    answer = mailoutbox[1]
    assert answer.to == ["camille@lille.fr"]
    assert answer.reply_to == ["dominique@valdoise.fr"]  # the team chose to reveal it by answering
    assert "Par une fiche de poste partagée." in answer.body
    assert RelayMessage.objects.get().answered_at is not None
    # The link answers once.
    again = send(answer_url, {"answer": "Encore"})
    assert "déjà reçu une réponse" in again.content.decode()
    assert len(mailoutbox) == 2


@pytest.mark.parametrize("token", ["forged", "eyJtIjoxLCJyIjoieEB5LnoifQ:1abc:def"])
def test_a_forged_answer_link_is_a_404(client, home, token, mailoutbox):
    response = client.get(f"/fr/members/answer/{token}/")
    assert response.status_code == 404
    assert "Ce lien ne fonctionne pas" in response.content.decode()
    assert client.post(f"/fr/members/answer/{token}/", {"answer": "x"}).status_code == 404
    assert mailoutbox == []


def test_an_expired_answer_link_is_a_404(client, member, practice, send, mailoutbox):
    send(f"/fr/members/write/{practice.pk}/", MESSAGE)
    answer_url = link_to(mailoutbox[0], "/members/answer/")
    with override_settings(PRAXIS_RELAY_ANSWER_DAYS=-1):
        assert client.get(answer_url).status_code == 404


def test_without_a_contact_email_the_labs_editors_receive_it(client, member, send, mailoutbox):
    lab = LabPageFactory()
    group = editors_group_of(lab) or ensure_lab_editors(lab)
    UserFactory(email="editeur1@valdoise.fr", groups=[group])
    UserFactory(email="editeur2@valdoise.fr", groups=[group])
    UserFactory(email="", groups=[group])
    practice = PracticePageFactory(parent=lab, contact_email="")
    send(f"/fr/members/write/{practice.pk}/", MESSAGE)
    assert sorted(email.to[0] for email in mailoutbox) == ["editeur1@valdoise.fr", "editeur2@valdoise.fr"]
    # Each editor's link answers with their own address.
    first = next(email for email in mailoutbox if email.to == ["editeur2@valdoise.fr"])
    send(link_to(first, "/members/answer/"), {"answer": "Oui"})
    assert mailoutbox[-1].reply_to == ["editeur2@valdoise.fr"]
    assert RelayMessage.objects.get().recipient_kind == "editors"


def test_a_page_without_anybody_to_write_to_is_a_404(client, member, send, mailoutbox):
    lab = LabPageFactory(contact_email="")
    Group.objects.filter(name__endswith=" — editors").delete()
    response = client.get(f"/fr/members/write/{lab.pk}/")
    assert response.status_code == 404
    assert "Personne à qui écrire" in response.content.decode()
    assert send(f"/fr/members/write/{lab.pk}/", MESSAGE).status_code == 404
    assert mailoutbox == [] and not RelayMessage.objects.exists()


def test_drafts_private_pages_and_other_pages_are_404(client, member, home, send, mailoutbox):
    draft = PracticePageFactory(live=False, contact_email="x@valdoise.fr")
    private = PracticePageFactory(contact_email="y@valdoise.fr")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page_id in (draft.pk, private.pk, home.pk, 999999):
        assert client.get(f"/fr/members/write/{page_id}/").status_code == 404
        assert send(f"/fr/members/write/{page_id}/", MESSAGE).status_code == 404
    assert mailoutbox == [] and not RelayMessage.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"subject": "Bonjour\r\nBcc: everyone@example.com", "message": "x"}, "subject"),
        ({"subject": "Bonjour\nBcc: x@y.z", "message": "x"}, "subject"),
        ({"subject": "Bonjour", "message": "x" * 10_000}, "message"),
        ({"subject": "Bonjour", "message": "nul \x00 byte"}, "message"),
        ({"subject": "", "message": "x"}, "subject"),
        ({"subject": "Bonjour", "message": ""}, "message"),
    ],
)
def test_hostile_input_is_a_form_error_and_nothing_is_sent(client, member, practice, send, mailoutbox, data, field):
    response = send(f"/fr/members/write/{practice.pk}/", data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert mailoutbox == [] and not RelayMessage.objects.exists()


def test_a_line_break_in_the_members_name_never_reaches_a_header(client, member, practice, send, mailoutbox):
    response = client.post("/fr/members/account/", {"name": "Eve\r\nBcc: x@y.z", "language": "fr"})
    assert "une seule ligne" in response.content.decode()


@override_settings(PRAXIS_RELAY_MESSAGES_PER_DAY=2)
def test_messages_are_limited_per_member_per_day(client, member, practice, send, mailoutbox):
    assert send(f"/fr/members/write/{practice.pk}/", MESSAGE).status_code == 302
    assert send(f"/fr/members/write/{practice.pk}/", MESSAGE).status_code == 302
    third = send(f"/fr/members/write/{practice.pk}/", MESSAGE)
    assert third.status_code == 200
    assert "autant de messages que permis" in third.content.decode()
    assert len(mailoutbox) == 2 and RelayMessage.objects.count() == 2


@pytest.mark.parametrize("status", [Member.Status.PENDING, Member.Status.REFUSED])
def test_only_approved_members_write(client, home, practice, send, mailoutbox, status):
    client.force_login(MemberFactory(status=status).user)
    assert send(f"/fr/members/write/{practice.pk}/", MESSAGE).status_code == 403
    client.logout()
    response = client.get(f"/fr/members/write/{practice.pk}/")
    assert response.status_code == 302 and "/fr/accounts/login/" in response["Location"]
    assert mailoutbox == []


def test_the_network_team_reads_the_log_and_nobody_else(client, member, practice, send):
    send(f"/fr/members/write/{practice.pk}/", MESSAGE)
    message = RelayMessage.objects.get()
    client.force_login(network_editor())
    assert client.get("/admin/relayed_messages/").status_code == 200
    inspect = client.get(f"/admin/relayed_messages/inspect/{message.pk}/")
    assert MESSAGE["message"] in inspect.content.decode()
    client.force_login(lab_editor(practice.get_parent().specific))
    assert client.get(f"/admin/relayed_messages/inspect/{message.pk}/").status_code == 403
    client.force_login(MemberFactory().user)
    assert client.get(f"/admin/relayed_messages/inspect/{message.pk}/").status_code == 302  # not in the admin


def test_the_lab_page_has_the_link_too(client, member):
    lab = LabPageFactory(contact_email="labo@valdoise.fr")
    html = client.get(lab.url).content.decode()
    assert f'href="/fr/members/write/{lab.pk}/"' in html
    assert "labo@valdoise.fr" not in html
