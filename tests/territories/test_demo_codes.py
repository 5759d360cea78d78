"""The demo content names its French territories by code: every code is in the reference (the
shipped extract holds them all), and without the reference the demo still loads, unlinked."""

from demo.catalogue import read_catalogue
from demo.fields import reference_territory_id
from territories.models import Territory


def items_with_codes():
    catalogue = read_catalogue()
    return [item for item in [*catalogue.labs, *catalogue.practices] if item.get("territory_code")]


def test_every_demo_code_names_a_current_territory(reference):
    items = items_with_codes()
    assert len(items) >= 14
    for item in items:
        pk = reference_territory_id(item)
        assert pk is not None, item["key"]
        assert not Territory.objects.get(pk=pk).historical
    mulhouse = next(item for item in items if item["key"] == "mulhouse-laboratoire")
    assert Territory.objects.get(pk=reference_territory_id(mulhouse)).name == "Mulhouse"


def test_without_the_reference_no_link_and_no_error(db):
    assert all(reference_territory_id(item) is None for item in items_with_codes())
