"""Using a reminder's link: checked (``freshness.services.links``), then acted on once."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from alerts.services.emails import site_root
from freshness.models import Reminder
from freshness.services.links import Answer, LinkRefused, read_token
from freshness.services.owners import Owner, may_answer, owners_and_team
from freshness.services.verification import confirm_accurate, needs_update
from practices.models import PracticePage


@dataclass
class CheckedLink:
    practice: PracticePage  # the page the link opens
    answer: Answer
    owner: Owner
    email: str
    user_pk: int | None


def original_of(practice: PracticePage) -> PracticePage:
    return (
        PracticePage.objects.filter(translation_key=practice.translation_key)
        .select_related("locale")
        .order_by("pk")
        .first()
    )


def check(practice: PracticePage, token: str) -> CheckedLink:
    """The link's answer for ``practice``, or ``LinkRefused``."""
    answer = read_token(token)
    if answer.translation_key != str(practice.translation_key):
        raise LinkRefused(403, "other_practice")
    nonce = Reminder.objects.filter(translation_key=practice.translation_key).values_list("nonce", flat=True).first()
    if nonce != answer.nonce:
        raise LinkRefused(410, "used")
    owners, network = owners_and_team([original_of(practice)])
    owner = owners[answer.translation_key]
    if not may_answer(owner, answer.identity, {person.identity for person in network}):
        raise LinkRefused(403, "not_owner")
    people = {person.identity: person for person in [*owner.people, *network]}
    person = people.get(answer.identity)
    email = person.email if person else answer.identity.removeprefix("e:")
    return CheckedLink(practice, answer, owner, email, person.user_pk if person else None)


def can_edit(link: CheckedLink) -> bool:
    """Whether the person who answered can open the page editor (an admin account)."""
    user = get_user_model().objects.filter(pk=link.user_pk, is_active=True).first() if link.user_pk else None
    return user is not None and user.has_perm("wagtailadmin.access_admin")


def tell_editors(link: CheckedLink) -> int:
    """Someone who cannot edit says the practice needs an update: its editors (the lab's,
    else the network team) are told, each in their language; emails sent."""
    root = site_root()
    edit_url = root + reverse("wagtailadmin_pages:edit", args=[link.practice.pk])
    messages = []
    for person in link.owner.editors:
        with translation.override(person.language or settings.LANGUAGE_CODE):
            subject = _("A practice needs an update: %(title)s") % {"title": link.practice.title}
            body = get_template("freshness/email/update_requested.txt").render(
                {"person": person, "practice": link.practice, "asker": link.email, "edit_url": edit_url}
            )
        messages.append(EmailMessage(" ".join(str(subject).split()), body, to=[person.email]))
    return get_connection().send_messages(messages) or 0 if messages else 0


@transaction.atomic
def act(link: CheckedLink) -> None:
    """Answer once: the round's nonce is checked and replaced under a row lock."""
    locked = (
        Reminder.objects.select_for_update()
        .filter(translation_key=link.practice.translation_key, nonce=link.answer.nonce)
        .exists()
    )
    if not locked:
        raise LinkRefused(410, "used")
    if link.answer.answer == Reminder.Answer.ACCURATE:
        confirm_accurate(link.practice.translation_key, email=link.email, user_pk=link.user_pk)
    else:
        needs_update(link.practice.translation_key, email=link.email)
