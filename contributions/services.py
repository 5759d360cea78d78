"""What a submission becomes: a draft practice under a lab (or the network's practice index,
the inbox of practices whose authors have no lab), in the member's language, in the review
workflow. Nothing is published here: only the editors' approval publishes."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from contributions.forms import TERM_FIELDS, key_figures
from contributions.models import Submission
from contributions.steps import steps
from labs.models import LabPage
from practices.models import PracticeIndexPage, PracticePage
from praxis.models import HomePage
from praxis.services.site_setup import ensure_translation
from territories.models import Territory

# What a practice cannot go to review without.
REQUIRED = ("title", "summary", "problem", "actions", "results", "territory")
TEXT_FIELDS = ("summary", "prerequisites", "core_elements", "adaptable_elements", "contact_name", "contact_role")
RICH_FIELDS = ("problem", "actions", "results", "challenges", "success_conditions", "lessons")
CHOICE_FIELDS = ("lifecycle_stage", "evidence_level", "legal_competence", "budget_range", "staff_time", "duration")


def all_fields() -> list[str]:
    return [name for step in steps() for name in step.fields]


def completeness(submission: Submission) -> dict:
    """How much is written: the share of fields filled, and the required ones still missing."""
    fields = all_fields()
    filled = [name for name in fields if submission.data.get(name) not in (None, "", [])]
    return {
        "percent": round(100 * len(filled) / len(fields)),
        "missing": [name for name in REQUIRED if name not in filled],
        "filled_steps": [step.slug for step in steps() if any(name in filled for name in step.fields)],
    }


def paragraphs_html(text: str) -> str:
    """Plain text typed by a member as rich text: one escaped paragraph per line."""
    return "".join(f"<p>{escape(line.strip())}</p>" for line in (text or "").splitlines() if line.strip())


CODE_IN_BRACKETS = re.compile(r"^(?P<name>.*?)\s*\((?P<code>[0-9A-Za-z]{2,9})\)$")


def resolve_territory(text: str) -> Territory | None:
    """The reference territory named by "Name (code)" (what the suggestions fill in), an
    INSEE/SIREN code, or an unambiguous name; None for anything else (kept as free text)."""
    text = (text or "").strip()
    if not text:
        return None
    current = Territory.objects.filter(historical=False)
    if match := CODE_IN_BRACKETS.match(text):
        found = current.filter(code=match["code"], name__iexact=match["name"])
        if found.count() == 1:
            return found.first()
        text = match["code"]
    found = current.filter(code=text)
    if not found.exists():
        found = current.filter(name__iexact=text)
    return found.first() if found.count() == 1 else None


def member_locale(member) -> Locale:
    return Locale.objects.filter(language_code=member.language).first() or Locale.get_default()


def labs_for(member) -> list[LabPage]:
    """The labs the member may submit to: those of their organisation (by host institution or
    name), in the member's language where translated."""
    organisation = (member.organisation or "").strip()
    if not organisation:
        return []
    locale = member_locale(member)
    labs = LabPage.objects.live().filter(locale=locale)
    found = list(labs.filter(host_institution__iexact=organisation) | labs.filter(title__iexact=organisation))
    if not found:
        others = LabPage.objects.live().filter(host_institution__iexact=organisation) | LabPage.objects.live().filter(
            title__iexact=organisation
        )
        seen = set()
        for lab in others.order_by("pk"):
            if lab.translation_key not in seen:
                seen.add(lab.translation_key)
                found.append(lab)
    return sorted(found, key=lambda lab: lab.title)


def inbox(locale: Locale) -> Page:
    """The network's practice index in ``locale``, created (with its home page) at first use."""
    index = PracticeIndexPage.objects.filter(locale=locale).first()
    if index is not None:
        return index
    source = PracticeIndexPage.objects.order_by("pk").first()
    if source is not None:
        return ensure_translation(source, locale)
    home = HomePage.objects.filter(locale=locale).first() or ensure_translation(HomePage.objects.first(), locale)
    index = home.add_child(instance=PracticeIndexPage(title=_("Practices"), slug="practices", locale=locale))
    index.save_revision().publish()
    return index


