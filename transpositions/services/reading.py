"""What the plan page shows beside its form: the source box, estimates in words, the history,
and a plan's fields as plain text (what another collaborator saved, in a conflict)."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from practices.models import PracticePage
from transpositions.models import Plan, PlanChange
from transpositions.services import estimates


@dataclass
class Source:
    title: str
    taken_at: datetime | None
    page: PracticePage | None  # live and public: linked, its team reachable through the relay
    gone: str  # "", "unpublished" or "deleted"


def source_of(plan: Plan) -> Source:
    page = None
    if plan.practice_id:
        page = PracticePage.objects.live().public().filter(pk=plan.practice_id).first()
    gone = "" if page else ("unpublished" if plan.practice_id else "deleted")
    try:
        taken_at = datetime.fromisoformat(plan.source.get("taken_at", ""))
    except ValueError:
        taken_at = None
    return Source(title=plan.source_title, taken_at=taken_at, page=page, gone=gone)


def _euros(value: float) -> str:
    return _("%(amount)s €") % {"amount": number_format(int(value), force_grouping=True)}


def in_words(estimate: estimates.Estimate | None, unit=number_format) -> str:
    """A range said as a range: "between X and Y", "under Y", "over X"; never one figure."""
    if estimate is None:
        return ""
    if estimate.high is None:
        return _("over %(low)s") % {"low": unit(estimate.low)}
    if not estimate.low:
        return _("under %(high)s") % {"high": unit(estimate.high)}
    return _("between %(low)s and %(high)s") % {"low": unit(estimate.low), "high": unit(estimate.high)}


def estimates_of(plan: Plan) -> dict:
    budget, staff = estimates.budget(plan), estimates.staff(plan)
    return {
        "budget": in_words(budget, _euros),
        "budget_source": budget.source_label if budget else "",
        "staff": _("%(range)s full-time equivalents") % {"range": in_words(staff)} if staff else "",
        "staff_source": staff.source_label if staff else "",
    }


def label(name: str) -> str:
    return str(Plan._meta.get_field(name).verbose_name)


def as_text(plan: Plan, name: str) -> str:
    """``plan``'s field ``name`` as plain text (lists: one line per item)."""
    value = getattr(plan, name)
    if name == "status":
        return plan.get_status_display()
    if isinstance(value, list):
        return "\n".join(" · ".join(str(part) for part in item.values() if part) for item in value)
    return "" if value is None else str(value)


def history(plan: Plan, limit: int = 100) -> list[dict]:
    changes = PlanChange.objects.filter(plan=plan).select_related("member")[:limit]
    fields = {name for change in changes for name in change.fields}
    labels = {name: label(name) for name in fields if name in {f.name for f in Plan._meta.get_fields()}}
    return [
        {
            "who": change.member.name if change.member else "",
            "what": change.get_kind_display(),
            "fields": [labels.get(name, name) for name in change.fields],
            "detail": change.detail,
            "at": change.at,
        }
        for change in changes
    ]
