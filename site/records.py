"""Records (JSON-ready dicts, one per page) written as CSV or JSON text, for exports and the open-data dump.

Every CSV cell the project writes goes through ``spreadsheet_safe``: a cell a spreadsheet would
run as a formula is written with a leading apostrophe (see the README, "Safe CSV cells");
``from_spreadsheet_safe`` undoes it exactly on import.
"""

import csv
import io
import json
import re

# A spreadsheet runs a cell starting with one of these (formula, DDE): "=", "+", "-", "@", tab, CR.
FORMULA_START = "=+-@\t\r"
# Dangerous: the start above, after any number of apostrophes (so that the prefix stays reversible).
_DANGEROUS = re.compile(r"'*[=+\-@\t\r]")
_PREFIXED = re.compile(r"'+[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?")  # -1.5 stays a number


def spreadsheet_safe(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs: one apostrophe is put before a cell that starts
    with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (possibly after apostrophes); a plain
    number such as ``-1.5`` is left as it is."""
    if _DANGEROUS.match(text) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def from_spreadsheet_safe(text: str) -> str:
    """The inverse of ``spreadsheet_safe``: drop one leading apostrophe, only when apostrophes are
    followed by one of the dangerous characters."""
    return text[1:] if _PREFIXED.match(text) else text


def plain_cell(value) -> str:
    """A JSON value as CSV text: empty for none, a list's items separated by "; "."""
    if value is None:
        return ""
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def records_to_csv(records: list[dict], columns: list[str], cells: dict | None = None) -> str:
    """CSV text (UTF-8, comma-separated, one header line) of ``records``, one column per name in ``columns``.

    ``cells`` maps a column name to the function writing its cells (``plain_cell`` for the others);
    every cell is then made ``spreadsheet_safe``.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for record in records:
        writer.writerow(csv_row(record, columns, cells))
    return buffer.getvalue()


def csv_row(record: dict, columns: list[str], cells: dict | None = None) -> list[str]:
    """One CSV row's cells: ``record``'s values in ``columns``' order, each written by its ``cells``
    writer, then made safe for spreadsheets (``spreadsheet_safe``)."""
    cells = cells or {}
    return [spreadsheet_safe(cells.get(name, plain_cell)(record.get(name))) for name in columns]


def json_text(document) -> str:
    """``document`` as indented JSON, non-ASCII characters kept as they are."""
    return json.dumps(document, ensure_ascii=False, indent=2)
