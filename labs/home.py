"""What the home page shows of the lab network: labs by country."""

from django.db.models import Count
from django_countries import countries
from wagtail.models import Locale

from labs.models import LabPage
from praxis.visibility import best_translations


def labs_by_country() -> dict:
    locale = Locale.get_active()
    public_labs = LabPage.objects.live().public()
    rows = best_translations(public_labs, locale).values("country").annotate(lab_count=Count("pk")).order_by()
    by_country = [
        {"code": row["country"], "name": countries.name(row["country"]), "lab_count": row["lab_count"]} for row in rows
    ]
    by_country.sort(key=lambda row: (-row["lab_count"], row["name"]))
    return {"labs_by_country": by_country, "lab_total": sum(row["lab_count"] for row in by_country)}
