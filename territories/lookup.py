"""Finding territories by name or code, for the reader's choice and the editors' autocomplete.

A code is looked up exactly (INSEE or SIREN, any level); a name by its search form
(``territories.text.search_form``): first the names that start with what was typed, a range
of the ``territory_name_search`` index (byte order on both databases) that holds each name from
each of its words on, so "etienne" finds Saint-Étienne too. The whole name first, then names
starting with what was typed, then names with a word starting with it; current territories
before historical ones, largest first.
"""

import re

from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from territories.models import Level, Territory, TerritoryName
from territories.text import MAX_INPUT, search_form

LIMIT = 10
_CODE = re.compile(r"^(?:\d[0-9AB]\d{0,7}|\d{2,9})$")
FIELDS = ("id", "level", "code", "name", "population", "zone", "epci_type", "historical", "departement__name")


class InputTooLong(ValueError):
    pass


def find(text: str, *, limit: int = LIMIT, level: str = "") -> list[Territory]:
    raw = (text or "").strip()
    if len(raw) > MAX_INPUT:
        raise InputTooLong(raw[:20])
    base = Territory.objects.select_related("departement", "merged_into").only(*FIELDS, "merged_into__name")
    if level:
        base = base.filter(level=level)
    code = raw.upper().replace(" ", "")
    found = list(base.filter(code=code)) if _CODE.match(code) else []
    name = search_form(raw)
    if name and len(found) < limit:
        found += _named(base, name, [territory.pk for territory in found], limit - len(found), level)
    return found[:limit]


def _named(base, name: str, exclude: list[int], limit: int, level: str) -> list[Territory]:
    """One range of the ``territory_name_search`` index (ranking columns included), then the
    territories found: the whole name typed first, then names that start with it, then names
    with a word that does; current before historical, largest first."""
    exact = Case(When(form=name, whole=True, then=Value(0)), default=Value(1), output_field=IntegerField())
    forms = TerritoryName.objects.filter(form__gte=name, form__lt=name + "~").exclude(territory_id__in=exclude)
    if level:
        forms = forms.filter(territory__level=level)
    ranked = forms.order_by(exact, "-whole", "historical", F("population").desc(nulls_last=True)).values_list(
        "territory_id", flat=True
    )
    ids = list(dict.fromkeys(ranked[: limit * 3]))[:limit]
    by_id = {territory.pk: territory for territory in base.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def by_key(key: str) -> Territory | None:
    """``"commune:42218"`` (what the autocomplete returns) -> the territory, or None."""
    level, _sep, code = (key or "")[:40].partition(":")
    if not level or not code:
        return None
    return Territory.objects.filter(level=level, code=code).select_related("merged_into").first()


def exact(text: str) -> list[Territory]:
    """The territories whose code or whole name is ``text`` (several: homonyms)."""
    raw = (text or "").strip()[:MAX_INPUT]
    code = raw.upper().replace(" ", "")
    condition = Q(search_name=search_form(raw))
    if _CODE.match(code):
        condition |= Q(code=code)
    return list(
        Territory.objects.filter(condition)
        .select_related("departement", "merged_into")
        .order_by("historical", "level")[:LIMIT]
    )


class UnknownCode(ValueError):
    """A code that names no territory, or several (the message says which and how to choose)."""


def by_code(text: str) -> Territory:
    """A territory from ``42218``, ``244200770`` or ``departement:01`` (a level is needed where
    codes of two levels coincide). A merged commune gives the commune it joined."""
    raw = (text or "").strip()[:40]
    level, _sep, code = raw.rpartition(":")
    code = code.strip().upper()
    candidates = Territory.objects.filter(code=code).select_related("merged_into")
    if level:
        if level.strip() not in Level.values:
            raise UnknownCode(
                _("unknown level “%(level)s” (region, departement, epci or commune).") % {"level": level[:20]}
            )
        candidates = candidates.filter(level=level.strip())
    found = list(candidates.order_by("level")[:3])
    if not found:
        if level:
            raise UnknownCode(_("no %(level)s has the code “%(code)s”.") % {"level": level.strip(), "code": code})
        raise UnknownCode(_("no French territory has the code “%(code)s” (INSEE or SIREN).") % {"code": code})
    if len(found) > 1:
        choices = " or ".join(f"{territory.level}:{territory.code}" for territory in found)
        raise UnknownCode(
            _("“%(code)s” is the code of several territories: write %(choices)s.") % {"code": code, "choices": choices}
        )
    territory = found[0]
    return territory.merged_into if territory.historical and territory.merged_into_id else territory
