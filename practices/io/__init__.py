"""Import and export of practices (CSV and JSON, the same columns both ways).

- ``import_practices(data, ...)``: validate every row, then import all or nothing.
- ``export_csv(practices)`` / ``export_json(practices)``: any set of practices (a queryset,
  a list, search results), live and public only, never contact emails.
"""

from practices.io.exporter import export_csv, export_json
from practices.io.importer import import_practices

__all__ = ["export_csv", "export_json", "import_practices"]
