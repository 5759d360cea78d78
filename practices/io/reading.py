"""Turn the bytes of a CSV or JSON file into numbered records, or say clearly why not."""

import codecs
import csv
import io
import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from practices.io.columns import COLUMNS_BY_NAME, INFORMATIONAL_COLUMNS
from practices.io.text import header_key
from praxis.records import from_spreadsheet_safe

FORMATS = ("csv", "json")


@dataclass(frozen=True)
class Problem:
    """An error in the file: ``row`` 0 means the file as a whole, ``column`` may be empty."""

    row: int
    column: str
    message: str
    unit: str = "row"

    def __str__(self):
        if not self.row:
            return self.message
        where = _("Record %(number)d") if self.unit == "record" else _("Row %(number)d")
        where = where % {"number": self.row}
        if self.column:
            where += ", " + _("column “%(column)s”") % {"column": self.column}
        return f"{where}: {self.message}"


@dataclass
class Record:
    number: int
    cells: dict


class FileProblem(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def decode(data: bytes, encoding: str | None = None) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise FileProblem(_("This looks like a spreadsheet workbook (.xlsx or .ods): save it as “CSV UTF-8” first."))
    if encoding:
        try:
            return data.decode("utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding)
        except LookupError:
            raise FileProblem(_("Unknown encoding “%(encoding)s”.") % {"encoding": encoding}) from None
        except UnicodeDecodeError as error:
            raise FileProblem(
                _("The file cannot be read as %(encoding)s (line %(line)d).")
                % {"encoding": encoding, "line": data[: error.start].count(b"\n") + 1}
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FileProblem(_("The file is in UTF-16: re-save it as “CSV UTF-8” (or plain UTF-8 text)."))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FileProblem(
            _(
                "The file is not in UTF-8 (unreadable byte 0x%(byte)02x on line %(line)d). Re-save it as "
                "“CSV UTF-8” from your spreadsheet, or, for a file saved by Excel on Windows, "
                "import it with --encoding cp1252."
            )
            % {"byte": data[error.start], "line": data[: error.start].count(b"\n") + 1}
        ) from None


def guess_format(text: str, filename: str = "") -> str:
    lowered = filename.lower()
    for fmt in FORMATS:
        if lowered.endswith("." + fmt):
            return fmt
    return "json" if text.lstrip()[:1] in ("[", "{") else "csv"


def check_columns(names: list[str], unit: str) -> list[Problem]:
    problems = []
    seen = set()
    for name in names:
        if name in seen:
            problems.append(Problem(0, name, _("The column “%(column)s” appears twice.") % {"column": name}, unit))
        seen.add(name)
        if name and name not in COLUMNS_BY_NAME and name not in INFORMATIONAL_COLUMNS:
            problems.append(
                Problem(
                    0,
                    name,
                    _("Unknown column “%(column)s”. The columns are listed in the README and the CSV template.")
                    % {"column": name},
                    unit,
                )
            )
    if "external_id" not in names:
        problems.append(
            Problem(0, "external_id", _("The column “external_id” is required: it identifies each practice."), unit)
        )
    return problems


def read_csv(text: str) -> tuple[list[Record], list[Problem]]:
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise FileProblem(_("The file is empty: the first line must hold the column names."))
    header_line = lines[0]
    delimiter = max([",", ";", "\t"], key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise FileProblem(_("The CSV file cannot be read: %(error)s.") % {"error": error}) from None
    names = [header_key(name) for name in rows[0]]
    problems = check_columns(names, "row")
    records = []
    for index, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(names) and any(cell.strip() for cell in row[len(names) :]):
            problems.append(Problem(index, "", _("This row has more cells than there are columns.")))
        cells = {
            name: from_spreadsheet_safe(row[position]) if position < len(row) else ""
            for position, name in enumerate(names)
            if name
        }
        records.append(Record(index, cells))
    return records, problems


def read_json(text: str) -> tuple[list[Record], list[Problem]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileProblem(
            _("The JSON is invalid (line %(line)d, column %(column)d): %(error)s.")
            % {"line": error.lineno, "column": error.colno, "error": error.msg}
        ) from None
    if isinstance(data, dict):
        data = data.get("practices")
    if not isinstance(data, list):
        raise FileProblem(_("The JSON must be a list of practices, or an object with a “practices” list."))
    records, problems, names = [], [], []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append(Problem(number, "", _("Each practice must be a JSON object."), "record"))
            continue
        cells = {header_key(key): value for key, value in item.items()}
        names.extend(name for name in cells if name not in names)
        records.append(Record(number, cells))
    if records:
        problems = check_columns(names, "record") + problems
    return records, problems


def read_records(data: bytes, fmt: str | None = None, filename: str = "", encoding: str | None = None):
    """(records, problems, unit); raises FileProblem when the file cannot be read at all."""
    text = decode(data, encoding)
    fmt = fmt or guess_format(text, filename)
    if fmt not in FORMATS:
        raise FileProblem(_("Unknown format “%(format)s”: use csv or json.") % {"format": fmt})
    if fmt == "json":
        records, problems = read_json(text)
        return records, problems, "record"
    records, problems = read_csv(text)
    return records, problems, "row"