def _parent(submission: Submission, locale: Locale) -> Page:
    if submission.lab is None:
        return inbox(locale)
    return submission.lab.get_translation_or_none(locale) or submission.lab


def _unique_slug(parent: Page, title: str) -> str:
    base = slugify(title)[:60] or "practice"
    slug, number = base, 1
    while Page.objects.child_of(parent).filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def apply(submission: Submission, page: PracticePage) -> PracticePage:
    """Copy the submission's data onto ``page`` (in memory)."""
    data = submission.data
    page.title = data.get("title", "")
    page.draft_title = page.title
    for name in TEXT_FIELDS:
        setattr(page, name, data.get(name, "") or "")
    for name in RICH_FIELDS:
        setattr(page, name, paragraphs_html(data.get(name, "")))
    for name in CHOICE_FIELDS:
        if data.get(name):
            setattr(page, name, data[name])
    page.start_year = data.get("start_year") or None
    page.end_year = data.get("end_year") or None
    page.licence = data.get("licence") or page.licence
    page.key_figures = [("figure", figure) for figure in key_figures(data.get("key_figures", ""))]
    reference = resolve_territory(data.get("territory", ""))
    page.reference_territory = reference
    page.country = "FR" if reference else (data.get("country") or "FR")
    page.territory_name = "" if reference else data.get("territory", "")
    page.population = None if reference else data.get("population")
    for name in TERM_FIELDS:
        getattr(page, name).set(data.get(name, []))
    if submission.lab is not None:
        page.labs.set([submission.lab])
    page.documents = [
        ("document", {"document": file.document, "kind": "other", "title": file.title, "licence": file.licence})
        for file in submission.files.select_related("document")
    ]
    return page


class SubmissionError(Exception):
    """Why a submission cannot go to review (shown to the member)."""


def _check(submission: Submission) -> None:
    if missing := completeness(submission)["missing"]:
        raise SubmissionError(_("Some required sections are still empty: %(fields)s.") % {"fields": ", ".join(missing)})


def quiet_admin_notifications(user) -> None:
    """A member without admin access gets this app's emails, not Wagtail's (whose links lead to
    an admin they cannot open)."""
    if user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    profile.approved_notifications = profile.rejected_notifications = False
    profile.updated_comments_notifications = False
    profile.save(update_fields=["approved_notifications", "rejected_notifications", "updated_comments_notifications"])


@transaction.atomic
def submit(submission: Submission, user) -> PracticePage:
    """The first submission: a draft practice in the member's language, in the review workflow."""
    _check(submission)
    quiet_admin_notifications(user)
    if submission.page is not None:
        return update(submission, user)
    locale = member_locale(submission.member) if submission.member else Locale.get_default()
    parent = _parent(submission, locale)
    page = apply(submission, PracticePage(locale=parent.locale, live=False))
    page.slug = _unique_slug(parent, page.title)
    try:
        parent.add_child(instance=page)
    except ValidationError as error:
        raise SubmissionError(" ".join(error.messages)) from error
    page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    submission.page = page
    submission.status = Submission.Status.IN_REVIEW
    submission.submitted_at = timezone.now()
    submission.save()
    if workflow is not None:
        workflow.start(page, user)
    return page


@transaction.atomic
def update(submission: Submission, user) -> PracticePage:
    """The member's edits as a new draft revision; a review that asked for changes resumes."""
    _check(submission)
    page = submission.page.get_latest_revision_as_object()
    apply(submission, page)
    try:
        page.full_clean()
    except ValidationError as error:
        raise SubmissionError(" ".join(error.messages)) from error
    page.save_revision(user=user, log_action=True)
    state = submission.page.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None and not submission.page.live:
        workflow = submission.page.get_workflow()
        if workflow is not None:
            workflow.start(submission.page, user)
    submission.status = Submission.Status.IN_REVIEW
    submission.save(update_fields=["status", "updated_at"])
    return submission.page


def lab_gone(submission: Submission) -> bool:
    """A lab was chosen, then deleted before the submission was sent (the draft stays)."""
    return submission.data.get("lab_id") is not None and submission.lab_id is None
