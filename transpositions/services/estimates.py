"""Budget and staff time rescaled from the source practice to the plan's territory.

The source gives a range (``practices.choices.BudgetRange``, ``StaffTime``). Its bounds are
multiplied by the size ratio (the plan's population over the source's, by default) and by
the price change since the source's year, both stated and editable on the plan. The result is
a range again, rounded *outwards* to two significant figures: never narrower, relatively,
than the source's own range, so never more precise than what it came from.
"""

import json
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.utils.translation import gettext as _

from practices.choices import BudgetRange, StaffTime

# Bounds of each range: (low, high); None: open-ended.
BUDGET_BOUNDS = {
    BudgetRange.UNDER_10K: (0, 10_000),
    BudgetRange.FROM_10K: (10_000, 50_000),
    BudgetRange.FROM_50K: (50_000, 200_000),
    BudgetRange.FROM_200K: (200_000, 1_000_000),
    BudgetRange.OVER_1M: (1_000_000, None),
}
STAFF_BOUNDS = {
    StaffTime.UNDER_HALF: (0, 0.5),
    StaffTime.HALF_TO_ONE: (0.5, 1),
    StaffTime.ONE_TO_THREE: (1, 3),
    StaffTime.OVER_THREE: (3, None),
}


@dataclass(frozen=True)
class Estimate:
    low: float
    high: float | None  # None: "over ``low``"
    source_label: str  # the source's range, in words


def round_out(value: float, up: bool) -> float:
    """``value`` to two significant figures, rounded away from the range's inside."""
    if value <= 0:
        return 0
    value = float(f"{value:.9g}")  # 200,000 × 2.2 is 440,000.00000000006 in floats: still 440,000
    scale = 10 ** (math.floor(math.log10(value)) - 1)
    rounded = round((math.ceil if up else math.floor)(value / scale) * scale, 6)
    return int(rounded) if rounded == int(rounded) else rounded  # 2 posts, not 2.0


def factor(cost_ratio, price_change) -> float:
    ratio = float(cost_ratio) if cost_ratio is not None else 1.0
    change = float(price_change) if price_change is not None else 0.0
    return max(ratio, 0.0) * (1 + change / 100)


def rescale(bounds: dict, code: str, labels, cost_ratio, price_change) -> Estimate | None:
    if code not in bounds:
        return None
    low, high = bounds[code]
    f = factor(cost_ratio, price_change)
    return Estimate(
        low=round_out(low * f, up=False),
        high=None if high is None else round_out(high * f, up=True),
        source_label=str(labels(code).label),
    )


def budget(plan) -> Estimate | None:
    return rescale(BUDGET_BOUNDS, plan.source.get("budget_range", ""), BudgetRange, plan.cost_ratio, plan.price_change)


def staff(plan) -> Estimate | None:
    """Staff time (full-time posts) grows with size, not with prices."""
    return rescale(STAFF_BOUNDS, plan.source.get("staff_time", ""), StaffTime, plan.cost_ratio, None)


def default_ratio(source_population: int | None, population: int | None) -> Decimal | None:
    if not source_population or not population:
        return None
    return Decimal(population / source_population).quantize(Decimal("0.0001"))


PRICES = Path(__file__).resolve().parents[1] / "consumer_prices.json"


@cache
def yearly_price_changes() -> dict[int, float]:
    """{year: average change of consumer prices that year, in %} (data: consumer_prices.json)."""
    return {int(year): change for year, change in json.loads(PRICES.read_text())["changes"].items()}


def default_price_change(start_year: int | None) -> Decimal | None:
    """How much prices rose since the source's year (%, one decimal): the yearly changes of
    every later year listed, compounded. None when the year is unknown."""
    if not start_year:
        return None
    factor = 1.0
    for year, change in yearly_price_changes().items():
        if year > start_year:
            factor *= 1 + change / 100
    return Decimal(str(round((factor - 1) * 100, 1)))


def default_assumption(source: dict, population: int | None, ratio: Decimal | None, price_change=None) -> str:
    if ratio is None:
        size = _(
            "Same size as the source assumed: the population of one of the two territories is unknown. "
            "Change the ratio if your territory is larger or smaller."
        )
    else:
        size = _(
            "Costs and staff time grow with population: %(population)s inhabitants here against "
            "%(source_population)s in %(territory)s, a ratio of %(ratio)s."
        ) % {
            "population": f"{population:,}".replace(",", "\u202f"),
            "source_population": f"{source['population']:,}".replace(",", "\u202f"),
            "territory": source.get("territory_name") or _("the source territory"),
            "ratio": f"{ratio:.2f}",
        }
    if price_change is None:
        return size
    prices = _(
        "Prices of %(year)s raised by %(change)s %% (consumer prices, INSEE, to %(last)s): staff time is not."
    ) % {"year": source["start_year"], "change": f"{price_change:.1f}", "last": max(yearly_price_changes())}
    return f"{size} {prices}"
