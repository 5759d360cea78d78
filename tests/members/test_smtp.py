"""End to end through a real SMTP server on loopback (aiosmtpd, started by the test): Django's
SMTP backend sends the verification email and a relayed message; the server's handler reads
them back as they travelled."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings
from factories import MemberFactory, PracticePageFactory

pytestmark = pytest.mark.django_db


class Inbox:
    """aiosmtpd handler: keeps each message as received (envelope and parsed message)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=controller.port,
        EMAIL_USE_TLS=False,
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        DEFAULT_FROM_EMAIL="Praxis <noreply@praxis.test>",
    ):
        yield inbox
    controller.stop()


def body_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_the_verification_email_travels_through_smtp(client, home, smtp_server, django_capture_on_commit_callbacks):
    password = "Vraiment-solide-42"  # noqa: S105
    response = client.post(
        "/fr/accounts/signup/",
        {"email": "agent@paris.fr", "password1": password, "password2": password, "name": "Agent"},
    )
    assert response.status_code == 302
    [(sender, recipients, message)] = smtp_server.messages
    assert sender == "noreply@praxis.test"
    assert recipients == ["agent@paris.fr"]
    assert message["Subject"].startswith("[Praxis] ")
    link = next(word for word in body_of(message).split() if "/fr/accounts/confirm-email/" in word)
    confirm = link.split("testserver", 1)[1]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(confirm).status_code == 302
    assert client.get("/fr/members/account/").status_code == 200


def test_a_relayed_message_travels_through_smtp_with_no_member_address(
    client, home, smtp_server, django_capture_on_commit_callbacks
):
    member = MemberFactory(user__email="camille@lille.fr", name="Camille Martin")
    practice = PracticePageFactory(contact_email="equipe@valdoise.fr")
    client.force_login(member.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/fr/members/write/{practice.pk}/", {"subject": "Une question", "message": "Comment faire ?"})
    [(sender, recipients, message)] = smtp_server.messages
    assert recipients == ["equipe@valdoise.fr"]
    raw = message.as_string()
    assert "camille@lille.fr" not in raw
    assert "Reply-To" not in message
    assert message["Subject"] == "[Praxis] Message d'un membre de Praxis : Une question"
    assert "Comment faire ?" in body_of(message)
