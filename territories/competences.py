"""The competence check: does the reader's level of government hold the competence a practice
needs, and if not, who does (for the reader's territory: its département, its EPCI…)?

The level needed is the practice's "legal competence needed" when the editor gave it;
otherwise the levels that hold the practice's policy areas in the competence rules (data,
reviewed in the admin). No rule and no level: nothing to check.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from territories.models import CompetenceRule, Level, Territory

STATE = "state"
# practices.choices.LegalCompetence codes -> levels of the reference
LEGAL_LEVELS = {
    "commune": Level.COMMUNE,
    "intercommunality": Level.EPCI,
    "departement": Level.DEPARTEMENT,
    "region": Level.REGION,
    "state": STATE,
}


@dataclass
class Holder:
    level: str
    territory: Territory | None = None  # the reader's own authority at that level, if known
    note: str = ""

    @property
    def words(self) -> str:
        if self.level == STATE:
            return _("the State")
        label = str(Level(self.level).label)
        if self.territory is not None:
            return _("%(level)s: %(name)s") % {"level": label, "name": self.territory.name}
        return label


@dataclass
class CompetenceCheck:
    holds: bool
    holders: list[Holder] = field(default_factory=list)
    explicit: bool = False  # the practice said which level

    @property
    def message(self) -> str:
        who = ", ".join(holder.words for holder in self.holders)
        return _("Your level of government does not hold this competence; it belongs to %(who)s.") % {"who": who}


def needed_levels(legal_competence: str, policy_area_ids) -> tuple[dict[str, str], bool]:
    """{level: note} the practice needs, and whether the practice itself said so."""
    if legal_competence in LEGAL_LEVELS:
        level = LEGAL_LEVELS[legal_competence]
        notes = dict(
            CompetenceRule.objects.filter(policy_area_id__in=list(policy_area_ids), level=level).values_list(
                "level", "note"
            )[:1]
        )
        return {level: notes.get(level, "")}, True
    rules = CompetenceRule.objects.filter(policy_area_id__in=list(policy_area_ids)).values_list("level", "note")
    found: dict[str, str] = {}
    for level, note in rules:
        found.setdefault(level, note)
    return found, False


def check(reader: Territory, legal_competence: str, policy_area_ids) -> CompetenceCheck | None:
    """None when there is nothing to check (no level needed, no rule)."""
    levels, explicit = needed_levels(legal_competence, policy_area_ids)
    if not levels:
        return None
    if reader.level in levels:
        return CompetenceCheck(holds=True, explicit=explicit)
    order = [Level.COMMUNE, Level.EPCI, Level.DEPARTEMENT, Level.REGION, STATE]
    holders = [
        Holder(level, None if level == STATE else reader.holder_at(level), note)
        for level, note in sorted(levels.items(), key=lambda item: order.index(item[0]))
    ]
    return CompetenceCheck(holds=False, holders=holders, explicit=explicit)
