"""Outcomes shared back: an owner shares what happened, the source lab's editors or the
network team review it, and once approved it shows on the source practice.

Review: the network team (``praxis.services.editorial.NETWORK_TEAM``) reviews every outcome;
the editors of the lab the source practice is filed under review that practice's outcomes
(the group ``editors_group_of`` finds for the nearest lab at or above the practice, as
``members.relay`` finds them). The decision is made in the admin (``transpositions.viewsets``).

An approval (or an approval withdrawn) changes what the practice page, the home page and the
listings show: the content version is bumped (``praxis.services.fragments``: the practice's
cached context holds its lineage) and the practice's pages and listings are dropped from the
front-end cache once the transaction commits, as a publication does. Followers of the source
practice are told once per outcome (``alerts.Sent``, kind "transposed").
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from alerts.models import Follow, Sent
from alerts.services.emails import email_to, recipients, site_root
from alerts.services.links import practice_link
from members.models import Member
from practices.models import PracticePage
from practices.services.listing import public_practices
from praxis.services.editorial import NETWORK_TEAM, editors_group_of
from praxis.services.fragments import bump_content_version
from praxis.services.frontend_cache import purge_page
from transpositions.models import Outcome, Plan, PlanChange
from transpositions.services import counts

SHAREABLE = (Plan.Status.DONE, Plan.Status.ABANDONED)
REVIEW_VIEWSET = "transposition_outcomes"  # the admin viewset's name (transpositions.viewsets)
LINEAGE_TEMPLATE = "transpositions/includes/lineage_outcome.html"


def shareable(plan: Plan) -> bool:
    return plan.status in SHAREABLE


def default_outcome(plan: Plan) -> str:
    return "abandoned" if plan.status == Plan.Status.ABANDONED else ""


# Who reviews ---------------------------------------------------------------------------------


def lab_group(practice: PracticePage | None) -> Group | None:
    """The editors group of the nearest lab at or above ``practice``."""
    if practice is None:
        return None
    for ancestor in reversed(practice.get_ancestors().exclude(depth=1)):
        group = editors_group_of(ancestor)
        if group is not None:
            return group
    return None


def is_team(user) -> bool:
    return user.is_superuser or user.groups.filter(name=NETWORK_TEAM).exists()


def may_review(user, outcome: Outcome) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if is_team(user):
        return True
    group = lab_group(outcome.practice)
    return group is not None and user.groups.filter(pk=group.pk).exists()


def reviewable_by(user):
    """The outcomes ``user`` may review: all for the team, their labs' practices' for editors."""
    outcomes = Outcome.objects.select_related("practice", "submitted_by")
    if not (user and user.is_authenticated and user.is_active):
        return outcomes.none()
    if is_team(user):
        return outcomes
    lab_pages = Page.objects.filter(group_permissions__group__in=user.groups.filter(name__endswith=" — editors"))
    paths = set(lab_pages.values_list("path", flat=True))
    if not paths:
        return outcomes.none()
    under = Q()
    for path in paths:
        under |= Q(practice__path__startswith=path)
    return outcomes.filter(under)


def reviewer_addresses(outcome: Outcome) -> list[str]:
    groups = Q(groups__name=NETWORK_TEAM)
    group = lab_group(outcome.practice)
    if group is not None:
        groups |= Q(groups=group)
    users = get_user_model().objects.filter(groups, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


# Sharing and deciding ------------------------------------------------------------------------


@transaction.atomic
def share(plan: Plan, member: Member, data: dict) -> Outcome:
    """Record the outcome ``member`` (the owner) shares; reviewers are emailed after commit."""
    outcome = Outcome.objects.create(
        practice=plan.practice,
        practice_key=plan.practice_key,
        plan=plan,
        language=plan.language,
        submitted_by=member,
        **data,
    )
    PlanChange.objects.create(plan=plan, member=member, kind=PlanChange.Kind.SHARED)
    transaction.on_commit(lambda: tell_reviewers(outcome.pk))
    return outcome


def tell_reviewers(outcome_pk: int) -> int:
    outcome = Outcome.objects.select_related("practice").filter(pk=outcome_pk).first()
    if outcome is None:
        return 0
    addresses = reviewer_addresses(outcome)
    if not addresses:
        return 0
    url = site_root() + reverse(f"{REVIEW_VIEWSET}:edit", args=[outcome.pk])
    body_template = get_template("transpositions/email/outcome_submitted.txt")
    connection = get_connection()
    with translation.override(outcome.language):
        subject = str(_("An outcome was shared: please review it"))
        body = body_template.render({"outcome": outcome, "url": url, "title": source_title(outcome)})
    messages = [EmailMessage(subject, body, to=[address], connection=connection) for address in addresses]
    return connection.send_messages(messages) or 0


def source_title(outcome: Outcome) -> str:
    if outcome.practice is not None:
        return outcome.practice.title
    return outcome.plan.source_title if outcome.plan_id else ""


@transaction.atomic
def decide(outcome: Outcome, user, approve: bool, comment: str = "") -> Outcome:
    was_public = outcome.review == Outcome.Review.APPROVED
    outcome.review = Outcome.Review.APPROVED if approve else Outcome.Review.REJECTED
    outcome.review_comment = comment
    outcome.reviewed_by = user
    outcome.reviewed_at = timezone.now()
    outcome.save(update_fields=["review", "review_comment", "reviewed_by", "reviewed_at"])
    if approve or was_public:
        renew_practice(outcome.practice_key)
    pk = outcome.pk
    transaction.on_commit(lambda: tell_owner(pk))
    if approve:
        transaction.on_commit(lambda: tell_followers(pk))
    return outcome


def renew_practice(practice_key) -> None:
    """What shows the practice (its pages, the home page, the listings) is built again."""
    bump_content_version()
    counts.changed(practice_key)  # an outcome without a plan counts as done
    for page in PracticePage.objects.filter(translation_key=practice_key).order_by("pk")[:1]:
        purge_page(page)  # its translations, its parent, the practices' listings


def tell_owner(outcome_pk: int) -> int:
    outcome = Outcome.objects.select_related("practice").filter(pk=outcome_pk).first()
    if outcome is None or outcome.submitted_by_id is None:
        return 0
    recipient = recipients(Member.objects.filter(pk=outcome.submitted_by_id)).get(outcome.submitted_by_id)
    if recipient is None:
        return 0
    approved = outcome.review == Outcome.Review.APPROVED
    subject = _("Your shared outcome was approved") if approved else _("Your shared outcome was not approved")
    link = ""
    if outcome.plan_id:
        link = site_root() + plan_url(outcome.plan_id, recipient.language)
    context = {"outcome": outcome, "approved": approved, "title": source_title(outcome), "plan_url": link}
    message = email_to(
        recipient, subject, get_template("transpositions/email/outcome_decided.txt"), context, root=site_root()
    )
    return message.send()


def plan_url(plan_id, language: str) -> str:
    with translation.override(language):
        return reverse("transpositions:share", args=[plan_id])


def tell_followers(outcome_pk: int) -> int:
    """The source practice's followers, once per outcome, in the version they read."""
    outcome = Outcome.objects.filter(pk=outcome_pk, review=Outcome.Review.APPROVED).first()
    if outcome is None:
        return 0
    versions = {
        page.locale.language_code: page
        for page in public_practices().filter(translation_key=outcome.practice_key).select_related("locale")
    }
    if not versions:
        return 0
    original = min(versions.values(), key=lambda page: page.pk)
    subject_key = f"outcome-{outcome.pk}"
    followers = Follow.objects.filter(translation_key=outcome.practice_key).values_list("member_id", flat=True)
    due = recipients(Member.objects.filter(pk__in=followers))
    told = Sent.objects.filter(
        kind=Sent.Kind.TRANSPOSED, translation_key=outcome.practice_key, subject=subject_key, member_id__in=list(due)
    ).values_list("member_id", flat=True)
    for pk in told:
        due.pop(pk, None)
    if not due:
        return 0
    root, connection = site_root(), get_connection()
    body = get_template("transpositions/email/outcome_follow.txt")
    messages = []
    for recipient in due.values():
        page = versions.get(recipient.language, original)
        context = {"outcome": outcome, "practice": practice_link(page)}
        messages.append(
            email_to(
                recipient, _("A practice you follow was transposed"), body, context, root=root, connection=connection
            )
        )
    sent = connection.send_messages(messages) or 0
    Sent.objects.bulk_create(
        [
            Sent(member_id=pk, kind=Sent.Kind.TRANSPOSED, translation_key=outcome.practice_key, subject=subject_key)
            for pk in due
        ],
        ignore_conflicts=True,
    )
    return sent


# What the practices layer shows (registered by TranspositionsConfig.ready) ---------------------


def lineage_entries(practice, locale) -> list[dict]:
    """Approved outcomes of ``practice`` (any translation), as "Transposed to" items."""
    outcomes = Outcome.objects.approved().filter(practice_key=practice.translation_key).order_by("territory_name", "pk")
    return [
        {
            "template": LINEAGE_TEMPLATE,
            "territory_name": outcome.territory_name,
            "outcome": outcome.outcome,
            "what_changed": outcome.what_changed,
            "result": outcome.result,
            "language": outcome.language,
        }
        for outcome in outcomes.only("territory_name", "outcome", "what_changed", "result", "language")
    ]


def approved_counts(public) -> dict:
    """One territory per approved outcome, by source practice (live and public only)."""
    rows = (
        Outcome.objects.approved()
        .filter(practice_key__in=public.values("translation_key"))
        .values("practice_key")
        .annotate(territories=Count("pk"))
    )
    return {row["practice_key"]: row["territories"] for row in rows}
