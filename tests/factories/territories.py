"""The territory reference for tests: the small real extract of Etalab's découpage
administratif in tests/territories/data (never the network)."""

import io
from pathlib import Path

from django.core.management import call_command

from territories.models import Territory

DATA = Path(__file__).resolve().parents[1] / "territories" / "data"


def load_reference() -> None:
    call_command("load_territories", str(DATA), stdout=io.StringIO())


def load_centres() -> None:
    """The real centres of the extract's current communes (the others' are derived)."""
    call_command("load_territory_centres", str(DATA / "centres.csv"), stdout=io.StringIO())


def territory(level: str, code: str) -> Territory:
    return Territory.objects.get(level=level, code=code)


def choose(client, code: str, level: str = "commune") -> None:
    """The reader of ``client`` says where they work (the territory form)."""
    assert client.post("/fr/territory/", {"territory": f"{level}:{code}"}).status_code == 302
