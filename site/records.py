"""Records (JSON-ready dicts, one per page) written as CSV or JSON text, for exports and the open-data dump."""

import csv
import io
import json


def plain_cell(value) -> str:
    """A JSON value as CSV text: empty for none, a list's items separated by "; "."""
    if value is None:
        return ""
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def records_to_csv(records: list[dict], columns: list[str], cells: dict | None = None) -> str:
    """CSV text (UTF-8, comma-separated, one header line) of ``records``, one column per name in ``columns``.

    ``cells`` maps a column name to the function writing its cells (``plain_cell`` for the others).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for record in records:
        writer.writerow(csv_row(record, columns, cells))
    return buffer.getvalue()


def csv_row(record: dict, columns: list[str], cells: dict | None = None) -> list[str]:
    """One CSV row's cells: ``record``'s values in ``columns``' order, each written by its ``cells`` writer."""
    cells = cells or {}
    return [cells.get(name, plain_cell)(record.get(name)) for name in columns]


def json_text(document) -> str:
    """``document`` as indented JSON, non-ASCII characters kept as they are."""
    return json.dumps(document, ensure_ascii=False, indent=2)
