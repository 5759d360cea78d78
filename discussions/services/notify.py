"""The emails a public question or answer sends (by the worker, ``discussions.tasks``).

- A question: the practice's team (its contact, else its lab's editors) and the practice's
  followers (``alerts.Follow``);
- an answer: the asker, and the followers.

Nobody is told of their own post, nor twice of one post. Members get alerts' emails (their
language, their ``email_notifications`` switch, alerts' one-click unsubscribe and
``List-Unsubscribe`` headers); a team address that is no member's gets a link of its own
(a signed address: ``TeamOptOut``), in the page's language. Followers hear of the posts of
the version they read (their language, else the original), like alerts' follow notices.
Emails are plain text: whatever a post contains is shown as typed, never interpreted.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db.models.functions import Lower
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from alerts.models import Follow
from alerts.services.emails import Recipient, email_to, recipients, site_root
from alerts.services.follows import reads
from discussions.answerers import team_addresses
from discussions.models import Post, TeamOptOut
from members.models import Member
from practices.services.listing import public_practices

TEAM_SALT = "discussions.team-unsubscribe"
TEAM_TOKEN_MAX_AGE = 60 * 60 * 24 * 120

SUBJECTS = {
    "question_to_team": _("A question about your practice"),
    "answer_to_asker": _("Your question has an answer"),
    "question_to_follower": _("A new question about a practice you follow"),
    "answer_to_follower": _("A new answer about a practice you follow"),
}


def team_token(email: str) -> str:
    return signing.dumps({"e": email.lower()}, salt=TEAM_SALT)


def email_from_team_token(token: str) -> str | None:
    try:
        payload = signing.loads(token, salt=TEAM_SALT, max_age=TEAM_TOKEN_MAX_AGE)
    except (signing.BadSignature, ValueError, UnicodeError):
        return None
    email = payload.get("e") if isinstance(payload, dict) else None
    return email if isinstance(email, str) and email else None


def post_context(post: Post) -> dict:
    practice = post.practice
    question = post if post.is_question else post.question
    return {
        "post": post,
        "question": question,
        "author": post.author.name if post.author and post.author.name else "",
        "organisation": post.author.organisation if post.author else "",
        "practice_title": practice.title,
        "url": practice.get_full_url() + f"#question-{question.pk}",
    }


def email_to_address(email: str, language: str, name: str, context: dict, root: str, connection) -> EmailMessage:
    with translation.override(language):
        url = root + reverse("discussions:team_unsubscribe", args=[team_token(email)])
        body = template_for(name).render({**context, "unsubscribe_url": url})
        subject = str(SUBJECTS[name])
    headers = {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email], headers=headers, connection=connection)


def template_for(name: str):
    return get_template(f"discussions/email/{name}.txt")


def team_messages(post: Post, told: set[str], root: str, connection) -> list[EmailMessage]:
    """The team's addresses: a member's through their own switch, any other through ``TeamOptOut``."""
    addresses = [a for a in dict.fromkeys(e.lower() for e in team_addresses(post.practice)) if a not in told]
    if not addresses:
        return []
    found = Member.objects.annotate(address=Lower("user__email")).filter(address__in=addresses).select_related("user")
    members = {member.address: member for member in found}
    author_email = post.author.user.email.lower() if post.author else None
    opted_out = set(TeamOptOut.objects.filter(email__in=addresses).values_list("email", flat=True))
    context = post_context(post)
    messages = []
    for address in addresses:
        told.add(address)
        if address == author_email:
            continue
        member = members.get(address)
        if member is not None:
            due = recipients(Member.objects.filter(pk=member.pk))
            messages += [_member_email(r, "question_to_team", context, root, connection) for r in due.values()]
        elif address not in opted_out:
            language = post.language
            messages.append(email_to_address(address, language, "question_to_team", context, root, connection))
    return messages


def _member_email(recipient: Recipient, name: str, context: dict, root: str, connection) -> EmailMessage:
    return email_to(recipient, SUBJECTS[name], template_for(name), context, root=root, connection=connection)


def followers_due(post: Post) -> dict[int, Recipient]:
    practice = post.practice
    group = public_practices().filter(translation_key=practice.translation_key)
    languages_live = set(group.values_list("locale__language_code", flat=True))
    is_original = group.order_by("pk").values_list("pk", flat=True).first() == practice.pk
    followers = Follow.objects.filter(translation_key=practice.translation_key).values_list("member_id", flat=True)
    due = recipients(Member.objects.filter(pk__in=followers))
    return {pk: r for pk, r in due.items() if reads(practice, languages_live, r.language, is_original)}


def notify(post_id: int) -> int:
    """The emails of a post that became public; the number sent."""
    post = (
        Post.objects.public()
        .select_related("practice__locale", "author__user", "question__author__user")
        .filter(pk=post_id)
        .first()
    )
    if post is None or public_practices().filter(pk=post.practice_id).first() is None:
        return 0
    root, connection = site_root(), get_connection()
    context = post_context(post)
    told_members = {post.author_id} if post.author_id else set()
    told_addresses = {post.author.user.email.lower()} if post.author else set()
    messages = []
    if post.is_question:
        messages += team_messages(post, told_addresses, root, connection)
        kind = "question_to_follower"
    else:
        asker = post.question.author
        if asker is not None and asker.pk not in told_members:
            due = recipients(Member.objects.filter(pk=asker.pk))
            messages += [_member_email(r, "answer_to_asker", context, root, connection) for r in due.values()]
            told_members.add(asker.pk)
            told_addresses.add(asker.user.email.lower())
        kind = "answer_to_follower"
    for pk, recipient in followers_due(post).items():
        if pk in told_members or recipient.email.lower() in told_addresses:
            continue
        messages.append(_member_email(recipient, kind, context, root, connection))
    return (connection.send_messages(messages) or 0) if messages else 0
