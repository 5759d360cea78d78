"""The demo's data files, read: ``read_catalogue(folder)``.

A content folder (``demo/content`` by default) holds one YAML file per page, its name being the
page's key: ``pages/``, ``labs/``, ``programmes/`` and ``practices/``; ``sources.yaml``, the
seed articles that practices cite by key; and ``catalogue.yaml``, the order pages are loaded in
(an original practice before its transpositions, the labs before the programmes they run).
"""

from dataclasses import dataclass
from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parent / "content"
KINDS = ("pages", "labs", "programmes", "practices")


class DemoDataError(ValueError):
    """A data file is missing, unlisted or holds something the loader does not know."""


@dataclass(frozen=True)
class Catalogue:
    """Every item of the content folder, in loading order; each item is its file's data plus its ``key``."""

    folder: Path
    pages: list[dict]
    labs: list[dict]
    programmes: list[dict]
    practices: list[dict]
    sources: dict[str, dict]

    @property
    def public_practices(self) -> list[dict]:
        return [item for item in self.practices if item.get("live", True) and not item.get("restricted")]


def read_yaml(path: Path):
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.safe_load(stream)
    except yaml.YAMLError as error:
        raise DemoDataError(f"{path}: {error}") from error


def _read_kind(folder: Path, kind: str, keys: list[str]) -> list[dict]:
    files = {path.stem: path for path in (folder / kind).glob("*.yaml")}
    unlisted, missing = sorted(set(files) - set(keys)), sorted(set(keys) - set(files))
    if unlisted or missing:
        raise DemoDataError(
            f"{folder / 'catalogue.yaml'}: {kind} files not listed: {unlisted}; listed without a file: {missing}"
        )
    items = []
    for key in keys:
        data = read_yaml(files[key])
        if not isinstance(data, dict):
            raise DemoDataError(f"{files[key]}: expected a mapping of fields")
        items.append({"key": key, **data})
    return items


def read_catalogue(folder: Path | str = CONTENT) -> Catalogue:
    folder = Path(folder)
    order = read_yaml(folder / "catalogue.yaml")
    return Catalogue(
        folder=folder,
        **{kind: _read_kind(folder, kind, order.get(kind) or []) for kind in KINDS},
        sources=read_yaml(folder / "sources.yaml") or {},
    )
