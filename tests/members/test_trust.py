"""Trust: a public body's verified address is approved at once; any other waits for the network
team, who are told, decide in the admin, and the member is told in their language."""

import pytest
from django.core.exceptions import ValidationError
from factories import MemberFactory, UserFactory
from factories.editorial import network_editor
from mail_helpers import link_to

from members.models import Member, PublicBodyDomain, validate_domain_pattern
from members.trust import is_public_body_address

pytestmark = pytest.mark.django_db


def test_the_seeded_list_holds_the_state_and_local_authorities():
    patterns = set(PublicBodyDomain.objects.values_list("pattern", flat=True))
    assert {"*.gouv.fr", "paris.fr", "strasbourg.eu", "*.chru-strasbourg.fr"} <= patterns
    assert not any(pattern in patterns for pattern in ("*.fr", "*.eu", "*.com"))


@pytest.mark.parametrize(
    ("email", "trusted"),
    [
        ("agent@interieur.gouv.fr", True),
        ("agent@sg.social.gouv.fr", True),
        ("agent@gouv.fr", True),
        ("agent@paris.fr", True),
        ("Agent@PARIS.FR", True),
        ("agent@mairie.paris.fr", False),  # paris.fr is the domain only, not its subdomains
        ("agent@notparis.fr", False),
        ("agent@paris.fr.example.com", False),
        ("agent@gouv.fr.evil.com", False),
        ("agent@evilgouv.fr", False),
        ("agent@chu.chru-strasbourg.fr", True),
        ("agent@gmail.com", False),
        ("no-at-sign", False),
    ],
)
def test_domain_patterns(email, trusted):
    assert is_public_body_address(email) is trusted


@pytest.mark.parametrize("pattern", ["*.fr", "*", "fr", "*.*.fr", "paris", "http://paris.fr", "paris.fr/", "a b.fr"])
def test_too_wide_or_malformed_patterns_are_refused(pattern):
    with pytest.raises(ValidationError):
        validate_domain_pattern(pattern)


def test_a_public_body_address_is_approved_at_once(client, home, sign_up, network_team, mailoutbox):
    network_editor(email="equipe@reseau.example")
    sign_up("agent@valdoise.fr")
    member = Member.objects.get(user__email="agent@valdoise.fr")
    assert member.status == Member.Status.APPROVED
    assert member.decided_at is not None
    assert not [message for message in mailoutbox if "equipe@reseau.example" in message.to]


def test_any_other_address_waits_and_the_network_team_is_told(client, home, sign_up, network_team, mailoutbox):
    network_editor(email="equipe@reseau.example")
    UserFactory(email="someone-else@example.org")  # not in the team: not told
    sign_up("benevole@association.example", language="en", name="Alex Doe", organisation="Association X")
    member = Member.objects.get(user__email="benevole@association.example")
    assert member.status == Member.Status.PENDING
    assert member.language == "en"
    told = [message for message in mailoutbox if message.to == ["equipe@reseau.example"]]
    assert len(told) == 1
    assert "Alex Doe" in told[0].subject
    assert "benevole@association.example" in told[0].body  # the team judges the address
    assert f"/admin/member_review/edit/{member.pk}/" in told[0].body
    assert not [message for message in mailoutbox if "someone-else@example.org" in message.to]
    # Waiting members get a 403 that says why on members' pages.
    page = client.get("/en/members/account/")
    assert "waiting for approval" in page.content.decode()


def test_the_network_team_lists_pending_members_and_decides(
    client, home, network_team, mailoutbox, django_capture_on_commit_callbacks
):
    pending = MemberFactory(status=Member.Status.PENDING, name="Alex Doe", language="en")
    MemberFactory(status=Member.Status.APPROVED, name="Camille Martin")
    client.force_login(network_editor())
    listing = client.get("/admin/member_review/?status=pending")
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "Alex Doe" in html and "Camille Martin" not in html
    edit = f"/admin/member_review/edit/{pending.pk}/"
    assert client.get(edit).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit, {"status": "approved"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Member.Status.APPROVED and pending.decided_at is not None
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [pending.user.email]
    assert mailoutbox[0].subject == "[Praxis] Your membership is approved"  # in the member's language
    assert link_to(mailoutbox[0], "/members/account/") == "/en/members/account/"


def test_a_refusal_is_emailed_in_the_members_language(
    client, home, network_team, mailoutbox, django_capture_on_commit_callbacks
):
    pending = MemberFactory(status=Member.Status.PENDING, language="fr")
    client.force_login(network_editor())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/member_review/edit/{pending.pk}/", {"status": "refused"})
    pending.refresh_from_db()
    assert pending.status == Member.Status.REFUSED
    assert mailoutbox[0].subject == "[Praxis] Votre demande d'adhésion"
    assert "n'a pas pu approuver" in mailoutbox[0].body


def test_a_decision_form_with_a_forged_status_changes_nothing(
    client, home, network_team, mailoutbox, django_capture_on_commit_callbacks
):
    pending = MemberFactory(status=Member.Status.PENDING)
    client.force_login(network_editor())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/member_review/edit/{pending.pk}/", {"status": "superuser"})
    assert response.status_code == 200  # the form again, with its error
    pending.refresh_from_db()
    assert pending.status == Member.Status.PENDING
    assert mailoutbox == []


def test_the_network_team_manages_the_domains(client, home, network_team):
    client.force_login(network_editor())
    assert client.get("/admin/public_body_domains/").status_code == 200
    response = client.post("/admin/public_body_domains/new/", {"pattern": "*.fr", "note": "trop large"})
    assert response.status_code == 200
    assert not PublicBodyDomain.objects.filter(pattern="*.fr").exists()
    client.post("/admin/public_body_domains/new/", {"pattern": "Nantes.FR", "note": "Ville de Nantes"})
    assert PublicBodyDomain.objects.filter(pattern="nantes.fr").exists()
    assert is_public_body_address("agent@nantes.fr")


def test_a_lab_editor_cannot_see_members(client, home, network_team):
    from factories import LabPageFactory  # reason: only this test needs a lab
    from factories.editorial import lab_editor

    client.force_login(lab_editor(LabPageFactory()))
    assert client.get("/admin/member_review/").status_code == 403
    assert client.get("/admin/relayed_messages/").status_code == 403
    assert client.get("/admin/public_body_domains/").status_code == 403
