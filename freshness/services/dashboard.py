"""What the admin dashboard shows of freshness: each editor, the stale practices of their
labs; the network team, every stale practice, per lab (a count per lab and the oldest of
each). A fixed number of queries whatever the number of practices or labs."""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.db.models import Q

from freshness.models import Reminder
from freshness.services.owners import Owner, lab_of, owners_of
from freshness.services.reminders import stale_practices
from labs.models import LabPage
from practices.models import PracticePage
from praxis.services.editorial import EDITORS_SUFFIX, NETWORK_TEAM

SHOWN_PER_LAB = 20


@dataclass
class StaleRow:
    practice: PracticePage
    owner: Owner
    reminder: Reminder | None


@dataclass
class LabRows:
    title: str
    count: int = 0
    rows: list[StaleRow] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.rows)


def is_network_team(user) -> bool:
    return user.is_superuser or user.groups.filter(name=NETWORK_TEAM).exists()


def edited_lab_pages(user):
    """Every translation of the labs whose editors group ``user`` is in."""
    groups = Group.objects.filter(user=user, name__endswith=EDITORS_SUFFIX)
    keys = LabPage.objects.filter(group_permissions__group__in=groups).values("translation_key")
    return LabPage.objects.filter(translation_key__in=keys)


def stale_for(user, *, team: bool) -> list[LabRows]:
    """The stale practices ``user`` should see, grouped by lab (oldest verification first)."""
    pages = PracticePage.objects.live()
    if not team:
        paths = list(edited_lab_pages(user).values_list("path", flat=True))
        if not paths:
            return []
        within = Q()
        for path in paths:
            within |= Q(path__startswith=path)
        pages = pages.filter(within)
    practices = stale_practices(pages)
    owners = owners_of(practices)
    reminders = {
        r.translation_key: r
        for r in Reminder.objects.filter(translation_key__in=[p.translation_key for p in practices])
    }
    labs = dict(LabPage.objects.filter(path__in={lab_of(p) for p in practices}).values_list("path", "title"))
    groups: dict[str, LabRows] = {}
    for practice in practices:
        title = labs.get(lab_of(practice), "")
        group = groups.setdefault(title, LabRows(title))
        group.count += 1
        if len(group.rows) < SHOWN_PER_LAB:
            key = practice.translation_key
            group.rows.append(StaleRow(practice, owners[str(key)], reminders.get(key)))
    return sorted(groups.values(), key=lambda group: (-group.count, group.title == "", group.title))
