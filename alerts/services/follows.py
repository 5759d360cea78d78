"""Followed practices: members are told when a practice they follow is substantially
updated, transposed somewhere or stopped.

Substantial, without asking editors anything: at each publication the page's summary,
results and lifecycle stage are compared with what it said at its previous publication
(``PublishedState``). A change of stage counts, and so does a summary or a results text
rewritten by at least a tenth (``difflib`` ratio below 0.9): a fixed typo or a reworded
sentence does not. A stage changed to "stopped" is told as stopped, once.
Transposed: a published practice whose lineage names a followed practice as its source,
told once per transposing practice (any language version).

Each member hears of a page in the version they read (their language, else the original),
so the French and English publications of one update make one email each for their readers.
"""

from difflib import SequenceMatcher

from django.core.mail import get_connection
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from alerts.models import Follow, PublishedState, Sent
from alerts.services.emails import email_to, recipients, site_root, template
from alerts.services.links import practice_link
from members.models import Member
from practices.choices import LifecycleStage
from practices.models import PracticePage, Transposition
from practices.services.listing import public_practices

SIMILAR_ENOUGH = 0.9
UPDATED, STOPPED, TRANSPOSED = "updated", Sent.Kind.STOPPED, Sent.Kind.TRANSPOSED
SUBJECTS = {
    UPDATED: _("A practice you follow was updated"),
    STOPPED: _("A practice you follow was stopped"),
    TRANSPOSED: _("A practice you follow was transposed"),
}


def state_of(page: PracticePage) -> PublishedState:
    return PublishedState(
        page=page, summary=page.summary, results=strip_tags(page.results or ""), lifecycle_stage=page.lifecycle_stage
    )


def remember(page: PracticePage) -> PublishedState | None:
    """Store what ``page`` says now; return what it said at its previous publication."""
    previous = PublishedState.objects.filter(page=page).first()
    current = state_of(page)
    PublishedState.objects.update_or_create(
        page=page,
        defaults={"summary": current.summary, "results": current.results, "lifecycle_stage": current.lifecycle_stage},
    )
    return previous


def rewritten(before: str, after: str) -> bool:
    return before != after and SequenceMatcher(None, before, after, autojunk=False).ratio() < SIMILAR_ENOUGH


def change(previous: PublishedState | None, current: PublishedState) -> str | None:
    if previous is None:
        return None
    if current.lifecycle_stage != previous.lifecycle_stage:
        return STOPPED if current.lifecycle_stage == LifecycleStage.STOPPED else UPDATED
    if rewritten(previous.summary, current.summary) or rewritten(previous.results, current.results):
        return UPDATED
    return None


def reads(page: PracticePage, languages_live: set[str], language: str, is_original: bool) -> bool:
    own = page.locale.language_code
    return language == own or (is_original and language not in languages_live)


def notify_followers(page_id: int) -> int:
    """Tell the followers what publishing ``page_id`` changed; the number of emails sent."""
    page = public_practices().filter(pk=page_id).select_related("locale").first()
    if page is None:
        return 0
    previous = remember(page)
    events = []  # (kind, followed translation key, subject key)
    kind = change(previous, state_of(page))
    if kind:
        events.append((kind, page.translation_key, ""))
    sources = Transposition.objects.filter(practice=page).values_list("source__translation_key", flat=True)
    events += [(TRANSPOSED, key, str(page.translation_key)) for key in set(sources)]
    if not events:
        return 0
    group = public_practices().filter(translation_key=page.translation_key)
    languages_live = set(group.values_list("locale__language_code", flat=True))
    is_original = group.order_by("pk").values_list("pk", flat=True).first() == page.pk
    link, root, connection = practice_link(page), site_root(), get_connection()
    sent = 0
    for kind, key, subject in events:
        followers = Follow.objects.filter(translation_key=key).values_list("member_id", flat=True)
        due = recipients(Member.objects.filter(pk__in=followers))
        due = {pk: r for pk, r in due.items() if reads(page, languages_live, r.language, is_original)}
        if kind != UPDATED:
            told = Sent.objects.filter(kind=kind, translation_key=key, subject=subject, member_id__in=list(due))
            for pk in told.values_list("member_id", flat=True):
                due.pop(pk, None)
        if not due:
            continue
        followed = link if kind != TRANSPOSED else followed_link(key)
        context = {"kind": kind, "practice": link, "followed": followed}
        messages = [
            email_to(r, SUBJECTS[kind], template("follow"), context, root=root, connection=connection)
            for r in due.values()
        ]
        sent += connection.send_messages(messages) or 0
        if kind != UPDATED:
            records = [Sent(member_id=pk, kind=kind, translation_key=key, subject=subject) for pk in due]
            Sent.objects.bulk_create(records, ignore_conflicts=True)
    return sent


def followed_link(key):
    source = public_practices().filter(translation_key=key).select_related("locale").order_by("pk").first()
    return practice_link(source) if source else None
