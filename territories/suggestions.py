"""The territory types (taxonomy slugs) a reference territory suggests to editors."""

from territories.models import Level, Territory

URBAN_FROM = 50_000
RURAL_UNDER = 5_000


def suggested_type_slugs(territory: Territory) -> list[str]:
    slugs = []
    if territory.level == Level.REGION:
        slugs.append("regional")
    elif territory.level == Level.DEPARTEMENT:
        slugs.append("departemental")
    elif territory.epci_type == "METRO":
        slugs.append("metropolitain")
    elif territory.level == Level.EPCI and territory.epci_type == "CC":
        slugs.append("rural")
    elif territory.population is not None:
        if territory.population >= URBAN_FROM:
            slugs.append("urbain")
        elif territory.population < RURAL_UNDER:
            slugs.append("rural")
    if territory.is_overseas:
        slugs.append("outre-mer")
    return slugs
