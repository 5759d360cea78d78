"""The contact relay: a member writes to a page's team without seeing its address, the team
answers through a signed link without seeing the member's; the answer carries the team's
address as Reply-To, so the conversation goes on by email once the team has chosen to answer.

Recipients: the page's contact email, else the editors of the lab the page is filed under
(``praxis.services.editorial``)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils import timezone
from wagtail.models import Page

from praxis.services.editorial import nearest_editors_groups

SALT = "members.relay.answer"


def relayable_page(page_id: int) -> Page | None:
    """A live, public page that has a contact person's fields (labs, practices), else None."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return None
    page = page.specific
    return page if hasattr(page, "contact_email") else None


def editors_of(page: Page) -> list[str]:
    """The addresses of the editors of the nearest lab at or above ``page``."""
    group = nearest_editors_groups(page, inclusive=True).first()
    if group is None:
        return []
    return list(
        get_user_model()
        .objects.filter(groups=group, is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )


def recipient_kind(page: Page) -> str | None:
    """ "contact", "editors", or None when nobody can receive a message about ``page``."""
    if page.contact_email:
        return "contact"
    if editors_of(page):
        return "editors"
    return None


def recipients(page: Page) -> list[str]:
    return [page.contact_email] if page.contact_email else editors_of(page)


def sent_today(member) -> int:
    return member.relay_messages.filter(sent_at__gte=timezone.now() - timedelta(days=1)).count()


def may_send(member) -> bool:
    return sent_today(member) < settings.PRAXIS_RELAY_MESSAGES_PER_DAY


def answer_token(message, email: str) -> str:
    """A link for one recipient: it says which message and who answers (their address becomes
    the Reply-To of the answer)."""
    return signing.dumps({"m": message.pk, "r": email}, salt=SALT, compress=True)


def read_answer_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=SALT, max_age=timedelta(days=settings.PRAXIS_RELAY_ANSWER_DAYS))
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("m"), int) or not isinstance(data.get("r"), str):
        return None
    return data["m"], data["r"]
