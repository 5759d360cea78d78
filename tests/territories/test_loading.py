"""``manage.py load_territories``: the shipped extract, reloads, historical entries, bad input."""

import io
import json
import shutil
import tarfile

import pytest
from django.core.management import CommandError, call_command
from factories.territories import DATA

from territories.models import Level, Territory, Zone


def load(path) -> str:
    out = io.StringIO()
    call_command("load_territories", str(path), stdout=out)
    return out.getvalue()


def copy_of_data(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def edit(folder, name, change):
    path = folder / name
    entries = json.loads(path.read_text())
    entries = change(entries)
    path.write_text(json.dumps(entries, ensure_ascii=False))


def test_the_extract_loads_every_level_with_parents_and_zones(reference):
    saint_etienne = reference(Level.COMMUNE, "42218")
    assert saint_etienne.name == "Saint-Étienne"
    assert saint_etienne.search_name == "saint etienne"
    assert saint_etienne.population == 173136
    assert saint_etienne.departement.name == "Loire"
    assert saint_etienne.region.name == "Auvergne-Rhône-Alpes"
    assert saint_etienne.epci.name == "Saint-Étienne Métropole"
    assert saint_etienne.epci.epci_type == "METRO"
    assert saint_etienne.epci.population == 407700
    cc = reference(Level.EPCI, "246301097")
    assert (cc.epci_type, cc.population, cc.departement.code) == ("CC", 19687, "63")
    assert cc.members.filter(code="63195").exists()  # Lezoux
    guadeloupe = reference(Level.DEPARTEMENT, "971")
    assert guadeloupe.zone == Zone.OVERSEAS
    assert reference(Level.COMMUNE, "97120").zone == Zone.OVERSEAS
    assert reference(Level.REGION, "84").zone == Zone.METROPOLITAN
    loire = reference(Level.DEPARTEMENT, "42")
    assert loire.population == sum(
        Territory.objects.filter(departement=loire, level=Level.COMMUNE, historical=False).values_list(
            "population", flat=True
        )
    )


def test_a_merged_commune_is_historical_and_points_at_the_commune_it_joined(reference):
    amions = reference(Level.COMMUNE, "42004")
    assert amions.historical
    assert amions.merged_into == reference(Level.COMMUNE, "42268")
    assert not reference(Level.COMMUNE, "42268").historical


def test_loading_again_changes_nothing(reference):
    before = list(Territory.objects.order_by("pk").values())
    assert "nothing changed" in load(DATA)
    assert list(Territory.objects.order_by("pk").values()) == before


def test_a_reload_updates_populations_and_keeps_missing_territories_as_historical(reference, tmp_path):
    folder = copy_of_data(tmp_path)
    original = reference(Level.COMMUNE, "42218")

    def grow(entries):
        for entry in entries:
            if entry["code"] == "42218":
                entry["population"] = 180000
        return [entry for entry in entries if entry["code"] != "68224"]  # Mulhouse leaves the dataset

    edit(folder, "communes.json", grow)
    output = load(folder)
    assert "Commune: 32 in the dataset, 0 created, 1 updated, 1 now historical" in output
    saint_etienne = reference(Level.COMMUNE, "42218")
    assert (saint_etienne.pk, saint_etienne.population) == (original.pk, 180000)
    mulhouse = reference(Level.COMMUNE, "68224")
    assert mulhouse.historical and mulhouse.name == "Mulhouse"
    load(DATA)  # back in the dataset: current again
    assert not reference(Level.COMMUNE, "68224").historical


def test_the_npm_tarball_loads_like_the_folder(db, tmp_path):
    tarball = tmp_path / "etalab-decoupage-administratif-6.0.0.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(DATA, arcname="package/data")
    assert "Commune: 33 in the dataset, 33 created" in load(tarball)
    assert Territory.objects.filter(level=Level.COMMUNE, code="42218").exists()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda folder: folder / "nowhere", "does not exist"),
        (lambda folder: (folder / "communes.json").unlink() or folder, "communes.json is missing"),
        (lambda folder: (folder / "epci.json").write_text("{not json") and folder, "epci.json is not valid JSON"),
        (lambda folder: (folder / "regions.json").write_text("{}") and folder, "should hold a list"),
        (lambda folder: (folder / "regions.json").write_text('[{"code": "84"}]') and folder, "missing 'nom'"),
        (lambda folder: (folder / "x.tgz").write_bytes(b"not a tarball") and folder / "x.tgz", "readable tarball"),
    ],
)
def test_a_broken_dataset_is_refused_with_its_reason_and_nothing_is_written(db, tmp_path, setup, message):
    path = setup(copy_of_data(tmp_path))
    with pytest.raises(CommandError, match=message):
        load(path)
    assert not Territory.objects.exists()
