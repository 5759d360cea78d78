"""Starting a plan from a practice: a copy of what it is built from, and every list filled in.

The copy (``Plan.source``) is what the plan, its history and its note rely on when the
practice changes, is unpublished or deleted. It holds no contact email: plans never carry
one (the practice's team is reached through the members' relay).
"""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import override

from members.models import Member
from practices.models import PracticePage
from territories import competences
from territories.models import Territory
from transpositions.models import ITEMS_MAX, TEXT_MAX, TITLE_MAX, Collaborator, Plan, PlanChange
from transpositions.services import estimates

BLOCKS = re.compile(r"<(?:li|p|h[2-6])\b[^>]*>(.*?)</(?:li|p|h[2-6])>", re.IGNORECASE | re.DOTALL)


def rich_text_items(html: str) -> list[str]:
    """The list items (else paragraphs) of a rich text, as plain text."""
    items = [" ".join(strip_tags(part).split()) for part in BLOCKS.findall(html or "")]
    items = [item for item in items if item]
    if not items and strip_tags(html or "").strip():
        items = [" ".join(strip_tags(html).split())]
    return [item[:TEXT_MAX] for item in items[:ITEMS_MAX]]


def plain(html: str) -> str:
    return "\n\n".join(rich_text_items(html))


def snapshot(practice: PracticePage) -> dict:
    """What the plan keeps of ``practice`` (JSON), in the practice's language."""
    labs = list(practice.labs.all().values_list("title", flat=True))
    return {
        "page_id": practice.pk,
        "revision_id": practice.live_revision_id or practice.latest_revision_id,
        "language": practice.locale.language_code,
        "taken_at": timezone.now().isoformat(timespec="seconds"),
        "title": practice.title,
        "url": practice.get_full_url() or "",
        "summary": practice.summary,
        "problem": plain(practice.problem),
        "actions": plain(practice.actions),
        "results": plain(practice.results),
        "challenges": plain(practice.challenges),
        "success_conditions": plain(practice.success_conditions),
        "lessons": plain(practice.lessons),
        "territory_name": practice.territory_name,
        "territory_id": practice.reference_territory_id,
        "country": str(practice.country),
        "population": practice.population,
        "start_year": practice.start_year,
        "end_year": practice.end_year,
        "lifecycle_stage": practice.lifecycle_stage,
        "evidence_level": practice.evidence_level,
        "legal_competence": practice.legal_competence,
        "budget_range": practice.budget_range,
        "staff_time": practice.staff_time,
        "duration": practice.duration,
        "prerequisites": practice.prerequisite_list,
        "core_elements": practice.core_element_list,
        "adaptable_elements": practice.adaptable_element_list,
        "policy_areas": [term.name for term in practice.policy_areas.all()],
        "policy_area_ids": [term.pk for term in practice.policy_areas.all()],
        "labs": labs,
        "contact_name": practice.contact_name,
        "contact_role": practice.contact_role,
        "licence": practice.licence,
        "sources": [
            {"title": block.value.get("title", ""), "url": block.value.get("url", "")}
            for block in practice.sources
            if block.block_type == "source"
        ],
    }


def competence_check(source: dict, territory: Territory | None) -> dict:
    """The competence check for ``territory`` (JSON), or {} when there is nothing to check."""
    if territory is None:
        return {}
    found = competences.check(territory, source.get("legal_competence", ""), source.get("policy_area_ids", []))
    if found is None:
        return {}
    return {
        "holds": found.holds,
        "message": "" if found.holds else found.message,
        "holders": [holder.words for holder in found.holders],
        "territory": territory.name,
    }


def default_title(source: dict, territory_name: str) -> str:
    if territory_name:
        title = _("%(practice)s, in %(territory)s") % {"practice": source["title"], "territory": territory_name}
    else:
        title = source["title"]
    return Truncator(title).chars(TITLE_MAX)


def source_version(practice: PracticePage, member: Member) -> PracticePage:
    """The live translation of ``practice`` in the member's language, else ``practice``."""
    found = (
        PracticePage.objects.live()
        .filter(translation_key=practice.translation_key, locale__language_code=member.language)
        .first()
    )
    return found or practice


@transaction.atomic
def start_plan(member: Member, practice: PracticePage, territory: Territory | None = None) -> Plan:
    """A new plan of ``member`` (its owner) for ``practice`` and their territory.

    ``territory``: the reference territory, else the member's (profile). Everything a member
    then edits is filled in from the practice.
    """
    practice = source_version(practice, member)
    territory = territory or member.territory
    territory_name = territory.name if territory else member.territory_name
    population = territory.population if territory else None
    with override(member.language):
        source = snapshot(practice)
        ratio = estimates.default_ratio(source.get("population"), population)
        price_change = estimates.default_price_change(source.get("start_year"))
        plan = Plan.objects.create(
            practice=practice,
            practice_key=practice.translation_key,
            source=source,
            title=default_title(source, territory_name),
            language=member.language,
            territory=territory,
            territory_name=territory_name,
            population=population,
            core_elements=[{"text": text, "decision": "", "why": ""} for text in source["core_elements"]],
            adaptable_elements=[{"text": text, "choice": ""} for text in source["adaptable_elements"]],
            prerequisites=[
                {"text": text, "state": Plan.Readiness.TO_DO, "who": "", "when": ""} for text in source["prerequisites"]
            ],
            competence=competence_check(source, territory),
            cost_ratio=ratio,
            price_change=price_change,
            estimate_assumption=estimates.default_assumption(source, population, ratio, price_change),
            risks=[{"text": text, "mitigation": ""} for text in rich_text_items(practice.challenges)],
            created_by=member,
        )
    Collaborator.objects.create(plan=plan, member=member, role=Collaborator.Role.OWNER)
    PlanChange.objects.create(plan=plan, member=member, kind=PlanChange.Kind.CREATED)
    return plan
