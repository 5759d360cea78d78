"""Reading rendered pages in tests (tests/ is on sys.path: ``from html_helpers import ...``)."""

import re

from bs4 import BeautifulSoup
from django.utils import translation


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    """The element's text with runs of spaces and newlines collapsed (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(" ")).strip()


def french(value):
    """A translatable label as the French page shows it (whatever the catalogue holds)."""
    with translation.override("fr"):
        return str(value)
